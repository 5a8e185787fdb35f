// Which Helm value paths and cilium-config keys the Cilium chart of each release knows (src/chart/chart-keys.json).
import { SUPPORTED_MINORS } from '../version.js';
import type { Minor } from '../version.js';
import data from './chart-keys.json' with { type: 'json' };

/** A HelmKeySet is the value paths one chart knows, with each map's children for suggestions. */
export class HelmKeySet {
  private readonly paths: ReadonlySet<string>;
  private readonly childrenOf = new Map<string, string[]>();

  constructor(paths: ReadonlySet<string>) {
    this.paths = paths;
    for (const path of paths) {
      const dot = path.lastIndexOf('.');
      const parent = dot < 0 ? '' : path.slice(0, dot);
      const children = this.childrenOf.get(parent) ?? [];
      children.push(path.slice(dot + 1));
      this.childrenOf.set(parent, children);
    }
  }

  has(path: string): boolean {
    return this.paths.has(path);
  }

  /** The known keys directly beneath a path ('' for the top level). */
  children(parent: string): readonly string[] {
    return this.childrenOf.get(parent) ?? [];
  }
}

const helmMasks = data.helmValues as Readonly<Record<string, number>>;
const configMasks = data.configKeys as Readonly<Record<string, number>>;
const builtIn = new Map<Minor, HelmKeySet>();

const minorsOf = (mask: number | undefined): Minor[] => (mask === undefined ? [] : SUPPORTED_MINORS.filter((_, index) => (mask & (1 << index)) !== 0));

/** The value paths of the chart of one release, as cilint ships them. */
export function builtInHelmKeys(minor: Minor): HelmKeySet {
  let keys = builtIn.get(minor);
  if (!keys) {
    const bit = 1 << SUPPORTED_MINORS.indexOf(minor);
    keys = new HelmKeySet(new Set(Object.keys(helmMasks).filter((path) => ((helmMasks[path] ?? 0) & bit) !== 0)));
    builtIn.set(minor, keys);
  }
  return keys;
}

/** The releases whose chart knows a value path. */
export function helmValueReleases(path: string): Minor[] {
  return Object.hasOwn(helmMasks, path) ? minorsOf(helmMasks[path]) : [];
}

/** The releases whose chart writes a cilium-config key. */
export function configKeyReleases(key: string): Minor[] {
  return Object.hasOwn(configMasks, key) ? minorsOf(configMasks[key]) : [];
}

/** Every cilium-config key some chart writes. */
export function chartConfigKeys(): readonly string[] {
  return Object.keys(configMasks);
}
