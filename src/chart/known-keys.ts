// Which Helm value paths and cilium-config keys the Cilium chart of each release knows (src/chart/chart-keys.json).
import { SUPPORTED_MINORS } from '../version.js';
import type { Minor } from '../version.js';
import data from './chart-keys.json' with { type: 'json' };

/**
 * Keys sorted by UTF-16 code unit, each with a bit mask of the releases that know it. Searched by bisection:
 * building a set or an object of the ~2,000 keys was a measurable part of every start.
 */
class SortedKeys {
  readonly keys: readonly string[];
  private readonly masks: readonly number[];

  constructor(keys: readonly string[], masks: readonly number[]) {
    this.keys = keys;
    this.masks = masks;
  }

  /** The index of the first key not below `key` (keys.length when there is none). */
  lowerBound(key: string): number {
    let low = 0;
    let high = this.keys.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if ((this.keys[middle] ?? '') < key) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The key's mask, 0 for a key no release knows. */
  maskOf(key: string): number {
    const at = this.lowerBound(key);
    return this.keys[at] === key ? (this.masks[at] ?? 0) : 0;
  }

  maskAt(index: number): number {
    return this.masks[index] ?? 0;
  }
}

/** A HelmKeySet is the value paths one chart knows, with each map's children for suggestions. */
export class HelmKeySet {
  private readonly sorted: SortedKeys;
  private readonly bit: number;

  private constructor(sorted: SortedKeys, bit: number) {
    this.sorted = sorted;
    this.bit = bit;
  }

  /** The paths of one chart (a --chart directory). */
  static of(paths: Iterable<string>): HelmKeySet {
    const keys = [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    return new HelmKeySet(new SortedKeys(keys, keys.map(() => 1)), 1);
  }

  /** The paths the chart of one release knows, from the built-in masks. */
  static release(sorted: SortedKeys, bit: number): HelmKeySet {
    return new HelmKeySet(sorted, bit);
  }

  has(path: string): boolean {
    return (this.sorted.maskOf(path) & this.bit) !== 0;
  }

  /** True when the chart knows a key directly beneath this path. */
  hasChildren(parent: string): boolean {
    return this.directChildren(parent, 1).length > 0;
  }

  /** The known keys directly beneath a path ('' for the top level). */
  children(parent: string): string[] {
    return this.directChildren(parent, Infinity);
  }

  /**
   * Up to `limit` known keys directly beneath `parent`: the last segment of known paths `parent.<key>`. The
   * paths beneath it are contiguous in sorted order, and the direct ones come early among them.
   */
  private directChildren(parent: string, limit: number): string[] {
    const prefix = parent === '' ? '' : `${parent}.`;
    const children: string[] = [];
    for (let at = this.sorted.lowerBound(prefix); children.length < limit && this.sorted.keys[at]?.startsWith(prefix); at++) {
      const rest = (this.sorted.keys[at] ?? '').slice(prefix.length);
      if (!rest.includes('.') && (this.sorted.maskAt(at) & this.bit) !== 0) children.push(rest);
    }
    return children;
  }
}

const helmKeys = new SortedKeys(data.helmValues.keys, data.helmValues.masks);
const configKeys = new SortedKeys(data.configKeys.keys, data.configKeys.masks);
const builtIn = new Map<Minor, HelmKeySet>();

const minorsOf = (mask: number): Minor[] => SUPPORTED_MINORS.filter((_, index) => (mask & (1 << index)) !== 0);

/** The value paths of the chart of one release, as cilint ships them. */
export function builtInHelmKeys(minor: Minor): HelmKeySet {
  let keys = builtIn.get(minor);
  if (!keys) {
    keys = HelmKeySet.release(helmKeys, 1 << SUPPORTED_MINORS.indexOf(minor));
    builtIn.set(minor, keys);
  }
  return keys;
}

/** The releases whose chart knows a value path. */
export function helmValueReleases(path: string): Minor[] {
  return minorsOf(helmKeys.maskOf(path));
}

/** The releases whose chart writes a cilium-config key. */
export function configKeyReleases(key: string): Minor[] {
  return minorsOf(configKeys.maskOf(key));
}

/** Every cilium-config key some chart writes. */
export function chartConfigKeys(): readonly string[] {
  return configKeys.keys;
}
