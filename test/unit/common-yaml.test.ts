// The fast reader of common YAML against the full parser: when it reads a text, it must give the same tree, spans included.
// A failure prints fast-check's seed and the shrunk text: add the text to EDGES below.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readCommonYaml } from '../../src/inputs/common-yaml.js';
import { resolvePlainScalar } from '../../src/inputs/yaml-scalars.js';
import { parseAnyYaml, parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PNode, YamlFile } from '../../src/inputs/yaml-tree.js';

/** Maps become ordered lists of [key, entry], so that key order counts and values compare structurally. */
function comparable(file: YamlFile): unknown {
  const node = (value: PNode | undefined): unknown => {
    if (!value) return undefined;
    if (value.kind === 'scalar') return { ...value, value: Number.isNaN(value.value) ? 'NaN' : value.value };
    if (value.kind === 'seq') return { ...value, items: value.items.map(node) };
    return { ...value, entries: [...value.entries].map(([key, entry]) => [key, { ...entry, value: node(entry.value) }]) };
  };
  return { documents: file.documents.map((document) => node(document.root)), duplicates: file.duplicates };
}

/** The property: a text the fast reader accepts is one the full parser reads without error, to the same tree. */
function expectAgreement(text: string): 'read' | 'declined' {
  const fast = readCommonYaml('f.yaml', text);
  if (fast === undefined) return 'declined';
  let full: YamlFile;
  try {
    full = parseAnyYaml('f.yaml', text);
  } catch (error) {
    throw new Error(`the fast reader accepted a text the full parser refuses (${String(error)}):\n${JSON.stringify(text)}`);
  }
  expect(comparable(fast), JSON.stringify(text)).toEqual(comparable(full));
  return 'read';
}

// ---- generated configuration-like YAML ----

const PLAIN_SCALARS = [
  'dsr', 'native', 'a b', 'a#b', 'a,b', 'a]b', 'http://x:80/y', 'k8s:io', ':4244', '-x', '?x', '--', '5.10.205-195.807.amzn2.x86_64',
  '0', '007', '08', '0x1F', '0b101', '1_000', '1.5', '.5', '5.', '.', '1e3', '-1', '+1', '-0', '.inf', '-.Inf', '.NaN', '1:30', '1:30.5', '190:20:30',
  '2024-01-02', '2001-12-14t21:59:43.10-05:00', 'yes', 'No', 'on', 'OFF', 'y', 'n', '~', 'null', 'NULL', 'True', 'FALSE',
  '9000', 'e0', 'E+2', '10.0.0.0/8', 'fd00::/104', 'eth0', 'a: b', '{{ .Values.x }}', 'a:', '<<', '*x', '&x', '!x', '%x', '@x', '`x', '|', '>', '#x', 'a #b',
];
const QUOTED = ['"a"', "'a'", '""', "''", '"a \\" b"', "'it''s'", '"\\t\\n\\\\"', '"\\x41\\u00e9\\U0001F600"', '"\\q"', '"a # b"', "'a: b'", '"true"', '"1"', '"unclosed', "'x' y"];
const KEYS = ['a', 'b', 'mode', 'enabled', 'a b', '1', '1.0', 'yes', '~', 'null', '"q k"', "'s'", 'k8s.io/x', '__proto__', 'x-y', '<<', 'a#b', ':k', '-k', '"a":b'];

type Tree = { scalar: string } | { flow: string } | { seq: Tree[] } | { map: [string, Tree][] };

const FLOWS = ['[]', '{}', '[a, b]', '[1, "two", 3.0]', '{a: 1, b: x}', '{"a":1}', '[a, [b, {c: d}]]', '{x: [1, 2], y: {z: w}}', "['a', 'b c']", '[-1, :x, ?y]'];
/** What the fast reader must read itself: every plain scalar, quoted scalar and flow collection of the common shape. */
const COMMON = { plain: PLAIN_SCALARS.slice(0, PLAIN_SCALARS.indexOf('a: b')), quoted: QUOTED.slice(0, QUOTED.indexOf('"\\q"')), flows: FLOWS, keys: KEYS.filter((key) => key !== '<<' && key !== '"a":b'), literals: ['|', '|-', '|+'] };
const ANY = { plain: PLAIN_SCALARS, quoted: QUOTED, flows: [...FLOWS, '{a: }', '[a, ]', '[a: 1]', '{a}', '[a #c]', '[a'], keys: KEYS, literals: ['|', '|-', '|+', '>', '|2'] };

