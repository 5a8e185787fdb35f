// Load the CLI's one CommonJS bundle with V8's code cache. With the cache, a start neither parses nor compiles
// the bundle, not even the functions a lint calls (the cache is saved after a run, so it holds them too):
// that was a quarter of what a cold lint added to Node's own start.
import { accessSync, constants, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { Script } from 'node:vm';
import type * as Bundle from '../bundle.js';

/**
 * The bundle beside this launcher, named with a hash of its content: set by scripts/build.mjs. The launchers
 * are CommonJS (.cjs), which spares a start Node's ES module loader.
 */
declare const CILINT_BUNDLE: string;

/** The bundle's exports, and how to save a code cache for the next start. */
export interface LoadedBundle {
  readonly exports: typeof Bundle;
  /** Write the code cache if this start had none it could use; call it after the run, to include what it compiled. */
  readonly saveCodeCache: () => void;
}

/** Compile and run the bundle, with the code cache when there is a valid one. */
export function loadBundle(): LoadedBundle {
  const file = join(__dirname, CILINT_BUNDLE);
  // V8 checks a cache against its own version and flags, but the source only by its length: the bundle's
  // name changes with its content, and each V8 version and set of Node options gets a cache of its own, so
  // that runs with different flags (NODE_OPTIONS in CI, a profiler) do not keep replacing each other's.
  const cacheFile = `${file}.v8-${process.versions.v8}${optionsKey()}.cache`;
  // V8 checks only a cache's header and length, so a damaged one would run garbage, or crash every start
  // until deleted: have it checksum the caches it writes and verify those it reads (~0.3 ms).
  setFlagsFromString('--verify-snapshot-checksum');
  let cachedData: Buffer | undefined;
  try {
    cachedData = readFileSync(cacheFile);
  } catch {
    cachedData = undefined;
  }
  // The CommonJS wrapper, on the first line so that line numbers stay the bundle's. __bundleUrl stands in
  // for import.meta.url, which a script has not.
  const wrapped = `(function (exports, require, module, __filename, __dirname, __bundleUrl) {${readFileSync(file, 'utf8')}\n})`;
  const script = new Script(wrapped, { filename: file, ...(cachedData && { cachedData }) });
  const module = { exports: {} };
  (script.runInThisContext() as (...args: unknown[]) => void)(module.exports, createRequire(file), module, file, dirname(file), pathToFileURL(file).href);
  const cacheUsed = cachedData !== undefined && script.cachedDataRejected !== true;
  return {
    exports: module.exports as typeof Bundle,
    saveCodeCache: () => {
      if (!cacheUsed && writable(dirname(cacheFile))) writeQuietly(cacheFile, () => script.createCachedData());
    },
  };
}

/** A short key for the options this Node runs with, or '' without any: FNV-1a, as node:crypto costs a start. */
function optionsKey(): string {
  const options = [...process.execArgv, process.env['NODE_OPTIONS'] ?? ''].join(' ').trim();
  if (options === '') return '';
  let hash = 0x811c9dc5;
  for (let i = 0; i < options.length; i++) hash = Math.imul(hash ^ options.charCodeAt(i), 0x01000193);
  return `-${(hash >>> 0).toString(16)}`;
}

/** True when this process may write in a directory: a read-only install then skips making a cache at all. */
function writable(directory: string): boolean {
  try {
    accessSync(directory, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * Write a file whole or not at all, and never fail the run that already reported: several cilint processes
 * (pre-commit runs some in parallel) may save at once. Never in a shared temporary directory: a cache is code
 * that runs, and only cilint's own directory is as trusted as the bundle itself.
 */
function writeQuietly(file: string, data: () => Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data());
    renameSync(temporary, file);
  } catch {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing more to do: the next start compiles without a cache, as this one did.
    }
  }
}
