// The GitHub Action as the runner runs it: outputs, job summary, annotations, SARIF and the step's status.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAction } from '../support/action-runner.js';
import { commitAll, git, HUBBLE_OFF, repoFile, tempProject } from '../support/project.js';
import { validateSarif } from '../support/schemas.js';

const DSR = repoFile('examples/dsr-over-vxlan/values.yaml'); // one error, at 8:3

describe('the Action', () => {
  it('writes valid SARIF, annotates the exact lines, summarises per file and fails on an error', () => {
    const workspace = tempProject({ 'clusters/prod/cilium/values.yaml': DSR, 'clusters/dev/cilium/values.yaml': HUBBLE_OFF });
    const run = runAction(workspace, { files: 'clusters/*/cilium/values.yaml', 'cilium-version': '1.16', 'sarif-file': 'reports/cilint.sarif' });
    expect(run.status).toBe(1);
    expect(run.outputs).toEqual({ errors: '1', warnings: '1', notes: '1', 'sarif-file': 'reports/cilint.sarif' });
    const sarif: unknown = JSON.parse(readFileSync(join(workspace, 'reports/cilint.sarif'), 'utf8'));
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(run.annotations[0]).toMatch(/^::error title=cilint dsr-requires-native-routing,file=clusters\/prod\/cilium\/values\.yaml,line=8,endLine=8,col=3,endColumn=12::Load-balancer mode dsr/);
    expect(run.annotations[1]).toMatch(/^::warning title=cilint hubble-disabled,file=clusters\/dev\/cilium\/values\.yaml,line=3,/);
    expect(run.annotations.at(-1)).toBe('::error::cilint: 1 error(s), 1 warning(s), 1 note(s); fail-on is error');
    expect(run.summary).toContain('## cilint: 1 error, 1 warning, 1 note');
    expect(run.summary).toContain('Cilium 1.16 · 2 targets');
    expect(run.summary).toContain('### `clusters/prod/cilium/values.yaml`\n\n| Line | Level | Rule | Message |');
    expect(run.summary).toContain('| 8 | ❌ error | [dsr-requires-native-routing](https://github.com/cilint/cilint/blob/main/docs/rules.md#dsr-requires-native-routing) | Load-balancer mode dsr');
    expect(run.stdout).toContain('✖ 3 problems (1 error, 1 warning, 1 note)'); // the full report in the log
    expect(run.stderr).toBe('');
  });

  it('passes with fail-on none, and fails on a warning with fail-on warning', () => {
    const workspace = tempProject({ 'values.yaml': HUBBLE_OFF });
    expect(runAction(workspace, { files: 'values.yaml' }).status).toBe(0);
    expect(runAction(workspace, { files: 'values.yaml', 'fail-on': 'warning' }).status).toBe(1);
    expect(runAction(tempProject({ 'values.yaml': DSR }), { files: 'values.yaml', 'fail-on': 'none' }).status).toBe(0);
  });

  it('annotates at most 10 per level, most severe first, and states the rest in the summary', () => {
    const files: Record<string, string> = { 'a/values.yaml': DSR };
    for (let i = 10; i < 23; i++) files[`b/${i}-values.yaml`] = HUBBLE_OFF;
    const run = runAction(tempProject(files), { files: 'a/*.yaml b/*.yaml' });
    const levels = run.annotations.slice(0, -1).map((line) => /^::(\w+)/.exec(line)?.[1]);
    expect(levels).toEqual(['error', ...Array<string>(10).fill('warning'), 'notice']);
    expect(run.outputs['warnings']).toBe('13');
    expect(run.summary).toContain('3 findings not annotated in the diff: GitHub shows about 10 annotations per level per step');
    expect(run.summary.match(/⚠️ warning/g)).toHaveLength(13);
  });

  it('merges values in order with set, reads config-map and nodes, and can leave annotations out', () => {
    const workspace = tempProject({
      'base.yaml': 'kubeProxyReplacement: true\nk8sServiceHost: 10.0.0.1\nk8sServicePort: 6443\nloadBalancer:\n  mode: dsr\n',
      'prod.yaml': 'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\n',
      'cm.yaml': repoFile('examples/aks-configmap/cilium-config.yaml'),
      'nodes.yaml': repoFile('examples/nodes.yaml'),
    });
    const run = runAction(workspace, { values: 'base.yaml\nprod.yaml', set: 'autoDirectNodeRoutes=true\nbpf.masquerade=true', 'config-map': 'cm.yaml', nodes: 'nodes.yaml', annotations: 'false' });
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(run.annotations).toEqual([]);
    expect(run.summary).toContain('### `cm.yaml`');
    expect(run.status).toBe(0);
  });

  it('reads YAML that needs the full YAML library (anchors, cilint-disable comments) from a checkout without node_modules', () => {
    const anchored = 'common: &off\n  # cilint-disable-next-line hubble-disabled -- no Hubble in CI\n  enabled: false\nhubble: *off\n';
    const run = runAction(tempProject({ 'values.yaml': `${anchored}${HUBBLE_OFF.replace(/^# cilium values\nhubble:\n  enabled: false\n/, '')}` }), { files: 'values.yaml', 'fail-on': 'warning' });
    expect(run.stderr).toBe('');
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '0' });
    expect(run.status).toBe(0);
  });

  it('runs from a built checkout too (npm ci, then uses: ./), beside the CLI\'s dist/ files', () => {
    const run = runAction(tempProject({ 'values.yaml': HUBBLE_OFF }), { files: 'values.yaml', 'fail-on': 'warning' }, {}, 'built');
    expect(run.stderr).toBe('');
    expect(run.outputs).toMatchObject({ errors: '0', warnings: '1' });
    expect(run.status).toBe(1);
  });

  it('uses the .cilint.yaml of the workspace', () => {
    const workspace = tempProject({ '.cilint.yaml': 'rules: { hubble-disabled: error }\n', 'values.yaml': HUBBLE_OFF });
    const run = runAction(workspace, { files: 'values.yaml' });
    expect(run.outputs['errors']).toBe('1');
    expect(run.status).toBe(1);
  });
});

