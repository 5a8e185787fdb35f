// The config file: found upward or named with --config, rule settings and overrides, flags that win, errors at their line.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cilintIn, findingsOf, HUBBLE_OFF, repoFile, tempProject } from '../support/project.js';

const hubble = (stdout: string) => findingsOf(stdout).filter((f) => f.ruleId === 'hubble-disabled');

describe('.cilint.yaml', () => {
  it('is found upward from the working directory and sets fail-on', () => {
    const dir = tempProject({ '.cilint.yaml': 'fail-on: warning\n', 'clusters/prod/values.yaml': HUBBLE_OFF });
    expect(cilintIn(`${dir}/clusters`, 'lint', 'prod/values.yaml').status).toBe(1);
    expect(cilintIn(`${dir}/clusters`, 'lint', 'prod/values.yaml', '--fail-on', 'error').status).toBe(0);
  });

  it('turns a rule off (a bare YAML 1.1 off included) or moves its level', () => {
    const off = tempProject({ '.cilint.yaml': 'rules:\n  hubble-disabled: off\n', 'values.yaml': HUBBLE_OFF });
    expect(hubble(cilintIn(off, 'lint', 'values.yaml', '--format', 'json').stdout)).toEqual([]);
    const error = tempProject({ '.cilint.yaml': 'rules:\n  hubble-disabled: error\n', 'values.yaml': HUBBLE_OFF });
    const run = cilintIn(error, 'lint', 'values.yaml', '--format', 'json');
    expect(hubble(run.stdout).map((f) => f.level)).toEqual(['error']);
    expect(run.status).toBe(1);
  });

  it('applies overrides to the files their globs match, relative to the config file, later ones winning', () => {
    const dir = tempProject({
      'repo/.cilint.yaml': [
        'rules: { hubble-disabled: error }',
        'overrides:',
        '  - files: ["clusters/dev/**"]',
        '    rules: { hubble-disabled: off }',
        '  - files: "clusters/dev/special.yaml"',
        '    rules: { hubble-disabled: note }',
      ].join('\n'),
      'repo/clusters/dev/values.yaml': HUBBLE_OFF,
      'repo/clusters/dev/special.yaml': HUBBLE_OFF,
      'repo/clusters/prod/values.yaml': HUBBLE_OFF,
    });
    const run = cilintIn(`${dir}/repo/clusters`, 'lint', 'dev/values.yaml', 'dev/special.yaml', 'prod/values.yaml', '--format', 'json');
    expect(hubble(run.stdout).map((f) => [f.location?.file, f.level])).toEqual([
      ['dev/special.yaml', 'note'],
      ['prod/values.yaml', 'error'],
    ]);
  });

  it('sets cilium-version and nodes (relative to itself); flags win', () => {
    const dir = tempProject({
      'cfg/.cilint.yaml': 'cilium-version: "1.16"\nnodes: inventory/nodes.yaml\n',
      'cfg/inventory/nodes.yaml': repoFile('examples/nodes.yaml'),
      'big-tcp.yaml': repoFile('test/fixtures/inputs/big-tcp.yaml'),
    });
    const report = (args: string[]) => JSON.parse(cilintIn(dir, 'lint', 'big-tcp.yaml', '--config', 'cfg/.cilint.yaml', '--format', 'json', ...args).stdout) as { ciliumVersion: string; findings: { ruleId: string; node: string | null }[] };
    const fromConfig = report([]);
    expect(fromConfig.ciliumVersion).toBe('1.16');
    expect(fromConfig.findings.filter((f) => f.ruleId === 'ipv6-big-tcp-kernel').map((f) => f.node)).toContain('worker-2');
    expect(report(['--cilium-version', '1.18']).ciliumVersion).toBe('1.18');
  });

  it('is not needed: without one, the defaults apply', () => {
    const dir = tempProject({ 'values.yaml': HUBBLE_OFF });
    expect(cilintIn(dir, 'lint', 'values.yaml').status).toBe(0);
  });
});

describe('a bad .cilint.yaml: exit 2, one line naming the file and line', () => {
  it.each([
    ['malformed YAML', 'rules:\n  hubble-disabled: [\n', /^cilint: \.cilint\.yaml:3:1: invalid YAML/],
    ['an unknown rule id', 'fail-on: error\nrules:\n  hubble-disabld: off\n', /^cilint: \.cilint\.yaml:3: unknown rule "hubble-disabld"/],
    ['an unknown rule id in an override', 'overrides:\n  - files: a.yaml\n    rules:\n      nope: off\n', /^cilint: \.cilint\.yaml:4: unknown rule "nope"/],
    ['a wrong type', 'fail-on: error\nnodes: 3\n', /^cilint: \.cilint\.yaml:2: nodes must be string/],
    ['a bad level', 'rules:\n  hubble-disabled: info\n', /^cilint: \.cilint\.yaml:2: rules\.hubble-disabled must be one of "off", "on", "error"/],
    ['an unknown field', 'fail-on: error\nfailOn: warning\n', /^cilint: \.cilint\.yaml:2: unknown field "failOn" in the config/],
    ['a bad fail-on', '\nfail-on: info\n', /^cilint: \.cilint\.yaml:2: fail-on must be one of/],
    ['an unsupported version', 'cilium-version: "1.12"\n', /^cilint: \.cilint\.yaml:1: unsupported cilium-version "1\.12"/],
    ['an override without files', 'overrides:\n  - rules: {}\n', /^cilint: \.cilint\.yaml:2: overrides\.0 must have required property 'files'/],
    ['a list at the top', '- a\n', /^cilint: \.cilint\.yaml:1: the config must be object/],
  ])('%s', (_, text, message) => {
    const dir = tempProject({ '.cilint.yaml': text, 'values.yaml': HUBBLE_OFF });
    const run = cilintIn(dir, 'lint', 'values.yaml');
    expect(run.stderr).toMatch(message);
    expect(run.status).toBe(2);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });

  it('--config naming a missing file', () => {
    const run = cilintIn(tempProject({ 'values.yaml': HUBBLE_OFF }), 'lint', 'values.yaml', '--config', 'nope.yaml');
    expect(run.stderr).toBe('cilint: nope.yaml: no such file\n');
    expect(run.status).toBe(2);
  });

  it('is never modified', () => {
    const text = 'rules: { hubble-disabled: off }\n';
    const dir = tempProject({ '.cilint.yaml': text, 'values.yaml': HUBBLE_OFF });
    cilintIn(dir, 'lint', 'values.yaml');
    expect(repoFileIn(dir, '.cilint.yaml')).toBe(text);
  });
});

function repoFileIn(dir: string, path: string): string {
  return readFileSync(`${dir}/${path}`, 'utf8');
}
