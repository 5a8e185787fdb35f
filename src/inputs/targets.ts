// Turn the command line's files into targets: each positional file alone, the -f files as one release.
import { InputError, UsageError } from '../errors.js';
import { applySetFlag } from '../helm/strvals.js';
import { emptyMap, fromParsed, mergeValues, valueAt } from '../helm/values-tree.js';
import type { SetFlag, VMap } from '../helm/values-tree.js';
import { modelFromConfigMap } from '../model/from-config-map.js';
import { helmReader, modelFromHelmValues } from '../model/from-helm-values.js';
import { auditConfigKeys, auditHelmValues } from '../model/key-audit.js';
import type { KeyIssue } from '../model/key-audit.js';
import { builtInHelmKeys } from '../chart/known-keys.js';
import type { HelmKeySet } from '../chart/known-keys.js';
import type { LocalChart } from '../chart/chart-dir.js';
import type { ConfigModel } from '../model/config-model.js';
import { HELM_DEFAULTS } from '../model/helm-keymap.js';
import { stepAt } from '../model/steps.js';
import type { ShadowedMap } from '../rules/input-checks.js';
import type { Minor } from '../version.js';
import { describeKind, findCiliumConfig } from './classify.js';
import type { SkippedDocument } from './classify.js';
import { readTextFile } from './read-text.js';
import type { TextFile } from './read-text.js';
import { parseYamlFile } from './yaml-tree.js';
import type { DuplicateKey, YamlFile } from './yaml-tree.js';

/** A SetValue is one --set, --set-string or --set-json flag; within one flag, the order given is kept. */
export interface SetValue {
  readonly flag: SetFlag;
  readonly text: string;
}

/** What to lint, as the command line gives it. */
export interface TargetRequest {
  readonly files: readonly string[];
  readonly values: readonly string[];
  readonly sets: readonly SetValue[];
  readonly configMaps: readonly string[];
  readonly minor: Minor;
  readonly maxFileBytes?: number;
  /** A local chart (--chart) whose keys and defaults replace the built-in ones. */
  readonly chart?: LocalChart;
  /** Where the Cilium values sit in the values files (--values-root), for umbrella charts. */
  readonly valuesRoot?: string;
  /** How to read a file; the --base change rules read them at a git revision. */
  readonly readText?: (file: string, maxBytes?: number) => TextFile;
}

/** A Target is one configuration to lint: its model, and what its readers noticed. */
export interface Target {
  readonly model: ConfigModel;
  readonly duplicates: readonly (DuplicateKey & { readonly file: string })[];
  readonly skipped: readonly (SkippedDocument & { readonly file: string })[];
  readonly shadowed: readonly ShadowedMap[];
  /** Removed, ignored and misspelt keys. */
  readonly keyIssues: readonly KeyIssue[];
}

/**
 * Read and build the targets one at a time, in the order the files were given (positional files, then
 * --config-map files, then the -f release), so that a run over thousands of files holds one parsed file at
 * a time.
 */
export function* readTargets(request: TargetRequest): Generator<Target> {
  const read = (file: string): YamlFile => {
    const text = (request.readText ?? readTextFile)(file, request.maxFileBytes);
    return parseYamlFile(text.path, text.text);
  };
  // --set flags belong to the -f release; without -f files they apply to each positional values file.
  const setsForPositional = request.values.length === 0 ? request.sets : [];
  let valuesTargets = 0;
  for (const file of request.files) {
    const parsed = read(file);
    const configMap = findCiliumConfig(parsed);
    if (configMap) {
      yield configMapTarget(parsed, configMap, request.minor);
    } else {
      valuesTargets++;
      yield releaseTarget([parsed], setsForPositional, request);
    }
  }
  for (const file of request.configMaps) {
    const parsed = read(file);
    const configMap = findCiliumConfig(parsed);
    if (!configMap) throw new InputError(parsed.path, 'no ConfigMap named cilium-config in this file (--config-map)');
    yield configMapTarget(parsed, configMap, request.minor);
  }
  if (request.values.length > 0) {
    valuesTargets++;
    yield releaseTarget(request.values.map(read), request.sets, request);
  }
  if (request.sets.length > 0 && valuesTargets === 0) {
    // A release made of --set flags alone has no file to point findings at (and GitHub needs one).
    throw new UsageError(`${request.sets[0]?.flag ?? '--set'} needs a Helm values target: give a values file (positional or -f)`);
  }
}

/** The target of a cilium-config ConfigMap found in a parsed file (live mode parses the API's answer). */
export function configMapTarget(parsed: YamlFile, match: NonNullable<ReturnType<typeof findCiliumConfig>>, minor: Minor): Target {
  return {
    model: modelFromConfigMap(match.data, parsed.path, minor),
    duplicates: parsed.duplicates.map((duplicate) => ({ ...duplicate, file: parsed.path })),
    skipped: match.skipped.map((skipped) => ({ ...skipped, file: parsed.path })),
    shadowed: [],
    keyIssues: auditConfigKeys([...(match.data?.entries ?? [])].map(([key, entry]) => ({ key, file: parsed.path, span: entry.span })), minor),
  };
}

