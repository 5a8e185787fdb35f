// The launcher's code cache (src/launch/load-bundle.ts): used when valid, saved when missing or rejected, never
// a change to what cilint reports. Each test runs a copy of the built package, so that the caches it deletes
// or garbles are its own.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE24 } from '../support/action-runner.js';
import { ROOT } from '../support/project.js';

const ARGS = ['lint', 'examples/dsr-over-vxlan/values.yaml', 'examples/aks-configmap/cilium-config.yaml', '--nodes', 'examples/nodes.yaml', '--format', 'json'];

/** A copy of the built package: its own dist/, the rest linked. */
function packageCopy(): string {
  const copy = mkdtempSync(join(tmpdir(), 'cilint-package-'));
  cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true });
  for (const name of ['package.json', 'rules', 'examples', 'node_modules']) symlinkSync(join(ROOT, name), join(copy, name));
  return copy;
}

function run(copy: string, node = process.execPath, env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const { status, stdout, stderr } = spawnSync(node, [join(copy, 'dist/cli.cjs'), ...ARGS], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', ...env } });
  return { status, stdout, stderr };
}

const caches = (copy: string): string[] => readdirSync(join(copy, 'dist')).filter((name) => name.endsWith('.cache')).sort();
/** This Node's cache (the repository's dist/ may hold another's too: `npm exec` runs the bin on the Node 24 dev dependency). */
const ours = (copy: string): string[] => caches(copy).filter((name) => name.endsWith(`.v8-${process.versions.v8}.cache`));
/** A file's identity: a cache saved again is a new file (written aside, then renamed over). */
const identity = (file: string): string => `${statSync(file).ino}:${statSync(file).mtimeMs}`;

describe('the code cache', () => {
  const reference = run(join(ROOT));

  it('is saved by the build and used as it is: a start does not write it again', () => {
    const copy = packageCopy();
    const [cache, ...others] = ours(copy);
    expect(cache).toBeDefined();
    expect(others).toEqual([]);
    const before = identity(join(copy, 'dist', cache ?? ''));
    expect(run(copy)).toEqual(reference);
    expect(identity(join(copy, 'dist', cache ?? ''))).toBe(before);
  });

  it('when missing, is saved by the first start and used by the next', () => {
    const copy = packageCopy();
    for (const cache of caches(copy)) rmSync(join(copy, 'dist', cache));
    expect(run(copy)).toEqual(reference);
    const [cache] = caches(copy);
    expect(cache).toBeDefined();
    const saved = identity(join(copy, 'dist', cache ?? ''));
    expect(run(copy)).toEqual(reference);
    expect(identity(join(copy, 'dist', cache ?? ''))).toBe(saved);
    expect(readdirSync(join(copy, 'dist')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('when V8 rejects it, is replaced, and the report is the same', () => {
    const copy = packageCopy();
    const [cache] = ours(copy);
    const file = join(copy, 'dist', cache ?? '');
    writeFileSync(file, 'not a code cache');
    expect(run(copy)).toEqual(reference);
    expect(statSync(file).size).toBeGreaterThan(10_000);
  });

  it('when damaged (one byte changed), is rejected by its checksum and replaced, and the report is the same', () => {
    const copy = packageCopy();
    const [cache] = ours(copy);
    const file = join(copy, 'dist', cache ?? '');
    const bytes = readFileSync(file);
    bytes[bytes.length >> 1] = (bytes[bytes.length >> 1] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    expect(run(copy)).toEqual(reference);
    expect(readFileSync(file).equals(bytes)).toBe(false);
    expect(run(copy)).toEqual(reference);
  });

  it('when it cannot be saved, the run still ends with its own report and status, and leaves nothing behind', () => {
    const copy = packageCopy();
    const [cache] = ours(copy);
    const file = join(copy, 'dist', cache ?? '');
    rmSync(file);
    mkdirSync(file);
    expect(run(copy)).toEqual(reference);
    expect(readdirSync(join(copy, 'dist')).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('is kept per V8 version: another Node saves its own beside it', () => {
    const copy = packageCopy();
    for (const other of caches(copy).filter((name) => !ours(copy).includes(name))) rmSync(join(copy, 'dist', other));
    const [cache] = ours(copy);
    const before = identity(join(copy, 'dist', cache ?? ''));
    expect(run(copy, NODE24)).toEqual(reference);
    expect(caches(copy)).toHaveLength(2);
    expect(identity(join(copy, 'dist', cache ?? ''))).toBe(before);
  });

  it('is kept per set of Node options: a run with other V8 flags saves its own, and each stays in use', () => {
    const copy = packageCopy();
    const [cache] = ours(copy);
    const before = identity(join(copy, 'dist', cache ?? ''));
    const flagged = { NODE_OPTIONS: '--max-semi-space-size=8' };
    const existing = new Set(caches(copy));
    expect(run(copy, process.execPath, flagged)).toEqual(reference);
    const theirs = caches(copy).filter((name) => !existing.has(name));
    expect(theirs).toHaveLength(1);
    const saved = identity(join(copy, 'dist', theirs[0] ?? ''));
    expect(run(copy)).toEqual(reference);
    expect(run(copy, process.execPath, flagged)).toEqual(reference);
    expect(identity(join(copy, 'dist', cache ?? ''))).toBe(before);
    expect(identity(join(copy, 'dist', theirs[0] ?? ''))).toBe(saved);
  });
});