function trees(kinds: typeof ANY): fc.Arbitrary<Tree> {
  const scalar = fc.oneof(fc.constantFrom(...kinds.plain), fc.constantFrom(...kinds.quoted), fc.stringMatching(/^[a-z][a-z0-9 ._/-]{0,11}$/).map((text) => text.trimEnd()));
  return fc.letrec<{ node: Tree }>((tie) => ({
    node: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      scalar.map((text) => ({ scalar: text })),
      fc.constantFrom(...kinds.flows).map((text) => ({ flow: text })),
      fc.array(tie('node'), { minLength: 1, maxLength: 4 }).map((items) => ({ seq: items })),
      fc.array(fc.tuple(fc.constantFrom(...kinds.keys), tie('node')), { minLength: 1, maxLength: 5 }).map((entries) => ({ map: entries })),
    ),
  })).node;
}

function styles(kinds: typeof ANY) {
  return fc.record({
    width: fc.constantFrom(2, 4, 1),
    compactSequences: fc.boolean(),
    comments: fc.boolean(),
    blankLines: fc.boolean(),
    trailingSpaces: fc.boolean(),
    literal: fc.constantFrom(...kinds.literals),
  });
}
type Style = ReturnType<typeof styles> extends fc.Arbitrary<infer S> ? S : never;

/** Render a tree as block YAML in the given style, lead being what precedes it on its first line; some choices make invalid YAML on purpose. */
function render(node: Tree, indent: number, s: Style, lines: string[], lead: string): void {
  const pad = ' '.repeat(indent);
  const tail = s.trailingSpaces ? '  ' : '';
  const comment = s.comments ? ' # note' : '';
  if ('flow' in node) {
    lines.push(`${lead}${node.flow}${comment}${tail}`);
  } else if ('scalar' in node) {
    // Some longer words become literal blocks: the style picks the header.
    if (node.scalar.length > 6 && node.scalar.startsWith('a')) {
      const inner = ' '.repeat(indent + s.width);
      lines.push(`${lead}${s.literal}${comment}`, `${inner}${node.scalar}`, `${inner}second line`, ...(s.blankLines ? [''] : []));
    } else lines.push(`${lead}${node.scalar}${comment}${tail}`);
  } else if ('map' in node) {
    node.map.forEach(([key, value], i) => {
      const prefix = i === 0 ? lead : pad;
      if (s.blankLines && i > 0) lines.push('');
      if (s.comments && i > 0) lines.push(`${pad}# between`);
      if ('seq' in value) {
        lines.push(`${prefix}${key}:${tail}`);
        if (s.compactSequences) render(value, indent, s, lines, pad);
        else render(value, indent + s.width, s, lines, ' '.repeat(indent + s.width));
      } else if ('map' in value) {
        lines.push(`${prefix}${key}:${tail}`);
        render(value, indent + s.width, s, lines, ' '.repeat(indent + s.width));
      } else render(value, indent, s, lines, `${prefix}${key}: `);
    });
  } else {
    node.seq.forEach((item, i) => {
      const prefix = `${i === 0 ? lead : pad}- `;
      if ('seq' in item) {
        lines.push(`${prefix.trimEnd()}${tail}`);
        render(item, indent + s.width, s, lines, ' '.repeat(indent + s.width));
      } else render(item, indent + 2, s, lines, prefix);
    });
  }
}

