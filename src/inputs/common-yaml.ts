// A fast reader for the YAML that configuration files are made of; it declines anything else, which the full parser reads.
//
// Values files, ConfigMaps and inventories are block mappings and sequences of one-line scalars, with the odd
// one-line flow collection or literal block. Reading those by hand is some ten times faster than the general
// parser, and a cold start or a run over thousands of files is mostly YAML parsing. Whatever this reader is not
// sure of (anchors, tags, folded or multi-line scalars, tabs, CRLF, escapes it does not know, anything malformed)
// makes it decline, and the full parser then reads the file, reporting errors as before. A differential test holds
// the two to the same tree, spans included, over generated and real files.
import type { DuplicateKey, PEntry, PMap, PNode, PScalar, PSeq, Scalar, Span, YamlFile } from './yaml-tree.js';
import { addEntry } from './yaml-entries.js';
import { resolvePlainScalar } from './yaml-scalars.js';

/** Thrown (never escaping this module) when the text is not in the shape this reader knows. */
const DECLINE = { declined: true };

/** Tabs, carriage returns and control characters each have rules of their own: the full parser applies them. */
const UNSUPPORTED_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029\ufeff\ufffe\uffff]/;

/** Deeper than this is left to the full parser, which reports absurd nesting. */
const MAX_DEPTH = 200;
/** Longer implicit keys are an error in YAML (1,024 characters); leave them to the full parser to report. */
const MAX_KEY_LENGTH = 1000;

const SPACE = 32;
const HASH = 35;
const DASH = 45;
const COLON = 58;

/** Read text if it is in the common shape of configuration YAML; undefined if the full parser must read it. */
export function readCommonYaml(path: string, text: string): YamlFile | undefined {
  if (UNSUPPORTED_CHARACTERS.test(text)) return undefined;
  try {
    return new CommonYamlReader(path, text).read();
  } catch (error) {
    if (error === DECLINE) return undefined;
    throw error;
  }
}

/** A mapping key: its text as the tree holds it, where it is written, and the offset after its colon. */
interface Key {
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly after: number;
}

function decline(): never {
  throw DECLINE;
}

class CommonYamlReader {
  private readonly text: string;
  private readonly path: string;
  /** Offset of the first character of each line, and of the line break (or end of text) that ends it. */
  private readonly starts: number[] = [];
  private readonly ends: number[] = [];
  private readonly duplicates: DuplicateKey[] = [];
  /** Keys and indexes from the document root to the node being read, for duplicate reports. */
  private readonly keyPath: (string | number)[] = [];
  /** The line being read. */
  private row = 0;
  /** True inside a flow document, where a flow collection goes on over several lines. */
  private multiLineFlow = false;

  constructor(path: string, text: string) {
    this.path = path;
    this.text = text;
    let start = 0;
    for (;;) {
      const end = text.indexOf('\n', start);
      this.starts.push(start);
      this.ends.push(end === -1 ? text.length : end);
      if (end === -1) break;
      start = end + 1;
    }
  }

  read(): YamlFile {
    const documents: { root: PNode | undefined }[] = [];
    for (;;) {
      this.row = this.skipBlank(this.row);
      if (this.row >= this.starts.length) break;
      const marker = this.documentMarker(this.row);
      if (marker) {
        this.row++;
        const next = this.skipBlank(this.row);
        if (next >= this.starts.length || this.documentMarker(next)) {
          documents.push({ root: undefined });
          continue;
        }
        this.row = next;
      } else if (documents.length > 0) decline();
      documents.push({ root: this.blockNode(-1, 0) });
    }
    return { path: this.path, documents, duplicates: this.duplicates };
  }

  // ---- lines ----

  /** The first line at or after row that holds more than spaces and a comment. */
  private skipBlank(row: number): number {
    while (row < this.starts.length) {
      const at = this.skipSpaces(this.starts[row]!);
      if (at < this.ends[row]! && this.text.charCodeAt(at) !== HASH) return row;
      row++;
    }
    return row;
  }

