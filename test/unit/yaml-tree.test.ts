// Reading YAML as Helm and kubectl do, with the position of every key.
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors.js';
import { lookup, parseAnyYaml, parseYamlFile, toPlain } from '../../src/inputs/yaml-tree.js';

describe('parseYamlFile', () => {
  it('keeps the line and column of each key, from the key to the end of its value', () => {
    const file = parseYamlFile('v.yaml', '# comment\nloadBalancer:\n  mode: dsr\n');
    const root = file.documents[0]?.root;
    expect(root?.kind === 'map' && root.entries.get('loadBalancer')?.span.line).toBe(2);
    const lb = lookup(root, ['loadBalancer']);
    expect(lb?.kind === 'map' && lb.entries.get('mode')?.span).toEqual({ line: 3, column: 3, endLine: 3, endColumn: 12 });
  });

  it('reads YAML 1.1 scalars as Helm does', () => {
    const file = parseYamlFile('v.yaml', 'a: yes\nb: off\nc: 0777\nd: "yes"\ne: 1.5\nf: ~\n');
    expect(toPlain(file.documents[0]?.root)).toEqual({ a: true, b: false, c: 511, d: 'yes', e: 1.5, f: null });
  });

  it('keeps the last of duplicate keys and reports both lines', () => {
    const file = parseYamlFile('v.yaml', 'envoy:\n  enabled: false\nenvoy:\n  enabled: true\n');
    expect(toPlain(file.documents[0]?.root)).toEqual({ envoy: { enabled: true } });
    expect(file.duplicates).toEqual([expect.objectContaining({ path: ['envoy'], first: expect.objectContaining({ line: 1 }), second: expect.objectContaining({ line: 3 }) })]);
  });

  it('expands anchors, aliases and merge keys', () => {
    const file = parseYamlFile('v.yaml', 'base: &b {x: 1, w: 2}\nm:\n  <<: *b\n  w: 3\nz: *b\n');
    expect(toPlain(file.documents[0]?.root)).toEqual({ base: { x: 1, w: 2 }, m: { x: 1, w: 3 }, z: { x: 1, w: 2 } });
  });

  it('reads every document of a stream, and empty ones as empty', () => {
    const file = parseYamlFile('v.yaml', '---\na: 1\n---\n# only a comment\n---\nb: 2\n');
    expect(file.documents.map((d) => toPlain(d.root))).toEqual([{ a: 1 }, undefined, { b: 2 }]);
  });

  it('reads a YAML 1.1 boolean key as Helm does (go-yaml v2 resolves y, on, yes)', () => {
    expect(toPlain(parseYamlFile('v.yaml', 'y: 1\non: 2\n').documents[0]?.root)).toEqual({ true: 2 });
  });

  it('never lets a key reach a prototype', () => {
    const plain = toPlain(parseYamlFile('v.yaml', '__proto__: {polluted: yes}\nconstructor: {prototype: {polluted: yes}}\n').documents[0]?.root) as Record<string, unknown>;
    expect(Object.keys(plain)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports a syntax error at its line', () => {
    try {
      parseYamlFile('bad.yaml', 'a: 1\nb: [unclosed\nc: 3\n');
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InputError);
      expect((error as InputError).message).toMatch(/^bad\.yaml:\d+:\d+: invalid YAML/);
    }
  });

  it('refuses an alias bomb', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) lines.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${String.fromCharCode(96 + i)}`).join(',')}]`);
    expect(() => parseYamlFile('bomb.yaml', `${lines.join('\n')}\n`)).toThrow(/alias bomb/);
  });
});

describe('collection spans', () => {
  it('run from the first key or dash to the end of the last value, not over trailing comments, in both readers', () => {
    const text = 'a:\n  b: 1\n  c:\n  - x\n  - y # note\n# trailing\n\nd: {e: 1} # note\n';
    for (const file of [parseYamlFile('v.yaml', text), parseAnyYaml('v.yaml', text)]) {
      const root = file.documents[0]?.root;
      expect(lookup(root, ['a'])?.span).toEqual({ line: 2, column: 3, endLine: 5, endColumn: 6 });
      expect(lookup(root, ['a', 'c'])?.span).toEqual({ line: 4, column: 3, endLine: 5, endColumn: 6 });
      expect(lookup(root, ['d'])?.span).toEqual({ line: 8, column: 4, endLine: 8, endColumn: 10 });
      expect(root?.span).toEqual({ line: 1, column: 1, endLine: 8, endColumn: 10 });
    }
  });
});
