// Reading cilint-disable directives from YAML comments: kinds, rule lists, reasons, and what is not a comment.
import { describe, expect, it } from 'vitest';
import { findDirectives } from '../../src/suppressions/directives.js';

describe('findDirectives', () => {
  it.each([
    ['# cilint-disable-next-line hubble-disabled -- lab cluster\nhubble: {}\n', { kind: 'cilint-disable-next-line', line: 1, covers: 2, rules: ['hubble-disabled'], reason: 'lab cluster' }],
    ['a: 1 # cilint-disable-line r1, r2 -- why -- not split twice\n', { kind: 'cilint-disable-line', line: 1, column: 6, covers: 1, rules: ['r1', 'r2'], reason: 'why -- not split twice' }],
    ['x: 1\n#cilint-disable r1,r2 ---  all of it\n', { kind: 'cilint-disable', line: 2, covers: undefined, rules: ['r1', 'r2'], reason: 'all of it' }],
    ['# cilint-disable-next-line r1\n', { rules: ['r1'], reason: undefined }],
    ['# cilint-disable-next-line r1 --\n', { rules: ['r1'], reason: undefined }],
    ['# cilint-disable-next-line -- every rule on the next line\nk: v\n', { rules: [], reason: 'every rule on the next line' }],
    ['# cilint-disable-next-line r1 -- stacked\n\n# another comment\n  key: 1\n', { covers: 4 }],
  ])('%j', (text, expected) => {
    const [directive, ...rest] = findDirectives('f.yaml', text);
    expect(rest).toEqual([]);
    expect(directive).toMatchObject({ file: 'f.yaml', ...expected });
  });

  it.each([
    ['a string', "a: '# cilint-disable-line r1 -- no'\n"],
    ['a block scalar', 'a: |\n  # cilint-disable r1 -- no\n'],
    ['another word', '# cilint-disabled r1 -- no\n# cilint-disable-next r1 -- no\n'],
    ['text before the directive', '# note: cilint-disable r1 -- no\n'],
  ])('ignores %s', (_, text) => {
    expect(findDirectives('f.yaml', text)).toEqual([]);
  });

  it('finds directives in every document of a file and in flow collections', () => {
    const text = 'a: [1, # cilint-disable-line r1 -- flow\n  2]\n---\n# cilint-disable r2 -- second document\n';
    expect(findDirectives('f.yaml', text).map((d) => [d.line, d.rules[0]])).toEqual([[1, 'r1'], [4, 'r2']]);
  });
});
