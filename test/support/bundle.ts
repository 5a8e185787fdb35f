// The built CLI: its one bundle, and what a run of dist/cli.cjs loads.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from './project.js';

/** dist/cilint-<hash>.cjs, the CLI's one bundle. */
export function bundleFile(): string {
  const [name, ...others] = readdirSync(join(ROOT, 'dist')).filter((file) => /^cilint-[0-9a-f]+\.cjs$/.test(file));
  if (name === undefined || others.length > 0) throw new Error(`expected one bundle in dist/, found ${[name, ...others].join(', ')}`);
  return join(ROOT, 'dist', name);
}

/** What a run of dist/cli.cjs loaded: Node's own modules by name, and the files it required. */
export interface Loads {
  readonly builtins: readonly string[];
  readonly files: readonly string[];
}

/** Run dist/cli.cjs with these arguments, from the repository, and record what it loads. */
export function loadsOf(...args: string[]): Loads {
  const record = join(mkdtempSync(join(tmpdir(), 'cilint-loads-')), 'loads.json');
  const run = spawnSync(process.execPath, ['-r', join(ROOT, 'test/support/record-loads.cjs'), 'dist/cli.cjs', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', CILINT_RECORD_LOADS: record },
  });
  if (run.status !== 0 && run.status !== 1) throw new Error(`cilint ${args.join(' ')} failed (${run.status}): ${run.stderr}`);
  return JSON.parse(readFileSync(record, 'utf8')) as Loads;
}