  /** True for a `---` line; declines `...` and lines that put content after a marker. */
  private documentMarker(row: number): boolean {
    const start = this.starts[row]!;
    const first = this.text.charCodeAt(start);
    if (first !== DASH && first !== 46) return false;
    const head = this.text.slice(start, start + 3);
    if (head !== '---' && head !== '...') return false;
    if (head === '...') decline();
    const rest = start + 3;
    if (rest === this.ends[row]) return true;
    if (this.text.charCodeAt(rest) !== SPACE) decline();
    const after = this.skipSpaces(rest);
    if (after === this.ends[row] || this.text.charCodeAt(after) === HASH) return true;
    return decline();
  }

  private indent(row: number): number {
    const start = this.starts[row]!;
    return this.skipSpaces(start) - start;
  }

  private skipSpaces(at: number): number {
    while (this.text.charCodeAt(at) === SPACE) at++;
    return at;
  }

  /** True if the character at `at` ends a token: a space, a line break or the end of the text. */
  private isBreakOrSpace(at: number): boolean {
    const code = this.text.charCodeAt(at);
    return code === SPACE || code === 10 || Number.isNaN(code);
  }

  private isSequenceLine(row: number, indent: number): boolean {
    const at = this.starts[row]! + indent;
    return this.text.charCodeAt(at) === DASH && this.isBreakOrSpace(at + 1);
  }

  /** The rest of the line after a value must be empty or a comment that follows a space. */
  private expectLineEnd(at: number): void {
    const end = this.ends[this.row]!;
    if (at === end) return;
    if (this.text.charCodeAt(at) !== SPACE) decline();
    const next = this.skipSpaces(at);
    if (next !== end && this.text.charCodeAt(next) !== HASH) decline();
  }

  private span(from: number, to: number): Span {
    const line = this.lineOf(from);
    const endLine = to === from ? line : this.lineOf(to);
    return { line: line + 1, column: from - this.starts[line]! + 1, endLine: endLine + 1, endColumn: to - this.starts[endLine]! + 1 };
  }

  /** The 0-based line of an offset, counted as the yaml library's LineCounter counts them: most are on this.row. */
  private lineOf(offset: number): number {
    const row = this.row;
    if (row < this.starts.length && offset >= this.starts[row]! && offset <= this.ends[row]!) return row;
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }

  // ---- block collections ----

  /** The block node starting on this.row, which is indented more than parentIndent. */
  private blockNode(parentIndent: number, depth: number): PNode {
    if (depth > MAX_DEPTH) decline();
    const indent = this.indent(this.row);
    if (indent <= parentIndent) decline();
    if (this.isSequenceLine(this.row, indent)) return this.sequence(indent, depth);
    const at = this.starts[this.row]! + indent;
    const first = this.text.charCodeAt(at);
    if (parentIndent === -1 && (first === 91 || first === 123)) return this.flowDocument(at, depth);
    if (!this.keyAt(at)) decline(); // a scalar document, or a scalar over several lines
    return this.mapping(at, indent, depth);
  }

  /** A block mapping whose first key starts at offset first, on this.row; its keys sit at column indent. */
  private mapping(first: number, indent: number, depth: number): PMap {
    const entries = new Map<string, PEntry>();
    let at = first;
    let end = first;
    for (;;) {
      const key = this.keyAt(at) ?? decline();
      this.keyPath.push(key.text);
      const value = this.mappingValue(key.after, indent, depth + 1);
      this.keyPath.pop();
      addEntry(entries, this.entry(key, value), this.keyPath, this.duplicates);
      end = this.offsetOf(value.span);
      this.row = this.skipBlank(this.row);
      if (this.row >= this.starts.length || this.documentMarker(this.row)) break;
      const next = this.indent(this.row);
      if (next < indent) break;
      if (next > indent || this.isSequenceLine(this.row, indent)) decline();
      at = this.starts[this.row]! + indent;
    }
    return { kind: 'map', entries, span: this.span(first, end) };
  }

