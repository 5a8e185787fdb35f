// Parse YAML into a plain value tree that remembers the position of every key, as Helm's parser reads it.
import type { Document, LineCounter, Node as YamlNode, YAMLMap } from 'yaml';
import { InputError } from '../errors.js';
import { readCommonYaml } from './common-yaml.js';
import { addEntry } from './yaml-entries.js';
import { yamlLibrary } from './yaml-library.js';

/** A Span is a 1-based range in a file: from the key (or item) start to the end of its scalar value. */
export interface Span {
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A Scalar is the data a YAML scalar holds, as Helm (YAML 1.1) resolves it. */
export type Scalar = string | number | boolean | null;

/**
 * A PNode is one value of the tree: a scalar, a mapping or a sequence, each with its span. A flow collection
 * spans its brackets; a block collection spans from its first key or dash to the end of its last value.
 */
export type PNode = PScalar | PMap | PSeq;
export interface PScalar {
  readonly kind: 'scalar';
  readonly value: Scalar;
  readonly span: Span;
}
export interface PMap {
  readonly kind: 'map';
  /** Keys in document order; a Map so that keys like `__proto__` stay plain data. */
  readonly entries: Map<string, PEntry>;
  readonly span: Span;
}
export interface PSeq {
  readonly kind: 'seq';
  readonly items: readonly PNode[];
  readonly span: Span;
}
/** A PEntry is one key of a mapping: where the key was written, and its value. */
export interface PEntry {
  readonly key: string;
  readonly span: Span;
  readonly value: PNode;
}

/** A DuplicateKey is a key written twice in one mapping; the later one wins, as in Helm and kubectl. */
export interface DuplicateKey {
  readonly path: readonly (string | number)[];
  readonly first: Span;
  readonly second: Span;
}

/** A YamlFile is a parsed file: its documents (an empty one has no root) and the duplicate keys found. */
export interface YamlFile {
  readonly path: string;
  readonly documents: readonly { readonly root: PNode | undefined }[];
  readonly duplicates: readonly DuplicateKey[];
}

/** Bounds that keep hostile input (alias bombs, absurd nesting) from exhausting memory or the stack. */
const MAX_NODES = 1_000_000;
// Below the depth at which the yaml parser itself runs out of stack (about 870 levels on Node 20).
const MAX_DEPTH = 500;

/** Parse every document of a YAML (or JSON) text; syntax errors become an InputError at their line. */
export function parseYamlFile(path: string, text: string): YamlFile {
  return readCommonYaml(path, text) ?? parseAnyYaml(path, text);
}

/** Parse with the full YAML parser: what the common-shape reader declines, and every error. */
export function parseAnyYaml(path: string, text: string): YamlFile {
  const { LineCounter, parseAllDocuments } = yamlLibrary();
  const lineCounter = new LineCounter();
  let documents: Document.Parsed[];
  try {
    // YAML 1.1 with merge keys, duplicates allowed: what sigs.k8s.io/yaml (Helm, kubectl) accepts.
    const parsed = parseAllDocuments(text, { version: '1.1', merge: true, uniqueKeys: false, lineCounter });
    documents = Array.isArray(parsed) ? parsed : [];
  } catch (error) {
    if (error instanceof RangeError) throw new InputError(path, 'YAML nesting is too deep to read');
    throw error;
  }
  const builder = new TreeBuilder(path, lineCounter);
  const result = documents.map((document) => {
    const problem = document.errors[0];
    if (problem && /call stack/i.test(problem.message)) throw new InputError(path, 'YAML nesting is too deep to read');
    if (problem) {
      const at = problem.linePos?.[0];
      const detail = problem.message.split('\n')[0] ?? problem.message;
      throw new InputError(path, `invalid YAML: ${detail.replace(/ at line \d+, column \d+:?$/, '')}`, at?.line, at?.col);
    }
    const root = document.contents ? builder.build(document) : undefined;
    // A document holding only comments, or only null, is empty: Helm reads it as no values at all.
    return { root: root?.kind === 'scalar' && root.value === null ? undefined : root };
  });
  return { path, documents: result, duplicates: builder.duplicates };
}

class TreeBuilder {
  readonly duplicates: DuplicateKey[] = [];
  private nodes = 0;
  private document!: Document.Parsed;
  private readonly path: string;
  private readonly lines: LineCounter;
  private readonly yaml = yamlLibrary();

  constructor(path: string, lines: LineCounter) {
    this.path = path;
    this.lines = lines;
  }

  build(document: Document.Parsed): PNode {
    this.document = document;
    return this.node(document.contents as YamlNode, [], 0);
  }