/** One Helm release: the files merged in order, then the flags in Helm's order (--set-json, --set, --set-string). */
function releaseTarget(files: readonly YamlFile[], sets: readonly SetValue[], request: TargetRequest): Target {
  const { minor, chart } = request;
  const merged: VMap = emptyMap();
  const skipped: Target['skipped'][number][] = [];
  for (const file of files) {
    const [first, ...rest] = file.documents;
    const root = first?.root;
    if (root && root.kind !== 'map') {
      throw new InputError(file.path, `the top level of a values file must be a mapping, not a ${root.kind === 'seq' ? 'list' : 'scalar'}`, root.span.line, root.span.column);
    }
    if (root) mergeValues(merged, fromParsed(root, file.path));
    rest.forEach((document, offset) => {
      if (document.root) skipped.push({ index: offset + 1, kind: describeKind(document.root), span: document.root.span, file: file.path });
    });
  }
  for (const flag of ['--set-json', '--set', '--set-string'] as const) {
    for (const set of sets) if (set.flag === flag) applySetFlag(merged, flag, set.text);
  }
  const keys = chart?.keys ?? builtInHelmKeys(minor);
  const values = ciliumValues(merged, request.valuesRoot, keys, files[0]?.path ?? '');
  const model = modelFromHelmValues(values, minor, files.map((file) => file.path), chart?.defaults);
  return {
    model,
    duplicates: files.flatMap((file) => file.duplicates.map((duplicate) => ({ ...duplicate, file: file.path }))),
    skipped,
    shadowed: shadowedMaps(values, minor),
    keyIssues: auditHelmValues(values, keys, model.helm ?? helmReader(values, minor, chart?.defaults)),
  };
}

/**
 * The Cilium chart's values within a release: all of them, or those under --values-root, or, for an umbrella
 * chart that nests them under `cilium:` (the name of the dependency), those under `cilium` when that map holds
 * more of the chart's values than the top level does. Origins are kept, so findings keep their lines.
 */
function ciliumValues(merged: VMap, valuesRoot: string | undefined, keys: HelmKeySet, firstFile: string): VMap {
  if (valuesRoot !== undefined) {
    const at = valueAt(merged, valuesRoot.split('.'));
    if (at.state !== 'set' || at.value.kind !== 'map') throw new InputError(firstFile, `--values-root ${valuesRoot}: the values have no mapping at ${valuesRoot}`);
    return at.value;
  }
  const nested = merged.entries.get('cilium')?.value;
  if (keys.has('cilium') || nested?.kind !== 'map') return merged;
  const known = (map: VMap): number => [...map.entries.keys()].filter((key) => keys.has(key)).length;
  return known(nested) > known(merged) ? nested : merged;
}

/**
 * Values set to a scalar or a list where the chart of this release reads a map beneath them (`hubble: false`
 * while the chart reads hubble.enabled). Helm keeps the user's value ("cannot overwrite table with non
 * table", pkg/chart/common/util/coalesce.go) and the template then fails on the field access.
 */
function shadowedMaps(values: VMap, minor: Minor): ShadowedMap[] {
  const found: ShadowedMap[] = [];
  for (const { path, segments, reads } of mapPaths(minor)) {
    // Most prefixes start under a top-level key this file does not set: skip them without walking.
    if (!values.entries.has(segments[0] ?? '')) continue;
    const at = valueAt(values, segments);
    if (at.state === 'set' && at.value.kind !== 'map') found.push({ path, reads, origin: at.origin });
  }
  return found;
}

const mapPathsByMinor = new Map<Minor, readonly { path: string; segments: readonly string[]; reads: string }[]>();

/** Every path the chart of a release reads as a map (a proper prefix of a value it reads), with the first value beneath it; once per release. */
function mapPaths(minor: Minor): readonly { path: string; segments: readonly string[]; reads: string }[] {
  let paths = mapPathsByMinor.get(minor);
  if (paths) return paths;
  const byPath = new Map<string, { path: string; segments: readonly string[]; reads: string }>();
  for (const reads of Object.keys(HELM_DEFAULTS)) {
    if (stepAt(HELM_DEFAULTS[reads] ?? [], minor) === undefined) continue;
    const segments = reads.split('.');
    for (let length = 1; length < segments.length; length++) {
      const path = segments.slice(0, length).join('.');
      if (!byPath.has(path)) byPath.set(path, { path, segments: segments.slice(0, length), reads });
    }
  }
  paths = [...byPath.values()];
  mapPathsByMinor.set(minor, paths);
  return paths;
}
