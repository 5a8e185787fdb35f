// Helm's -f merge and --set syntax, case by case against Helm's documented behaviour
// (https://helm.sh/docs/intro/using_helm/#the-format-and-limitations-of---set) and helm/helm pkg/strvals.
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors.js';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PMap } from '../../src/inputs/yaml-tree.js';
import { applySetFlag } from '../../src/helm/strvals.js';
import { emptyMap, fromParsed, mergeValues, plainValue, valueAt } from '../../src/helm/values-tree.js';
import type { SetFlag, VMap } from '../../src/helm/values-tree.js';

function set(flag: SetFlag, ...texts: string[]): unknown {
  const values = emptyMap();
  for (const text of texts) applySetFlag(values, flag, text);
  return JSON.parse(JSON.stringify(plainValue(values)));
}

function file(name: string, text: string): VMap {
  const parsed = parseYamlFile(name, text);
  return fromParsed(parsed.documents[0]?.root as PMap, name);
}

describe('--set', () => {
  it.each([
    ['name=value', { name: 'value' }],
    ['a=b,c=d', { a: 'b', c: 'd' }],
    ['outer.inner=value', { outer: { inner: 'value' } }],
    ['name={a,b,c}', { name: ['a', 'b', 'c'] }],
    ['name={}', { name: [''] }],
    ['servers[0].port=80', { servers: [{ port: 80 }] }],
    ['servers[0].port=80,servers[0].host=example', { servers: [{ port: 80, host: 'example' }] }],
    ['servers[1]=b', { servers: [null, 'b'] }],
    ['name=value1\\,value2', { name: 'value1,value2' }],
    ['nodeSelector.kubernetes\\.io/role=master', { nodeSelector: { 'kubernetes.io/role': 'master' } }],
    ['a=true,b=FALSE,c=0,d=007,e=1.5,f=42,g=-3', { a: true, b: false, c: 0, d: '007', e: '1.5', f: 42, g: -3 }],
    ['a=null', { a: null }],
    ['a=', { a: '' }],
    ['a.b.c=1,a.b.d=2', { a: { b: { c: 1, d: 2 } } }],
    ['list[0][1]=x', { list: [[null, 'x']] }],
  ])('%s', (text, expected) => {
    expect(set('--set', text)).toEqual(expected);
  });

  it('later flags overwrite earlier ones key by key', () => {
    expect(set('--set', 'a.b=1,a.c=2', 'a.b=3')).toEqual({ a: { b: 3, c: 2 } });
  });

  it('--set-string keeps every value a string', () => {
    expect(set('--set-string', 'a=true,b=42,c=null')).toEqual({ a: 'true', b: '42', c: 'null' });
  });

  it.each([
    ['a={"b":1}', { a: { b: 1 } }],
    ['a=[1,"x",true]', { a: [1, 'x', true] }],
    ['a="s",b=2', { a: 's', b: 2 }],
    ['a=', { a: null }],
    ['a.b={"c":{"d":[]}}', { a: { b: { c: { d: [] } } } }],
  ])('--set-json %s', (text, expected) => {
    expect(set('--set-json', text)).toEqual(expected);
  });

  it.each([
    ['a', 'key "a" has no value'],
    ['a,b=1', 'cannot end with ,'],
    ['a[x]=1', 'error parsing index'],
    ['a[-1]=1', 'negative'],
    ['a[70000]=1', 'greater than maximum supported index'],
    ['name={a,b', "list must terminate with '}'"],
  ])('%s is a usage error', (text, message) => {
    expect(() => set('--set', text)).toThrow(UsageError);
    expect(() => set('--set', text)).toThrow(message);
  });

  it('rejects more than 30 levels of nesting', () => {
    expect(() => set('--set', `${Array.from({ length: 32 }, (_, i) => `k${i}`).join('.')}=1`)).toThrow('nested level');
  });

  it('rejects invalid JSON', () => {
    expect(() => set('--set-json', 'a={x')).toThrow(UsageError);
  });

  it('records the flag as the origin of what it sets', () => {
    const values = emptyMap();
    applySetFlag(values, '--set', 'loadBalancer.mode=dsr');
    const found = valueAt(values, ['loadBalancer', 'mode']);
    expect(found.state === 'set' && found.origin).toEqual({ kind: 'set', flag: '--set', text: 'loadBalancer.mode=dsr' });
  });

  it('never writes to a prototype', () => {
    set('--set', '__proto__.polluted=yes,constructor.prototype.polluted=yes');
    set('--set-json', '__proto__={"polluted":"yes"}');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });
});

describe('-f merge', () => {
  it('deep-merges maps, replaces lists and scalars, and lets the later file win', () => {
    const values = emptyMap();
    mergeValues(values, file('a.yaml', 'a: {b: 1, c: 2}\nlist: [1, 2, 3]\ns: x\n'));
    mergeValues(values, file('b.yaml', 'a: {c: 3, d: 4}\nlist: [9]\ns: {now: map}\n'));
    expect(JSON.parse(JSON.stringify(plainValue(values)))).toEqual({ a: { b: 1, c: 3, d: 4 }, list: [9], s: { now: 'map' } });
  });

  it('keeps the line of the file that won for each key', () => {
    const values = emptyMap();
    mergeValues(values, file('a.yaml', 'loadBalancer:\n  mode: snat\n  algorithm: maglev\n'));
    mergeValues(values, file('b.yaml', '# override\nloadBalancer:\n  mode: dsr\n'));
    const mode = valueAt(values, ['loadBalancer', 'mode']);
    const algorithm = valueAt(values, ['loadBalancer', 'algorithm']);
    expect(mode.state === 'set' && mode.origin).toMatchObject({ kind: 'file', file: 'b.yaml', span: { line: 3, column: 3 } });
    expect(algorithm.state === 'set' && algorithm.origin).toMatchObject({ kind: 'file', file: 'a.yaml', span: { line: 3 } });
  });

  it('null deletes a key, and everything beneath it', () => {
    const values = emptyMap();
    mergeValues(values, file('a.yaml', 'hubble: {enabled: true, relay: {enabled: true}}\n'));
    mergeValues(values, file('b.yaml', 'hubble: null\n'));
    expect(valueAt(values, ['hubble', 'relay', 'enabled']).state).toBe('deleted');
    expect(valueAt(values, ['hubble', 'enabled']).state).toBe('deleted');
  });

  it('--set applies after the files', () => {
    const values = emptyMap();
    mergeValues(values, file('a.yaml', 'a: {b: 1, c: 2}\n'));
    applySetFlag(values, '--set', 'a.b=5');
    expect(JSON.parse(JSON.stringify(plainValue(values)))).toEqual({ a: { b: 5, c: 2 } });
  });

  it('--set into a key that a file set to a scalar is a usage error', () => {
    const values = emptyMap();
    mergeValues(values, file('a.yaml', 'a: 1\n'));
    expect(() => applySetFlag(values, '--set', 'a.b=2')).toThrow(UsageError);
  });
});