  private node(node: YamlNode, path: (string | number)[], depth: number): PNode {
    if (++this.nodes > MAX_NODES) this.fail(node, 'YAML aliases expand to too many values (an alias bomb?)');
    if (depth > MAX_DEPTH) this.fail(node, `YAML nesting is deeper than ${MAX_DEPTH} levels`);
    if (this.yaml.isAlias(node)) {
      const target = node.resolve(this.document);
      if (!target) this.fail(node, `unknown YAML alias *${node.source}`);
      return this.node(target as YamlNode, path, depth + 1);
    }
    if (this.yaml.isMap(node)) return this.map(node, path, depth);
    if (this.yaml.isSeq(node)) {
      const items = node.items.map((item, i) => this.node(item as YamlNode, [...path, i], depth + 1));
      const last = node.items.at(-1) as YamlNode | undefined;
      return { kind: 'seq', items, span: this.collectionSpan(node.range, node.flow, last && this.endOf(last, items.at(-1)!)) };
    }
    if (this.yaml.isScalar(node)) return { kind: 'scalar', value: scalarValue(node.value, node.source), span: this.span(node.range) };
    return this.fail(node, 'unsupported YAML node');
  }

  private map(node: YAMLMap, path: (string | number)[], depth: number): PMap {
    const entries = new Map<string, PEntry>();
    const merged = new Map<string, PEntry>();
    let lastEnd: Span | undefined;
    for (const pair of node.items) {
      const keyNode = pair.key as YamlNode | null;
      const valueNode = pair.value as YamlNode | null;
      if (this.yaml.isScalar(keyNode) && typeof keyNode.value === 'symbol') {
        // A YAML 1.1 merge key: its maps fill in keys this mapping does not set itself.
        for (const source of this.mergeSources(valueNode, path, depth)) {
          for (const [key, entry] of source.entries) if (!merged.has(key)) merged.set(key, entry);
        }
        lastEnd = this.span(valueNode?.range ?? keyNode.range);
        continue;
      }
      const key = this.keyText(keyNode);
      const value: PNode = valueNode
        ? this.node(valueNode, [...path, key], depth + 1)
        : { kind: 'scalar', value: null, span: this.span(keyNode?.range) };
      const start = this.span(keyNode?.range);
      const end = value.kind === 'scalar' ? value.span : start;
      const entry: PEntry = {
        key,
        value,
        span: { line: start.line, column: start.column, endLine: end.endLine, endColumn: end.endColumn },
      };
      addEntry(entries, entry, path, this.duplicates);
      lastEnd = valueNode ? this.endOf(valueNode, value) : value.span;
    }
    for (const [key, entry] of merged) if (!entries.has(key)) entries.set(key, entry);
    return { kind: 'map', entries, span: this.collectionSpan(node.range, node.flow, lastEnd) };
  }

  /** Where a value written in this collection ends: an alias ends where it is written, not at its anchor. */
  private endOf(node: YamlNode, built: PNode): Span {
    return this.yaml.isAlias(node) ? this.span(node.range) : built.span;
  }

  /** A flow collection spans its brackets; a block one ends where its last value ends (not at trailing comments). */
  private collectionSpan(range: readonly [number, number, number] | null | undefined, flow: boolean | undefined, last: Span | undefined): Span {
    const span = this.span(range);
    if (flow || !last) return span;
    return { line: span.line, column: span.column, endLine: last.endLine, endColumn: last.endColumn };
  }

  private mergeSources(value: YamlNode | null, path: (string | number)[], depth: number): PMap[] {
    if (!value) return [];
    const resolved = this.node(value, path, depth + 1);
    const sources = resolved.kind === 'seq' ? resolved.items : [resolved];
    return sources.filter((source): source is PMap => source.kind === 'map');
  }

  private keyText(key: YamlNode | null): string {
    if (key === null) return '';
    if (this.yaml.isScalar(key)) {
      const value = scalarValue(key.value, key.source);
      return value === null ? 'null' : String(value);
    }
    if (this.yaml.isAlias(key)) return this.keyText(key.resolve(this.document) as YamlNode);
    return this.fail(key, 'a mapping key must be a scalar, not a mapping or a list');
  }

  private span(range: readonly [number, number, number] | null | undefined): Span {
    const [start, end] = range ?? [0, 0];
    const from = this.lines.linePos(start);
    const to = this.lines.linePos(Math.max(start, end));
    return { line: from.line, column: from.col, endLine: to.line, endColumn: to.col };
  }

  private fail(node: YamlNode | null | undefined, detail: string): never {
    const at = this.span(node?.range);
    throw new InputError(this.path, detail, at.line, at.column);
  }
}

/** Keep only plain data: timestamps and other tagged types fall back to the text that was written. */
function scalarValue(value: unknown, source: string | undefined): Scalar {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  return source ?? String(value);
}

/** Follow a path of keys and indexes into a tree. */
export function lookup(root: PNode | undefined, path: readonly (string | number)[]): PNode | undefined {
  let node = root;
  for (const segment of path) {
    if (!node) return undefined;
    if (node.kind === 'map' && typeof segment === 'string') node = node.entries.get(segment)?.value;
    else if (node.kind === 'seq' && typeof segment === 'number') node = node.items[segment];
    else return undefined;
  }
  return node;
}

/** The plain JavaScript value of a tree (null-prototype objects, so no key can reach a prototype). */
export function toPlain(node: PNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(toPlain);
  const out: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const [key, entry] of node.entries) out[key] = toPlain(entry.value);
  return out;
}