  /** The value after a key's colon (at offset at): on the same line, or a block node on the lines below. */
  private mappingValue(at: number, indent: number, depth: number): PNode {
    const start = this.skipSpaces(at);
    if (start === this.ends[this.row] || this.text.charCodeAt(start) === HASH) {
      const next = this.skipBlank(this.row + 1);
      if (next < this.starts.length && !this.documentMarker(next)) {
        const nextIndent = this.indent(next);
        if (nextIndent > indent) {
          this.row = next;
          return this.blockNode(indent, depth);
        }
        // A sequence may sit at its key's own indentation (`key:` then `- item`), as Kubernetes manifests write it.
        if (nextIndent === indent && this.isSequenceLine(next, indent)) {
          this.row = next;
          return this.sequence(indent, depth);
        }
      }
      this.row++;
      return this.empty(start);
    }
    return this.inlineValue(start, indent, depth);
  }

  /** A block sequence whose dashes sit at column indent, starting on this.row. */
  private sequence(indent: number, depth: number): PSeq {
    if (depth > MAX_DEPTH) decline();
    const items: PNode[] = [];
    const first = this.starts[this.row]! + indent;
    let end = first;
    for (;;) {
      const dash = this.starts[this.row]! + indent;
      const start = this.skipSpaces(dash + 1);
      this.keyPath.push(items.length);
      let item: PNode;
      if (start === this.ends[this.row] || this.text.charCodeAt(start) === HASH) {
        const next = this.skipBlank(this.row + 1);
        if (next < this.starts.length && !this.documentMarker(next) && this.indent(next) > indent) {
          this.row = next;
          item = this.blockNode(indent, depth + 1);
        } else {
          this.row++;
          item = this.empty(start);
        }
      } else if (this.text.charCodeAt(start) === DASH && this.isBreakOrSpace(start + 1)) {
        return decline(); // a sequence of sequences on one line (`- - a`)
      } else if (this.keyAt(start)) {
        item = this.mapping(start, start - this.starts[this.row]!, depth + 1);
      } else {
        item = this.inlineValue(start, indent, depth + 1);
      }
      this.keyPath.pop();
      items.push(item);
      end = this.offsetOf(item.span);
      this.row = this.skipBlank(this.row);
      if (this.row >= this.starts.length || this.documentMarker(this.row)) break;
      const next = this.indent(this.row);
      if (next < indent) break;
      if (next > indent) decline();
      if (!this.isSequenceLine(this.row, indent)) break;
    }
    return { kind: 'seq', items, span: this.span(first, end) };
  }

  /** The end offset of a span on the current text (spans end where their last value ends). */
  private offsetOf(span: Span): number {
    return this.starts[span.endLine - 1]! + span.endColumn - 1;
  }

  /** An entry spans from its key to the end of a scalar value; a collection value's entry spans its key alone. */
  private entry(key: Key, value: PNode): PEntry {
    if (value.kind !== 'scalar') return { key: key.text, value, span: this.span(key.start, key.end) };
    const line = this.lineOf(key.start);
    return { key: key.text, value, span: { line: line + 1, column: key.start - this.starts[line]! + 1, endLine: value.span.endLine, endColumn: value.span.endColumn } };
  }

  /** The null of a key or dash with nothing after it, placed where the value would start, as the yaml library does. */
  private empty(at: number): PScalar {
    return { kind: 'scalar', value: null, span: this.span(at, at) };
  }

  // ---- keys ----

