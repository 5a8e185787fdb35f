// Build each target again from its files at the --base revision, so that change rules can compare the two models.
import { CilintError } from '../errors.js';
import { buildTargets } from '../inputs/targets.js';
import type { SetValue, Target } from '../inputs/targets.js';
import type { ConfigModel } from '../model/config-model.js';
import type { Minor } from '../version.js';
import { AbsentAtBaseError, BaseUnavailableError, RevisionReader } from './git-revision.js';

/** What --base asks: the revision, and whether an unreadable base fails the run (CLI) or skips the change rules (Action). */
export interface BaseOptions {
  readonly ref: string;
  readonly ifUnavailable: 'fail' | 'skip';
}

/** The head target's request, as far as the base needs it. */
export interface BaseRequest {
  readonly values: readonly string[];
  readonly sets: readonly SetValue[];
  readonly minor: Minor;
  readonly maxFileBytes?: number;
}

/** The base model of each target that exists at the base, and notices about what was skipped. */
export interface BaseModels {
  readonly models: ReadonlyMap<Target, ConfigModel>;
  readonly notices: readonly string[];
}

/**
 * Rebuild every target from the base revision, one by one: a file new in this change has no base (and
 * no finding), a file unreadable at the base is a notice. When the base itself cannot be read, the CLI
 * fails (exit 2) and the Action carries on without the change rules, saying how to fetch it.
 */
export function baseModels(targets: readonly Target[], request: BaseRequest, options: BaseOptions): BaseModels {
  const reader = new RevisionReader(options.ref);
  const models = new Map<Target, ConfigModel>();
  const notices: string[] = [];
  try {
    for (const target of targets) {
      const model = baseOf(target, request, reader, notices);
      if (model) models.set(target, model);
    }
  } catch (error) {
    if (!(error instanceof BaseUnavailableError) || options.ifUnavailable === 'fail') throw error;
    return { models: new Map(), notices: [`The PR-change rules were skipped: ${error.message}. With actions/checkout, set fetch-depth: 0 so that the base commit is there.`] };
  }
  return { models, notices };
}

function baseOf(target: Target, request: BaseRequest, reader: RevisionReader, notices: string[]): ConfigModel | undefined {
  const files = target.model.files;
  const isRelease = target.model.kind === 'helm-values' && request.values.length > 0 && files.join('\0') === request.values.join('\0');
  // The same shape of request as the target came from: a ConfigMap, the -f release, or one positional values file.
  const shape =
    target.model.kind === 'config-map' ? { files: [], values: [], sets: [], configMaps: files }
    : isRelease ? { files: [], values: request.values, sets: request.sets, configMaps: [] }
    : { files, values: [], sets: request.values.length === 0 ? request.sets : [], configMaps: [] };
  try {
    const [base] = buildTargets({ ...shape, minor: request.minor, ...(request.maxFileBytes === undefined ? {} : { maxFileBytes: request.maxFileBytes }), readText: (file, max) => reader.read(file, max) });
    return base?.model;
  } catch (error) {
    if (error instanceof AbsentAtBaseError) return undefined;
    if (error instanceof BaseUnavailableError || !(error instanceof CilintError)) throw error;
    notices.push(`${files.join(', ')} at the base revision could not be read (${error.message}), so its changes were not checked.`);
    return undefined;
  }
}
