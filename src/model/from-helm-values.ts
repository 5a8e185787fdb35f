// Build the model of a Helm release: render each key the way the chart of that release does.
import type { VMap } from '../helm/values-tree.js';
import { plainValue, valueAt } from '../helm/values-tree.js';
import type { Minor } from '../version.js';
import { agentDefault, createModel } from './config-model.js';
import type { ConfigModel } from './config-model.js';
import { renderText, truthy } from './go-template.js';
import { HELM_DEFAULTS, HELM_MAPPINGS } from './helm-keymap.js';
import type { HelmMapping, HelmReader, HelmValue, Rendered } from './helm-keymap.js';
import { isPlaceholder, sourceFromOrigin } from './setting.js';
import type { Setting } from './setting.js';
import { inRange, stepAt } from './steps.js';

/** The model of a release whose merged values (all -f files and --set flags) are given. */
export function modelFromHelmValues(values: VMap, minor: Minor, files: readonly string[], chartDefaults?: unknown): ConfigModel {
  const reader = helmReader(values, minor, chartDefaults);
  const written = new Map<string, Setting>();
  for (const [key, rendered] of renderConfigMap(reader)) {
    const value = rendered.value ?? agentDefault(key, minor).value;
    written.set(key, { key, value, unknown: value !== undefined && isPlaceholder(value), source: rendered.source });
  }
  return createModel('helm-values', minor, files, written, reader);
}

/**
 * The cilium-config keys the chart of the reader's release renders, as far as cilint knows them: a value, or
 * undefined when the chart leaves the key out. Keys whose Helm value is absent and has no default are missing.
 */
export function renderConfigMap(reader: HelmReader): Map<string, Rendered> {
  const rendered = new Map<string, Rendered>();
  for (const mapping of HELM_MAPPINGS) {
    if (rendered.has(mapping.key) || !inRange(reader.minor, mapping.since, mapping.until)) continue;
    const one = renderMapping(mapping, reader);
    if (one) rendered.set(mapping.key, one);
  }
  return rendered;
}

/**
 * A reader of a release's values with the chart defaults of its release beneath them: those of a local chart
 * (--chart) where it has the value, else the ones cilint ships.
 */
export function helmReader(values: VMap, minor: Minor, chartDefaults?: unknown): HelmReader {
  // Rules and mappings ask for the same paths again and again; the values do not change once read.
  const cache = new Map<string, HelmValue | undefined>();
  const read = (path: string): HelmValue | undefined => {
    const segments = segmentsOf(path);
    // Most paths start under a top-level key the values do not set: no need to walk them.
    const found = values.entries.has(segments[0] ?? '') ? valueAt(values, segments) : UNSET;
    if (found.state === 'set') return { value: plainValue(found.value), source: sourceFromOrigin(found.origin, path) };
    if (found.state === 'deleted') return { value: null, source: sourceFromOrigin(found.origin, path) };
    const local = defaultIn(chartDefaults, path);
    if (local.found) return { value: local.value, source: { kind: 'chart-default', minor, name: path } };
    return builtInDefault(path, minor);
  };
  return {
    minor,
    get(path: string): HelmValue | undefined {
      if (!cache.has(path)) cache.set(path, read(path));
      return cache.get(path);
    },
  };
}

const UNSET = { state: 'unset' } as const;
const segmentsByPath = new Map<string, readonly string[]>();
const builtInDefaults = new Map<string, HelmValue | undefined>();

function segmentsOf(path: string): readonly string[] {
  let segments = segmentsByPath.get(path);
  if (!segments) segmentsByPath.set(path, (segments = path.split('.')));
  return segments;
}

/** The default cilint ships for a path at a release, made once per process (every target asks for the same ones). */
function builtInDefault(path: string, minor: Minor): HelmValue | undefined {
  const cacheKey = `${minor} ${path}`;
  if (builtInDefaults.has(cacheKey)) return builtInDefaults.get(cacheKey);
  const steps = HELM_DEFAULTS[path];
  const value = steps ? stepAt(steps, minor) : undefined;
  const found: HelmValue | undefined = value === undefined ? undefined : { value, source: { kind: 'chart-default', minor, name: path } };
  builtInDefaults.set(cacheKey, found);
  return found;
}

/** What the chart writes for one mapping; undefined when the Helm value is absent and has no default. */
function renderMapping(mapping: HelmMapping, values: HelmReader): Rendered | undefined {
  const derived = mapping.derive?.(values);
  if (derived) return derived;
  const found = values.get(mapping.helm);
  if (!found) return undefined;
  if (mapping.renderIf && !mapping.renderIf(values)) return undefined;
  const written =
    mapping.render === 'truthy' ? truthy(found.value)
    : mapping.render === 'nonempty' ? found.value !== null && found.value !== undefined && found.value !== ''
    : found.value !== null && found.value !== undefined;
  return { value: written ? renderText(found.value) : undefined, source: found.source };
}

/** A value of a chart's values.yaml at a dotted path. */
function defaultIn(defaults: unknown, path: string): { found: boolean; value?: unknown } {
  let node = defaults;
  for (const segment of path.split('.')) {
    if (node === null || typeof node !== 'object' || Array.isArray(node) || !Object.hasOwn(node, segment)) return { found: false };
    node = (node as Record<string, unknown>)[segment];
  }
  return { found: true, value: node };
}