  /** The key of a `key: value` line starting at offset at, or undefined if the line is not one. */
  private keyAt(at: number): Key | undefined {
    const end = this.ends[this.row]!;
    const code = this.text.charCodeAt(at);
    if (code === 34 || code === 39) {
      const quoted = code === 34 ? this.doubleQuoted(at) : this.singleQuoted(at);
      const colon = this.skipSpaces(quoted.end);
      if (this.text.charCodeAt(colon) !== COLON || !this.isBreakOrSpace(colon + 1)) return undefined;
      return { text: quoted.value, start: at, end: quoted.end, after: colon + 1 };
    }
    if (!this.canStartPlain(at)) return undefined;
    for (let i = at; i < end; i++) {
      const c = this.text.charCodeAt(i);
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) return undefined;
      if (c === COLON && this.isBreakOrSpace(i + 1)) {
        let keyEnd = i;
        while (this.text.charCodeAt(keyEnd - 1) === SPACE) keyEnd--;
        const source = this.text.slice(at, keyEnd);
        if (source.length > MAX_KEY_LENGTH || source === '<<') decline();
        const value = resolvePlainScalar(source);
        return { text: value === null ? 'null' : String(value), start: at, end: keyEnd, after: i + 1 };
      }
    }
    return undefined;
  }

  /**
   * Plain scalars may not start with an indicator, but `-`, `?` and `:` start one when text follows them
   * (`-1`, `:4244`); followed by a space they are structure.
   */
  private canStartPlain(at: number): boolean {
    const code = this.text.charCodeAt(at);
    if (code === DASH || code === COLON || code === 63) return !this.isBreakOrSpace(at + 1) && !',[]{}'.includes(this.text[at + 1]!);
    // , [ ] { } # & * ! | > ' " % @ ` and the end of the line
    return !(',[]{}#&*!|>\'"%@`'.includes(this.text[at] ?? '#') || code === 10 || Number.isNaN(code));
  }

  // ---- scalars ----

  /** A value that starts on the key's or dash's line: a scalar, a one-line flow collection or a literal block. */
  private inlineValue(at: number, indent: number, depth: number): PNode {
    const code = this.text.charCodeAt(at);
    if (code === 34 || code === 39) {
      const quoted = code === 34 ? this.doubleQuoted(at) : this.singleQuoted(at);
      this.expectLineEnd(quoted.end);
      this.row++;
      return { kind: 'scalar', value: quoted.value, span: this.span(at, quoted.end) };
    }
    if (code === 91 || code === 123) {
      const flow = this.flowCollection(at, depth);
      this.expectLineEnd(flow.end);
      this.row++;
      return flow.node;
    }
    if (code === 124) return this.literalBlock(at, indent);
    if (!this.canStartPlain(at)) decline();
    const lineEnd = this.ends[this.row]!;
    let end = lineEnd;
    for (let i = at + 1; i < lineEnd; i++) {
      const c = this.text.charCodeAt(i);
      if (c === HASH && this.text.charCodeAt(i - 1) === SPACE) {
        end = i;
        break;
      }
      // `key: a: b` is a mapping nested in a compact one: YAML refuses it, so the full parser must report it.
      if (c === COLON && this.isBreakOrSpace(i + 1)) decline();
    }
    while (this.text.charCodeAt(end - 1) === SPACE) end--;
    const source = this.text.slice(at, end);
    if (source === '<<') decline();
    this.row++;
    return { kind: 'scalar', value: resolvePlainScalar(source), span: this.span(at, end) };
  }

  /** A double-quoted scalar on one line, with the escapes YAML defines; anything else declines. */
  private doubleQuoted(at: number): { value: string; end: number } {
    const lineEnd = this.ends[this.row]!;
    let value = '';
    let from = at + 1;
    for (let i = from; i < lineEnd; i++) {
      const c = this.text.charCodeAt(i);
      if (c === 34) return { value: value + this.text.slice(from, i), end: i + 1 };
      if (c !== 92) continue;
      value += this.text.slice(from, i);
      const escape = this.text[i + 1];
      const simple = escape === undefined ? undefined : SIMPLE_ESCAPES[escape];
      if (simple !== undefined) {
        value += simple;
        i += 1;
      } else {
        const digits = escape === 'x' ? 2 : escape === 'u' ? 4 : escape === 'U' ? 8 : decline();
        const hex = this.text.slice(i + 2, i + 2 + digits);
        if (!/^[0-9a-fA-F]+$/.test(hex) || hex.length !== digits) decline();
        const codePoint = parseInt(hex, 16);
        if (codePoint > 0x10ffff) decline();
        value += String.fromCodePoint(codePoint);
        i += 1 + digits;
      }
      from = i + 1;
    }
    return decline(); // no closing quote on this line: a multi-line scalar
  }

  /** A single-quoted scalar on one line, where '' stands for one quote. */
  private singleQuoted(at: number): { value: string; end: number } {
    const lineEnd = this.ends[this.row]!;
    let value = '';
    let from = at + 1;
    for (;;) {
      const quote = this.text.indexOf("'", from);
      if (quote === -1 || quote >= lineEnd) decline();
      value += this.text.slice(from, quote);
      if (this.text.charCodeAt(quote + 1) !== 39) return { value, end: quote + 1 };
      value += "'";
      from = quote + 2;
    }
  }

  /**
   * A literal block scalar (`|`, `|-`, `|+`) whose header is at offset at. Folded blocks, explicit indentation
   * and blocks that end the file without a line break decline.
   */
  private literalBlock(at: number, parentIndent: number): PScalar {
    let headerEnd = at + 1;
    const chomp = this.text[headerEnd];
    if (chomp === '-' || chomp === '+') headerEnd++;
    this.expectLineEnd(headerEnd);
    const rows = this.starts.length;
    let row = this.row + 1;
    // The first line with text sets the block's indentation; blank lines before it may not be indented more.
    let blankSpaces = 0;
    while (row < rows && this.skipSpaces(this.starts[row]!) === this.ends[row]) {
      blankSpaces = Math.max(blankSpaces, this.ends[row]! - this.starts[row]!);
      row++;
    }
    if (row >= rows) decline();
    const indent = this.indent(row);
    if (indent <= parentIndent || blankSpaces > indent) decline();
    const lines: string[] = [];
    for (let r = this.row + 1; r < rows; r++) {
      const start = this.starts[r]!;
      const end = this.ends[r]!;
      if (start === this.text.length) break; // the empty remainder after the text's last line break
      const textAt = this.skipSpaces(start);
      if (textAt === end) {
        // A blank line holding more spaces than the indentation is content with trailing spaces: leave it.
        if (end - start > indent) decline();
        lines.push('');
        continue;
      }
      if (textAt - start < indent) break;
      lines.push(this.text.slice(start + indent, end));
    }
    const firstRow = this.row + 1;
    const nextRow = firstRow + lines.length;
    let last = lines.length - 1;
    while (last >= 0 && lines[last] === '') last--;
    const lastContentRow = firstRow + last;
    // The last line of text must end with a line break: chomping at the very end of the text has rules of its own.
    if (this.ends[lastContentRow] === this.text.length) decline();
    const body = lines.slice(0, last + 1).join('\n');
    const value = chomp === '-' ? body : chomp === '+' ? `${lines.join('\n')}\n` : `${body}\n`;
    // The span ends after the last line the value keeps: its last text line, or its trailing blank lines when kept.
    const endRow = chomp === '+' ? nextRow : lastContentRow + 1;
    const endOffset = endRow < rows ? this.starts[endRow]! : this.text.length;
    this.row = nextRow;
    return { kind: 'scalar', value, span: this.span(at, endOffset) };
  }

  // ---- flow collections ----

  /**
   * A document that is one flow collection over many lines: JSON, as `kubectl get -o json` prints it. Line
   * breaks are spaces inside it; comments and multi-line scalars decline.
   */
  private flowDocument(at: number, depth: number): PMap | PSeq {
    this.multiLineFlow = true;
    const flow = this.flowCollection(at, depth);
    this.multiLineFlow = false;
    this.expectLineEnd(flow.end);
    this.row++;
    return flow.node;
  }

  /** Skip spaces, and in a flow document line breaks too, keeping this.row on the line reached. */
  private flowSpace(at: number): number {
    for (;;) {
      at = this.skipSpaces(at);
      if (!this.multiLineFlow || this.text.charCodeAt(at) !== 10) return at;
      this.row++;
      at++;
    }
  }

  /** The offset of the next character that is neither a space nor a line break. */
  private nextNonSpace(at: number): number {
    let code = this.text.charCodeAt(at);
    while (code === SPACE || code === 10) code = this.text.charCodeAt(++at);
    return at;
  }

  /** A flow sequence or mapping that opens and closes on this line, or anywhere in a flow document. */
  private flowCollection(at: number, depth: number): { node: PMap | PSeq; end: number } {
    if (depth > MAX_DEPTH) decline();
    const close = this.text.charCodeAt(at) === 91 ? 93 : 125;
    let i = this.flowSpace(at + 1);
    if (this.text.charCodeAt(i) === close) {
      const end = i + 1;
      const span = this.span(at, end);
      return { node: close === 93 ? { kind: 'seq', items: [], span } : { kind: 'map', entries: new Map(), span }, end };
    }
    const items: PNode[] = [];
    const entries = new Map<string, PEntry>();
    for (;;) {
      if (close === 93) {
        this.keyPath.push(items.length);
        const item = this.flowItem(i, depth);
        this.keyPath.pop();
        items.push(item.node);
        i = this.flowSpace(item.end);
        if (this.text.charCodeAt(i) === COLON) decline(); // a single-pair mapping inside a sequence
      } else {
        const key = this.flowKey(i);
        this.keyPath.push(key.text);
        const item = this.flowItem(this.flowSpace(key.after), depth);
        this.keyPath.pop();
        addEntry(entries, this.entry(key, item.node), this.keyPath, this.duplicates);
        i = this.flowSpace(item.end);
      }
      const c = this.text.charCodeAt(i);
      if (c === close) {
        const end = i + 1;
        const span = this.span(at, end);
        return { node: close === 93 ? { kind: 'seq', items, span } : { kind: 'map', entries, span }, end };
      }
      if (c !== 44) decline();
      i = this.flowSpace(i + 1);
      if (this.text.charCodeAt(i) === close) decline(); // a trailing comma
    }
  }

  /** A key of a flow mapping and the offset after its colon; keys without a value decline. */
  private flowKey(at: number): Key {
    const code = this.text.charCodeAt(at);
    if (code === 34 || code === 39) {
      const quoted = code === 34 ? this.doubleQuoted(at) : this.singleQuoted(at);
      const colon = this.skipSpaces(quoted.end);
      if (this.text.charCodeAt(colon) !== COLON) decline();
      return { text: quoted.value, start: at, end: quoted.end, after: colon + 1 };
    }
    const plain = this.flowPlain(at);
    if (this.text.charCodeAt(plain.end) !== COLON || this.text.charCodeAt(plain.end + 1) !== SPACE) decline();
    const value = plain.value;
    return { text: value === null ? 'null' : String(value), start: at, end: plain.end, after: plain.end + 1 };
  }

  private flowItem(at: number, depth: number): { node: PNode; end: number } {
    const code = this.text.charCodeAt(at);
    if (code === 91 || code === 123) return this.flowCollection(at, depth + 1);
    if (code === 34 || code === 39) {
      const quoted = code === 34 ? this.doubleQuoted(at) : this.singleQuoted(at);
      return { node: { kind: 'scalar', value: quoted.value, span: this.span(at, quoted.end) }, end: quoted.end };
    }
    const plain = this.flowPlain(at);
    return { node: { kind: 'scalar', value: plain.value, span: this.span(at, plain.end) }, end: plain.end };
  }

  /** A plain scalar inside a flow collection: it ends at `,`, `]`, `}` or `: `; a comment inside declines. */
  private flowPlain(at: number): { value: Scalar; end: number } {
    if (!this.canStartPlain(at)) decline();
    const lineEnd = this.ends[this.row]!;
    let end = at;
    for (; end < lineEnd; end++) {
      const c = this.text.charCodeAt(end);
      if (c === 44 || c === 93 || c === 125) break;
      if (c === 91 || c === 123) decline();
      if (c === COLON && (this.isBreakOrSpace(end + 1) || ',]}'.includes(this.text[end + 1] ?? ''))) break;
      if (c === HASH && this.text.charCodeAt(end - 1) === SPACE) decline();
    }
    // A plain scalar may go on to the next line, folded: in a JSON document only a separator may follow it there.
    if (end === lineEnd && (!this.multiLineFlow || !',]}'.includes(this.text[this.nextNonSpace(end)] ?? ''))) decline();
    while (this.text.charCodeAt(end - 1) === SPACE) end--;
    const source = this.text.slice(at, end);
    if (source === '<<') decline();
    return { value: resolvePlainScalar(source), end };
  }
}

/** The one-character escapes of double-quoted YAML scalars. */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = Object.assign(Object.create(null) as Record<string, string>, {
  '0': '\0',
  a: '\x07',
  b: '\b',
  t: '\t',
  n: '\n',
  v: '\v',
  f: '\f',
  r: '\r',
  e: '\x1b',
  ' ': ' ',
  '"': '"',
  '/': '/',
  '\\': '\\',
  N: '\x85',
  _: '\xa0',
  L: '\u2028',
  P: '\u2029',
});
