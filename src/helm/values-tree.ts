// Helm values as a tree whose every key remembers which file line or --set flag set it.
import type { PMap, PNode, Scalar, Span } from '../inputs/yaml-tree.js';

/** An Origin is where a Helm value came from: a line of a values file, or a --set style flag. */
export type Origin =
  | { readonly kind: 'file'; readonly file: string; readonly span: Span }
  | { readonly kind: 'set'; readonly flag: SetFlag; readonly text: string };

/** The flags that set values on the command line, in the order Helm applies them. */
export type SetFlag = '--set-json' | '--set' | '--set-string';

/** A VNode is one value of a release's merged values. */
export type VNode = VScalar | VMap | VSeq;
export interface VScalar {
  readonly kind: 'scalar';
  readonly value: Scalar;
}
export interface VMap {
  readonly kind: 'map';
  readonly entries: Map<string, VEntry>;
}
export interface VSeq {
  readonly kind: 'seq';
  readonly items: (VNode | undefined)[];
}
/** A VEntry is a key's value and the origin of the key that won the merge. */
export interface VEntry {
  readonly value: VNode;
  readonly origin: Origin;
}

/** An empty mapping, the start of every release. */
export function emptyMap(): VMap {
  return { kind: 'map', entries: new Map() };
}

/** Convert a parsed values document into a values tree, each key's origin being its line in that file. */
export function fromParsed(node: PMap, file: string): VMap {
  return convert(node, file) as VMap;
}

function convert(node: PNode, file: string): VNode {
  if (node.kind === 'scalar') return { kind: 'scalar', value: node.value };
  if (node.kind === 'seq') return { kind: 'seq', items: node.items.map((item) => convert(item, file)) };
  const entries = new Map<string, VEntry>();
  for (const [key, entry] of node.entries) {
    entries.set(key, { value: convert(entry.value, file), origin: { kind: 'file', file, span: entry.span } });
  }
  return { kind: 'map', entries };
}

/**
 * Merge one values file over the release so far, as `helm -f a -f b` does
 * (helm/helm pkg/cli/values/options.go mergeMaps): maps merge key by key,
 * anything else (lists, scalars, null) replaces what was there.
 */
export function mergeValues(base: VMap, overlay: VMap): void {
  for (const [key, entry] of overlay.entries) {
    const existing = base.entries.get(key);
    if (entry.value.kind === 'map' && existing?.value.kind === 'map') {
      mergeValues(existing.value, entry.value);
      continue;
    }
    base.entries.set(key, entry);
  }
}

/** A ValueAt is what a release says at a path: a value with its origin, a deletion (null), or nothing. */
export type ValueAt =
  | { readonly state: 'set'; readonly value: VNode; readonly origin: Origin }
  | { readonly state: 'deleted'; readonly origin: Origin }
  | { readonly state: 'unset' };

/**
 * Look a dotted path up. A null anywhere on the way deletes the key and the chart default
 * beneath it, as Helm's coalesce does (pkg/chart/common/util/coalesce.go).
 */
export function valueAt(root: VMap, path: readonly string[]): ValueAt {
  let node: VNode = root;
  let result: ValueAt = { state: 'unset' };
  for (const segment of path) {
    if (node.kind !== 'map') return { state: 'unset' };
    const entry = node.entries.get(segment);
    if (!entry) return { state: 'unset' };
    if (entry.value.kind === 'scalar' && entry.value.value === null) return { state: 'deleted', origin: entry.origin };
    result = { state: 'set', value: entry.value, origin: entry.origin };
    node = entry.value;
  }
  return result;
}

/** The plain JavaScript value of a values node (null-prototype objects). */
export function plainValue(node: VNode | undefined): unknown {
  if (!node) return null;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plainValue);
  const out = Object.create(null) as Record<string, unknown>;
  for (const [key, entry] of node.entries) out[key] = plainValue(entry.value);
  return out;
}