function streams(kinds: typeof ANY): fc.Arbitrary<string> {
  const document = fc.tuple(trees(kinds), styles(kinds)).map(([node, s]) => {
    const lines: string[] = [];
    render('seq' in node || 'map' in node ? node : { map: [['root', node]] }, 0, s, lines, '');
    return `${lines.join('\n')}\n`;
  });
  return fc.array(document, { minLength: 1, maxLength: 3 }).map((texts) => texts.join('---\n'));
}
const stream = streams(ANY);

/** Small edits that make valid YAML invalid, or move it out of the common shape. */
const mutated = fc.tuple(stream, fc.array(fc.tuple(fc.nat(), fc.constantFrom('', ' ', '\n', '-', ':', '#', '"', "'", '[', '{', '}', ']', ',', '|', '\t', '&a', '*a', '  ', 'x'), fc.nat(3)), { minLength: 1, maxLength: 3 })).map(([text, edits]) => {
  let result = text;
  for (const [at, insert, remove] of edits) {
    const position = at % (result.length + 1);
    result = result.slice(0, position) + insert + result.slice(position + remove);
  }
  return result;
});

const RUNS = { numRuns: Number(process.env['YAML_RUNS'] ?? 400) };

describe('readCommonYaml agrees with the full parser', () => {
  it('on generated configuration-like YAML, valid and not', () => {
    fc.assert(fc.property(stream, (text) => void expectAgreement(text)), RUNS);
  });

  it('and reads every generated text of the common shape itself', () => {
    fc.assert(
      fc.property(streams(COMMON), (text) => {
        expect(expectAgreement(text), JSON.stringify(text)).toBe('read');
      }),
      RUNS,
    );
  });

  it('on generated YAML with small edits', () => {
    fc.assert(fc.property(mutated, (text) => void expectAgreement(text)), RUNS);
  });

  it('on YAML-like noise', () => {
    const chars = fc.constantFrom(...'ab: -\n{}[],&*!|>\'"#%@`?.019\\'.split(''), '\n  ', '\n- ', 'key: ', '---\n', '|-\n  ');
    fc.assert(fc.property(fc.array(chars, { maxLength: 80 }).map((parts) => parts.join('')), (text) => void expectAgreement(text)), RUNS);
  });

  it('on JSON, as kubectl prints it and on one line, and reads it itself', () => {
    const json = fc.jsonValue({ maxDepth: 4 }).filter((value) => typeof value === 'object' && value !== null);
    fc.assert(
      fc.property(json, fc.constantFrom(0, 1, 2, 4), (value, indent) => {
        const text = `${JSON.stringify(value, null, indent)}\n`;
        const outcome = expectAgreement(text);
        // Strings with characters YAML handles on its own (tabs, control characters) go to the full parser.
        if (!/[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/.test(text)) expect(outcome, text).toBe('read');
      }),
      RUNS,
    );
  });

  const EDGES = [
    '{\n"a": 1,\n"b": [true, null, -0.5e3, "x"]\n}\n',
    '{\n  "a": {\n    "b": 1\n  }\n}\n# c\n',
    '{\n  "a": 1\n  # c\n}\n',
    '[\n  a\n  b\n]\n',
    '[\n  1\n]\n',
    '{\n  "a":\n    1\n}\n',
    '{\n  "a"\n  : 1\n}\n',
    '{"a": "\\u00e9\\ud83d\\ude00\\ud800"}\n',
    '{\n"a": 1\n}\n---\nb: 2\n',
    '{\n"a": 1\n} x\n',
    'a: 1\nb:\n  c: x  # hi\n  d:\ne:\n- 1\n- k: v\n  j: |\n    l1\n    l2\n\nf: [a, "b"]\ng: {x: 1}\nh:   \n',
    'a:\n  b: x # c\n  d: # c\n# end\n',
    'a:\n- \n-\n- x\nb: |-\n  t\n\n\nc: |+\n  t\n\n\nd: z',
    '"q k": 1\n\'s\': 2\n---\n# only\n---\n- a\n---\n',
    '# leading\n---\na: 1\n',
    '---\n',
    '--- # c\na: 1\n...\n',
    'a: |\n  x\n',
    'a: |\n  x',
    'a: |+\n  x\n\n',
    'a: |\n\n  x\n',
    'a: |\n    \n  x\n',
    'a: |\n  x\n   \n',
    'a: b\n  c\n',
    'a:\n  b\n',
    'a: b: c\n',
    '- - a\n',
    '- a: 1\n  b: 2\n- c\n',
    '- a: 1\n b: 2\n',
    'a:\n- 1\nb: 2\n',
    'a: 1\n- b\n',
    'k: [a, b]  # c\n',
    'k: [a, b] x\n',
    'k: "a"b\n',
    'k: "a" # c\n',
    'k: a\n\n\n',
    'x: 1\nx: 2\ny:\n  x: 1\n  x: {a: 1, a: 2}\n',
    'yes: 1\n~: 2\n1.0: 3\n0x10: 4\n',
    '  a: 1\n  b: 2\n',
    '  a: 1\nb: 2\n',
    'key : value\n',
    'a: -\n',
    'a: :\n',
    'a: ?\n',
    'a: ? b\n',
    ':a: 1\n',
    'a: [:x]\n',
    'a: {:x: 1}\n',
    'a: [a:1]\n',
    'a: "\\x4"\n',
    'a: "\\uD800"\n',
    'a: >\n  folded\n',
    '? a\n: b\n',
    'a: &x 1\nb: *x\n',
    'a: !!str 1\n',
    'a:\tb\n',
    'a: b\r\n',
    'scalar\n',
    '- |\n  text\n- b\n',
    'a:\n  - b\n  -\n  - c: d\n',
    'a: 1 # c\n#c\n  # c\nb: 2\n',
    '---\na: 1\n---\nb: 2\n',
    '---a\n',
    '---\n--- a\n',
  ];
  it.each(EDGES)('on %j', (text) => {
    expectAgreement(text);
  });
});

describe('readCommonYaml reads the files cilint is given', () => {
  const repository = new URL('../../', import.meta.url).pathname;
  const yamlFiles = (dir: string): string[] =>
    readdirSync(dir).flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? yamlFiles(path) : /\.ya?ml$/.test(name) ? [path] : [];
    });
  const files = ['examples', 'test/fixtures', 'test/rules', 'rules', 'bench/fixtures'].flatMap((dir) => yamlFiles(join(repository, dir)));

  it('to the same tree as the full parser, whichever it reads', () => {
    for (const file of files) expectAgreement(readFileSync(file, 'utf8'));
  });

  it('without declining the examples and the bench fixture, so that the fast path is the one taken', () => {
    const common = files.filter((file) => /\/(examples|bench\/fixtures)\//.test(file));
    expect(common.length).toBeGreaterThan(5);
    for (const file of common) expect(readCommonYaml(file, readFileSync(file, 'utf8')), file).toBeDefined();
  });

  it('and parseYamlFile still reports a malformed file at its line through the full parser', () => {
    expect(() => parseYamlFile('v.yaml', 'a: 1\nb: [x\n')).toThrow(/v\.yaml.*invalid YAML/);
  });
});

describe('resolvePlainScalar', () => {
  it('reads YAML 1.1 types as the yaml library does', () => {
    const cases: [string, unknown][] = [
      ['~', null], ['Null', null], ['yes', true], ['Off', false], ['0b101', 5], ['0777', 511], ['08', 8], ['1_000', 1000], ['0x1F', 31], ['-0x10', -16],
      ['.inf', Infinity], ['-.INF', -Infinity], ['1e3', 1000], ['1.50', 1.5], ['1:30', 90], ['-1:30.5', -90.5], ['2024-01-02', '2024-01-02'], ['5.10.1', '5.10.1'], ['e5', NaN], ['enabled', 'enabled'],
    ];
    for (const [text, value] of cases) expect(resolvePlainScalar(text), text).toEqual(value);
    expect(resolvePlainScalar('.nan')).toBeNaN();
  });
});
