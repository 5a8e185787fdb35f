// Find the cilint-disable directives in a YAML file's comments, ESLint's syntax in YAML's comment character.
import { yamlLibrary } from '../inputs/yaml-library.js';

/** The three directive kinds: the next line of content, this line, or the whole file. */
export type DirectiveKind = 'cilint-disable-next-line' | 'cilint-disable-line' | 'cilint-disable';

/** A Directive is one cilint-disable comment: where it is, the lines it covers, the rules it names and why. */
export interface Directive {
  readonly kind: DirectiveKind;
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endColumn: number;
  /** The line it covers; undefined for a file-level directive (every line). */
  readonly covers: number | undefined;
  /** The rule ids named; empty means every rule, as in ESLint. */
  readonly rules: readonly string[];
  /** The text after " -- ", trimmed; undefined when there is none. */
  readonly reason: string | undefined;
}

const DIRECTIVE = /^#\s*(cilint-disable-next-line|cilint-disable-line|cilint-disable)(?=\s|$)(.*)$/;
// ESLint's separator: two or more dashes with whitespace (or the end) on both sides.
const REASON = /(?:^|\s)-{2,}(?:\s|$)/;

/** The directives in a file's text. Only real comments count: a `#` inside a string or block scalar is data. */
export function findDirectives(file: string, text: string): Directive[] {
  // Most files have none: spare them a second parse.
  if (!text.includes('cilint-disable')) return [];
  const { LineCounter, Parser } = yamlLibrary();
  const lines = new LineCounter();
  const comments: { offset: number; source: string }[] = [];
  for (const token of new Parser(lines.addNewLine).parse(text)) collectComments(token, comments);
  const textLines = text.split(/\r?\n/);
  return comments.flatMap((comment) => {
    const match = DIRECTIVE.exec(comment.source.trimEnd());
    if (!match) return [];
    const kind = match[1] as DirectiveKind;
    const body = match[2] ?? '';
    const split = REASON.exec(body);
    const names = split ? body.slice(0, split.index) : body;
    const reason = split ? body.slice(split.index + split[0].length).trim() : '';
    const at = lines.linePos(comment.offset);
    return [{
      kind,
      file,
      line: at.line,
      column: at.col,
      endColumn: at.col + comment.source.trimEnd().length,
      covers: kind === 'cilint-disable' ? undefined : kind === 'cilint-disable-line' ? at.line : nextContentLine(textLines, at.line),
      rules: names.split(/[\s,]+/).filter((name) => name !== ''),
      reason: reason === '' ? undefined : reason,
    }];
  });
}

/**
 * The next line holding more than blanks or a comment, so that directives can be stacked and a blank line
 * between a directive and its key does not silently void it.
 */
function nextContentLine(lines: readonly string[], line: number): number {
  let next = line + 1;
  while (next <= lines.length && /^\s*(#.*)?$/.test(lines[next - 1] ?? '')) next++;
  return next;
}

/** Gather every comment token of the concrete syntax tree, wherever the parser attached it. */
function collectComments(node: unknown, out: { offset: number; source: string }[]): void {
  if (Array.isArray(node)) {
    for (const item of node) collectComments(item, out);
    return;
  }
  if (node === null || typeof node !== 'object') return;
  const token = node as { type?: unknown; offset?: unknown; source?: unknown };
  if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
    out.push({ offset: token.offset, source: token.source });
    return;
  }
  for (const value of Object.values(node)) if (typeof value === 'object') collectComments(value, out);
}
