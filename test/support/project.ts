// A throwaway project directory for end-to-end tests, and the built CLI run inside it.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

/** The repository's root directory. */
export const ROOT = new URL('../../', import.meta.url).pathname;

/** A values file whose only finding is a warning (hubble-disabled) at 3:3, on 1.14 to 1.19 (plus nodes-not-given). */
export const HUBBLE_OFF = '# cilium values\nhubble:\n  enabled: false\nkubeProxyReplacement: true\nbpf:\n  masquerade: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\n';

/** Write files (path → text) into a new temporary directory and return it. */
export function tempProject(files: Readonly<Record<string, string>>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cilint-project-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Copy a file of this repository (an example or fixture) as text. */
export function repoFile(path: string): string {
  return readFileSync(join(ROOT, path), 'utf8');
}

/** Run dist/cli.cjs in a directory, without colour. */
export function cilintIn(cwd: string, ...args: string[]) {
  const run = spawnSync(process.execPath, [join(ROOT, 'dist/cli.cjs'), ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** The findings of a JSON report. */
export function findingsOf(stdout: string): { ruleId: string; level: string; location: { file: string; line: number } | null; suppressed?: unknown }[] {
  return (JSON.parse(stdout) as { findings: ReturnType<typeof findingsOf> }).findings;
}

/** Run git in a directory with a fixed identity; throws on failure. */
export function git(dir: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid' };
  const run = spawnSync('git', args, { cwd: dir, env, encoding: 'utf8' });
  if (run.status !== 0) throw new Error(`git ${args.join(' ')}: ${run.stderr}`);
  return run.stdout.trim();
}

/** Make a directory a git repository with everything in it committed; return the commit. */
export function commitAll(dir: string, message = 'base'): string {
  if (spawnSync('git', ['rev-parse', '--git-dir'], { cwd: dir }).status !== 0) git(dir, 'init', '-q');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-qm', message);
  return git(dir, 'rev-parse', 'HEAD');
}
