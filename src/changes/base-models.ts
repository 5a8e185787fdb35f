// Build each target again from its files at the --base revision, so that change rules can compare the two models.
import { CilintError } from '../errors.js';
import { displayPath } from '../inputs/read-text.js';
import { readTargets } from '../inputs/targets.js';
import type { Target, TargetRequest } from '../inputs/targets.js';
import type { ConfigModel } from '../model/config-model.js';
import { AbsentAtBaseError, BaseUnavailableError, RevisionReader } from './git-revision.js';

/** What --base asks: the revision, and whether an unreadable base fails the run (CLI) or skips the change rules (Action). */
export interface BaseOptions {
  readonly ref: string;
  readonly ifUnavailable: 'fail' | 'skip';
}

/** The head target's request, as far as the base needs it. */
export type BaseRequest = Omit<TargetRequest, 'files' | 'configMaps' | 'readText'>;

/**
 * Rebuilds targets from the base revision, one at a time as lint reads them: a file new in this change has no
 * base (and no finding), a file unreadable at the base is a notice. When the base itself cannot be read, the
 * CLI fails (exit 2) and the Action carries on without the change rules, saying how to fetch it.
 */
export class BaseModels {
  private readonly request: BaseRequest;
  private readonly options: BaseOptions;
  private readonly reader: RevisionReader;
  private unavailable = false;
  readonly notices: string[] = [];

  constructor(request: BaseRequest, options: BaseOptions) {
    this.request = request;
    this.options = options;
    this.reader = new RevisionReader(options.ref);
  }

  /** The target's model at the base revision, or undefined when it has none (or the base is skipped). */
  modelOf(target: Target): ConfigModel | undefined {
    if (this.unavailable) return undefined;
    try {
      return baseOf(target, this.request, this.reader, this.notices);
    } catch (error) {
      if (!(error instanceof BaseUnavailableError) || this.options.ifUnavailable === 'fail') throw error;
      this.unavailable = true;
      this.notices.push(`The PR-change rules were skipped: ${error.message}. With actions/checkout, set fetch-depth: 0 so that the base commit is there.`);
      return undefined;
    }
  }
}

function baseOf(target: Target, request: BaseRequest, reader: RevisionReader, notices: string[]): ConfigModel | undefined {
  const files = target.model.files;
  // The model names files as they are displayed (relative, /-separated), whatever way -f gave them.
  const isRelease = target.model.kind === 'helm-values' && request.values.length > 0 && files.join('\0') === request.values.map((file) => displayPath(file)).join('\0');
  // The same shape of request as the target came from: a ConfigMap, the -f release, or one positional values file.
  const shape =
    target.model.kind === 'config-map' ? { files: [], values: [], sets: [], configMaps: files }
    : isRelease ? { files: [], values: request.values, sets: request.sets, configMaps: [] }
    : { files, values: [], sets: request.values.length === 0 ? request.sets : [], configMaps: [] };
  try {
    const [base] = readTargets({ ...request, ...shape, readText: (file, max) => reader.read(file, max) });
    return base?.model;
  } catch (error) {
    if (error instanceof AbsentAtBaseError) return undefined;
    if (error instanceof BaseUnavailableError || !(error instanceof CilintError)) throw error;
    notices.push(`${files.join(', ')} at the base revision could not be read (${error.message}), so its changes were not checked.`);
    return undefined;
  }
}
