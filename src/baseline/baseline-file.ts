// Read and write the baseline file: a reviewable JSON list of accepted findings, keyed on rule, file, key and node.
import { writeFileSync } from 'node:fs';
import { dirname, relative, resolve, sep } from 'node:path';
import { InputError, UsageError } from '../errors.js';
import { validateBaseline } from '../generated/validate-baseline.cjs';
import { spanAtPointer } from '../inputs/pointer.js';
import { readTextFile } from '../inputs/read-text.js';
import { parseYamlFile } from '../inputs/yaml-tree.js';

/** A BaselineEntry accepts `count` findings of one rule at one key of one file (and node). */
export interface BaselineEntry {
  readonly rule: string;
  readonly file?: string;
  readonly key?: string;
  readonly node?: string;
  readonly count: number;
}

/** A Baseline as read: its entries, each with the line it is written on. */
export interface Baseline {
  readonly path: string;
  readonly entries: readonly (BaselineEntry & { readonly line: number })[];
}

const DESCRIPTION = 'Findings accepted by `cilint lint --baseline`; rewrite with --update-baseline. Matched on rule, file, key and node, never the line.';

/** Read a baseline; a missing, malformed or mis-shaped file is an InputError naming its line (exit 2). */
export function readBaseline(file: string): Baseline {
  const { path, text } = readTextFile(file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw new InputError(path, `is not valid JSON: ${(error as Error).message.split('\n')[0] ?? ''}`, jsonErrorLine(text, error as Error));
  }
  // The same text read as YAML (JSON is YAML) gives the line of every entry.
  const root = parseYamlFile(path, text).documents[0]?.root;
  if (!validateBaseline(data)) {
    const error = [...(validateBaseline.errors ?? [])].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
    const where = error?.instancePath ? error.instancePath.slice(1).replace(/\//g, '.') : 'the baseline';
    const detail = error?.keyword === 'additionalProperties' ? `unknown field "${String(error.params['additionalProperty'])}" in ${where}` : `${where} ${error?.message ?? 'is invalid'}`;
    throw new InputError(path, `not a cilint baseline: ${detail}`, spanAtPointer(root, error?.instancePath ?? '')?.line);
  }
  const entries = (data as { findings: BaselineEntry[] }).findings.map((entry, i) => ({
    ...entry,
    ...(entry.file === undefined ? {} : { file: fromBaseline(file, entry.file) }),
    line: spanAtPointer(root, `/findings/${i}`)?.line ?? 1,
  }));
  return { path, entries };
}

/** Write a baseline, sorted, so that a rewrite without changes is byte-for-byte the same file. */
export function writeBaseline(file: string, entries: readonly BaselineEntry[]): void {
  const findings = entries
    .map((entry) => ({
      rule: entry.rule,
      ...(entry.file === undefined ? {} : { file: toBaseline(file, entry.file) }),
      ...(entry.key === undefined ? {} : { key: entry.key }),
      ...(entry.node === undefined ? {} : { node: entry.node }),
      count: entry.count,
    }))
    .sort((a, b) => compare(sortKey(a), sortKey(b)));
  try {
    writeFileSync(file, `${JSON.stringify({ version: 1, description: DESCRIPTION, findings }, null, 2)}\n`);
  } catch (error) {
    throw new UsageError(`cannot write the baseline ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

// Paths in the file are relative to the file itself, so that it works from any working directory.
function toBaseline(baseline: string, file: string): string {
  return relative(dirname(resolve(baseline)), resolve(file)).split(sep).join('/');
}

function fromBaseline(baseline: string, file: string): string {
  return relative(process.cwd(), resolve(dirname(resolve(baseline)), file)).split(sep).join('/');
}

function sortKey(entry: Omit<BaselineEntry, 'count'>): string {
  return [entry.file ?? '', entry.rule, entry.key ?? '', entry.node ?? ''].join('\u0000');
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The line of a JSON syntax error. V8 gives a position for some errors and not others, and differently
 * across Node releases; the YAML parser (JSON is YAML) gives a line for most of the rest.
 */
function jsonErrorLine(text: string, error: Error): number | undefined {
  const line = /line (\d+)/.exec(error.message);
  if (line) return Number(line[1]);
  const position = /position (\d+)/.exec(error.message);
  if (position) return text.slice(0, Number(position[1])).split('\n').length;
  try {
    parseYamlFile('', text);
  } catch (yamlError) {
    return Number(/^:(\d+)/.exec((yamlError as Error).message)?.[1]) || undefined;
  }
  return undefined;
}
