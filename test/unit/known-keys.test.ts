// The chart key sets, searched by bisection over sorted keys, against the plain reading of the same data.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { builtInHelmKeys, configKeyReleases, helmValueReleases, HelmKeySet } from '../../src/chart/known-keys.js';
import { SUPPORTED_MINORS } from '../../src/version.js';
import { ROOT } from '../support/project.js';

interface Sorted {
  keys: string[];
  masks: number[];
}
const data = JSON.parse(readFileSync(join(ROOT, 'src/chart/chart-keys.json'), 'utf8')) as { helmValues: Sorted; configKeys: Sorted };

/** The set's answers as a set of paths and a map from parent to children would give them. */
function reference(paths: readonly string[]) {
  const set = new Set(paths);
  const children = new Map<string, string[]>();
  for (const path of paths) {
    const dot = path.lastIndexOf('.');
    const parent = dot < 0 ? '' : path.slice(0, dot);
    children.set(parent, [...(children.get(parent) ?? []), path.slice(dot + 1)]);
  }
  return { has: (path: string) => set.has(path), children: (parent: string) => [...(children.get(parent) ?? [])].sort() };
}

/** Every path, every parent (including those no key is), and near misses. */
function probes(paths: readonly string[]): string[] {
  const out = new Set<string>(['', 'nosuchkey', 'hubble.nosuchkey', 'constructor', '__proto__', 'hubble.', '.']);
  for (const path of paths) {
    out.add(path);
    out.add(`${path}x`);
    const segments = path.split('.');
    for (let length = 1; length < segments.length; length++) out.add(segments.slice(0, length).join('.'));
  }
  return [...out];
}

describe('the built-in chart key sets', () => {
  it.each(SUPPORTED_MINORS.map((minor, index) => [minor, index]))('Cilium %s: has, children and hasChildren as a set and a map would answer', (minor, index) => {
    const paths = data.helmValues.keys.filter((_, at) => ((data.helmValues.masks[at] ?? 0) & (1 << index)) !== 0);
    const expected = reference(paths);
    const keys = builtInHelmKeys(minor);
    for (const probe of probes(data.helmValues.keys)) {
      expect(keys.has(probe), probe).toBe(expected.has(probe));
      expect([...keys.children(probe)].sort(), probe).toEqual(expected.children(probe));
      expect(keys.hasChildren(probe), probe).toBe(expected.children(probe).length > 0);
    }
  });

  it('names the releases of a path or a config key, and none for an unknown one', () => {
    expect(helmValueReleases('MTU')).toEqual([...SUPPORTED_MINORS]);
    expect(helmValueReleases('nosuchkey')).toEqual([]);
    expect(helmValueReleases('constructor')).toEqual([]);
    const key = data.configKeys.keys[0] ?? '';
    expect(configKeyReleases(key)).toEqual(SUPPORTED_MINORS.filter((_, index) => ((data.configKeys.masks[0] ?? 0) & (1 << index)) !== 0));
    expect(configKeyReleases('__proto__')).toEqual([]);
  });

  it('keeps the keys sorted, as bisection needs', () => {
    for (const { keys } of [data.helmValues, data.configKeys]) expect(keys).toEqual([...keys].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  });
});

describe("a --chart's key set", () => {
  it('answers as a set and a map of its paths would, in any order given', () => {
    const paths = ['b', 'a.x', 'a', 'a.y.z', 'a.y', 'c.kubernetes.io/os', 'c', 'a-b'];
    const keys = HelmKeySet.of(paths);
    const expected = reference(paths);
    for (const probe of probes(paths)) {
      expect(keys.has(probe), probe).toBe(expected.has(probe));
      expect([...keys.children(probe)].sort(), probe).toEqual(expected.children(probe));
    }
  });
});
