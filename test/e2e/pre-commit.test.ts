// The pre-commit hook, installed and run by the real pre-commit (`try-repo` on this checkout) in a throwaway repository.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { repoFile, ROOT, tempProject } from '../support/project.js';

const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; language: string; pass_filenames: boolean; files: string }[];
const hook = hooks.find((candidate) => candidate.id === 'cilint');

describe('.pre-commit-hooks.yaml', () => {
  it('declares the cilint hook: language node, filenames passed', () => {
    expect(hook).toMatchObject({ id: 'cilint', language: 'node', pass_filenames: true });
  });

  // pre-commit matches `files` with Python's re.search; this pattern means the same in JavaScript.
  it.each([
    ['clusters/prod/cilium/values.yaml', true],
    ['clusters/dev/cilium-values.yaml', true],
    ['values-cilium.yaml', true],
    ['cilium/helmrelease-values.yaml', true],
    ['cilium-config.yaml', true],
    ['infra/kube-system/cilium-config.yml', true],
    ['apps/cilium/overlays/prod/values-prod.yaml', true],
    ['clusters/prod/values.yaml', false],
    ['cilium/kustomization.yaml', false],
    ['cilium/Chart.yaml', false],
    ['hubble-values.yaml', false],
    ['docs/cilium-values.md', false],
  ])('files: %s → %s', (path, matches) => {
    expect(new RegExp(hook?.files ?? '$^').test(path)).toBe(matches);
  });
});

describe('pre-commit try-repo', () => {
  it('fails on a file with an error and passes on a clean one', async () => {
    // Not a skip: without pre-commit this test fails, and .ci/run installs it.
    const version = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' });
    expect(version.status, 'pre-commit is not installed (apt-get install pre-commit; .ci/run does it)').toBe(0);
    const repo = tempProject({
      'clusters/prod/cilium/values.yaml': repoFile('examples/dsr-over-vxlan/values.yaml'),
      'values-cilium.yaml': 'hubble:\n  enabled: true\n',
    });
    const env = {
      // Without the npm_* variables of `npm test` itself: npm_config_local_prefix would point the hook's npm at this checkout.
      ...Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_/i.test(name))),
      GIT_AUTHOR_NAME: 'test', GIT_AUTHOR_EMAIL: 'test@example.invalid', GIT_COMMITTER_NAME: 'test', GIT_COMMITTER_EMAIL: 'test@example.invalid',
    };
    const git = (...args: string[]) => expect(spawnSync('git', args, { cwd: repo, env }).status).toBe(0);
    git('init', '-q');
    git('add', '-A');
    git('commit', '-qm', 'cilium values');
    // try-repo installs the hook afresh in a temporary store each time (about 30 s), so both run at once.
    const [failing, passing] = await Promise.all([tryRepo(repo, env, 'clusters/prod/cilium/values.yaml'), tryRepo(repo, env, 'values-cilium.yaml')]);

    // try-repo copies the checkout's committed, staged and modified files, not untracked ones: stage new sources first.
    expect(failing.stdout, 'the hook did not run (new source files not staged with git add?)').toMatch(/cilint\.+Failed/);
    expect(failing.stdout).toMatch(/clusters\/prod\/cilium\/values\.yaml\n {2}1:1 .*\n {2}8:3 {2}error {2}Load-balancer mode dsr/);
    expect(failing.status, failing.stdout + failing.stderr).toBe(1);
    expect(passing.stdout).toMatch(/cilint\.+Passed/);
    expect(passing.status, passing.stdout + passing.stderr).toBe(0);
  }, 600_000);
});

/** `pre-commit try-repo <this checkout> cilint --files FILE` in a repository (with the checkout's uncommitted changes). */
function tryRepo(cwd: string, env: NodeJS.ProcessEnv, file: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('pre-commit', ['try-repo', ROOT, 'cilint', '--files', file], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