describe('an input that cannot be read fails the step with one clear line, never a stack trace', () => {
  it.each([
    [{ files: 'missing.yaml' }, '::error::cilint: missing.yaml: no such file'],
    [{ files: 'clusters/**/cilium-values.yaml' }, '::error::cilint: input files: "clusters/**/cilium-values.yaml" matches no file'],
    [{ files: 'values.yaml', 'fail-on': 'info' }, '::error::cilint: input fail-on must be one of error, warning, note, none, not "info"'],
    [{ files: 'values.yaml', annotations: 'yes' }, '::error::cilint: input annotations must be true or false, not "yes"'],
    [{ files: 'values.yaml', 'cilium-version': '1.12' }, '::error::cilint: unsupported cilium-version "1.12" (supported: 1.13, 1.14, 1.15, 1.16, 1.17, 1.18, 1.19)'],
    [{ files: 'values.yaml', config: 'bad.yaml' }, '::error::cilint: bad.yaml:2: unknown rule "hubble-disabld" (cilint rules lists them)'],
    [{ files: 'broken.yaml' }, /^::error::cilint: broken\.yaml:3:1: invalid YAML/],
    [{}, '::error::cilint: no input: set files, values or config-map'],
  ])('%j', (inputs, message) => {
    const workspace = tempProject({ 'values.yaml': HUBBLE_OFF, 'bad.yaml': 'rules:\n  hubble-disabld: off\n', 'broken.yaml': 'a:\n  - [\n' });
    const run = runAction(workspace, inputs);
    expect(run.status).toBe(1);
    expect(run.annotations).toHaveLength(1);
    expect(run.annotations[0]).toMatch(message);
    expect(`${run.stdout}${run.stderr}`).not.toMatch(/\n\s+at /);
  });
});

describe('on a pull request', () => {
  const HEAD_VALUES = `${HUBBLE_OFF}ipam:\n  mode: kubernetes\n`;
  const event = (workspace: string, base: string) => {
    writeFileSync(join(workspace, '.event.json'), JSON.stringify({ pull_request: { base: { sha: base, ref: 'main' } } }));
    return { GITHUB_EVENT_NAME: 'pull_request', GITHUB_EVENT_PATH: join(workspace, '.event.json'), GITHUB_BASE_REF: 'main' };
  };

  it("compares with the PR's base commit and annotates the disruptive change", () => {
    const workspace = tempProject({ 'cilium/values.yaml': HUBBLE_OFF });
    const base = commitAll(workspace);
    writeFileSync(join(workspace, 'cilium/values.yaml'), HEAD_VALUES);
    const run = runAction(workspace, { files: 'cilium/values.yaml' }, event(workspace, base));
    expect(run.annotations).toContainEqual(expect.stringMatching(/^::warning title=cilint change-ipam-mode,file=cilium\/values\.yaml,line=10,.*::The IPAM mode changes from cluster-pool \(chart default for 1\.19\) to kubernetes/));
    expect(run.outputs['warnings']).toBe('2');
    expect(run.status).toBe(0);
  });

  it('falls back to origin/<GITHUB_BASE_REF> without a payload', () => {
    const origin = tempProject({ 'cilium/values.yaml': HUBBLE_OFF });
    commitAll(origin);
    git(origin, 'branch', '-M', 'main');
    const clone = tempProject({});
    git(clone, 'clone', '-q', `file://${origin}`, 'work');
    const workspace = join(clone, 'work');
    writeFileSync(join(workspace, 'cilium/values.yaml'), HEAD_VALUES);
    const run = runAction(workspace, { files: 'cilium/values.yaml' }, { GITHUB_EVENT_NAME: 'pull_request', GITHUB_BASE_REF: 'main' });
    expect(run.summary).toContain('[change-ipam-mode]');
  });

  it.each([
    ['a shallow checkout', 'shallow'],
    ['a workspace that is not a git repository', 'plain'],
  ])('skips the change rules with a notice naming fetch-depth: 0 in %s, and lints the rest', (_, kind) => {
    let workspace: string;
    let base = '0123456789abcdef0123456789abcdef01234567';
    if (kind === 'shallow') {
      const origin = tempProject({ 'cilium/values.yaml': HUBBLE_OFF });
      base = commitAll(origin);
      writeFileSync(join(origin, 'cilium/values.yaml'), HEAD_VALUES);
      commitAll(origin, 'head');
      const clone = tempProject({});
      git(clone, 'clone', '-q', '--depth', '1', `file://${origin}`, 'work');
      workspace = join(clone, 'work');
    } else {
      workspace = tempProject({ 'cilium/values.yaml': HEAD_VALUES });
    }
    const run = runAction(workspace, { files: 'cilium/values.yaml', 'fail-on': 'warning' }, event(workspace, base));
    const notice = run.annotations.find((line) => line.startsWith('::notice::'));
    expect(notice).toMatch(/^::notice::The PR-change rules were skipped: .*set fetch-depth: 0 so that the base commit is there\.$/);
    expect(run.summary).toMatch(/> \[!NOTE\]\n> The PR-change rules were skipped: .*fetch-depth: 0/);
    expect(run.annotations).toContainEqual(expect.stringMatching(/^::warning title=cilint hubble-disabled,/));
    expect(run.summary).not.toContain('change-ipam-mode');
    expect(run.status).toBe(1); // the rest of the lint went on: hubble-disabled fails fail-on warning
  });
});
