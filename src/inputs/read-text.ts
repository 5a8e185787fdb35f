// Read one input file as UTF-8 text, refusing what is not a readable text file.
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve, sep } from 'node:path';
import { InputError } from '../errors.js';

/** The size above which an input is refused, unless the caller sets another limit. */
export const DEFAULT_MAX_FILE_BYTES = 10 * 1024 * 1024;

/** A TextFile is an input's display path (relative to the working directory, forward slashes) and its text. */
export interface TextFile {
  readonly path: string;
  readonly text: string;
}

/** The path as findings show it: relative to the working directory, with forward slashes. */
export function displayPath(file: string, cwd = process.cwd()): string {
  const rel = relative(cwd, resolve(cwd, file));
  return (rel === '' ? file : rel).split(sep).join('/');
}

/** Read a file strictly: it must exist, be a regular file under the size limit, and be valid UTF-8 text. */
export function readTextFile(file: string, maxBytes = DEFAULT_MAX_FILE_BYTES): TextFile {
  const path = displayPath(file);
  let bytes: Buffer;
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) throw new InputError(path, 'is a directory, not a file');
    if (stat.size > maxBytes) {
      throw new InputError(path, `file is ${stat.size} bytes, over the ${maxBytes}-byte limit (--max-file-size)`);
    }
    bytes = readFileSync(file);
  } catch (error) {
    if (error instanceof InputError) throw error;
    throw new InputError(path, describeFsError(error));
  }
  return { path, text: decodeUtf8(bytes, path) };
}

/** Decode bytes as UTF-8, rejecting binary data and invalid sequences with a clear message. */
export function decodeUtf8(bytes: Uint8Array, path: string): string {
  if (bytes.includes(0)) throw new InputError(path, 'is a binary file (it contains NUL bytes), not YAML or JSON text');
  try {
    const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  } catch {
    throw new InputError(path, 'is not valid UTF-8 text');
  }
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  return `cannot be read (${code ?? String(error)})`;
}
