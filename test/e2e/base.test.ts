// --base end to end: the change rules compare with the files at a git revision, and need a reasoned acknowledgement.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cilintIn, commitAll, findingsOf, git, tempProject } from '../support/project.js';

const BASE = 'kubeProxyReplacement: true\nbpf:\n  masquerade: true\nipam:\n  mode: kubernetes\n';
const changes = (stdout: string) => findingsOf(stdout).filter((f) => f.ruleId.startsWith('change-')).map((f) => `${f.location?.line ?? 0} ${f.ruleId}${f.suppressed ? ' (suppressed)' : ''}`);

function repo(): string {
  const dir = tempProject({ 'clusters/prod/values.yaml': BASE, 'clusters/prod/cilium-config.yaml': 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  mtu: "1500"\n' });
  commitAll(dir);
  return dir;
}

describe('cilint lint --base', () => {
  it('flags datapath-disruptive changes at their lines, from a subdirectory too', () => {
    const dir = repo();
    writeFileSync(join(dir, 'clusters/prod/values.yaml'), `${BASE.replace('kubernetes', 'cluster-pool')}routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nencryption:\n  enabled: true\n  type: wireguard\n`);
    writeFileSync(join(dir, 'clusters/prod/cilium-config.yaml'), 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: cilium-config\ndata:\n  mtu: "9000"\n');
    const run = cilintIn(join(dir, 'clusters'), 'lint', 'prod/values.yaml', 'prod/cilium-config.yaml', '--base', 'HEAD', '--format', 'json');
    expect(changes(run.stdout)).toEqual(['6 change-mtu', '5 change-ipam-mode', '6 change-routing-mode', '10 change-encryption']);
    expect(run.status).toBe(0); // warnings
  });

  it('says nothing when nothing disruptive changed, or the file is new', () => {
    const dir = repo();
    writeFileSync(join(dir, 'clusters/prod/values.yaml'), `${BASE}hubble:\n  enabled: true\n`);
    writeFileSync(join(dir, 'clusters/prod/new-values.yaml'), 'MTU: 9000\n');
    const run = cilintIn(dir, 'lint', 'clusters/prod/values.yaml', 'clusters/prod/new-values.yaml', '--base', 'HEAD', '--format', 'json');
    expect(changes(run.stdout)).toEqual([]);
    expect(run.stderr).toBe('');
  });

  it('compares the -f release with --set as one target', () => {
    const dir = tempProject({ 'a.yaml': 'MTU: 1500\n', 'b.yaml': 'hubble:\n  enabled: true\n' });
    commitAll(dir);
    writeFileSync(join(dir, 'b.yaml'), 'hubble:\n  enabled: true\nMTU: 1450\n');
    const run = cilintIn(dir, 'lint', '-f', 'a.yaml', '-f', 'b.yaml', '--set', 'kubeProxyReplacement=true', '--base', 'HEAD', '--format', 'json');
    expect(changes(run.stdout)).toEqual(['3 change-mtu']);
  });

  it('knows the -f release however its paths are written (./a.yaml)', () => {
    const dir = tempProject({ 'a.yaml': 'MTU: 1500\n', 'b.yaml': 'MTU: 9000\n' });
    commitAll(dir);
    const run = cilintIn(dir, 'lint', '-f', './a.yaml', '-f', './b.yaml', '--base', 'HEAD', '--format', 'json');
    expect(changes(run.stdout)).toEqual([]);
  });

  it('needs an acknowledgement with a reason: a cilint-disable comment suppresses the warning', () => {
    const dir = repo();
    writeFileSync(join(dir, 'clusters/prod/values.yaml'), BASE.replace('  mode: kubernetes', '  # cilint-disable-next-line change-ipam-mode -- new cluster, blue/green cut-over on 2026-12-01\n  mode: cluster-pool'));
    const run = cilintIn(dir, 'lint', 'clusters/prod/values.yaml', '--base', 'HEAD', '--format', 'json', '--fail-on', 'warning');
    expect(changes(run.stdout)).toEqual(['6 change-ipam-mode (suppressed)']);
    expect(findingsOf(run.stdout).map((f) => f.ruleId)).not.toContain('suppression-unused');
  });

  it('compares with an older commit named by any git revision', () => {
    const dir = repo();
    writeFileSync(join(dir, 'clusters/prod/values.yaml'), `${BASE}MTU: 1450\n`);
    commitAll(dir, 'second');
    git(dir, 'tag', 'v2');
    const run = cilintIn(dir, 'lint', 'clusters/prod/values.yaml', '--base', 'v2~1', '--format', 'json');
    expect(changes(run.stdout)).toEqual(['6 change-mtu']);
  });

  it('an unknown revision: exit 2, one line', () => {
    const run = cilintIn(repo(), 'lint', 'clusters/prod/values.yaml', '--base', 'no-such-branch');
    expect(run.stderr).toBe('cilint: --base no-such-branch is not a known revision (git fetch it first?)\n');
    expect(run.status).toBe(2);
  });

  it('a directory outside any repository: exit 2, one line', () => {
    const run = cilintIn(tempProject({ 'values.yaml': BASE }), 'lint', 'values.yaml', '--base', 'HEAD');
    expect(run.stderr).toBe('cilint: values.yaml is not in a git repository, so --base HEAD cannot be read\n');
    expect(run.status).toBe(2);
  });

  it('a shallow clone without the base: exit 2, saying how to fetch it', () => {
    const origin = repo();
    writeFileSync(join(origin, 'clusters/prod/values.yaml'), `${BASE}MTU: 1450\n`);
    const base = git(origin, 'rev-parse', 'HEAD');
    commitAll(origin, 'second');
    const clone = tempProject({});
    git(clone, 'clone', '-q', '--depth', '1', `file://${origin}`, 'work');
    const run = cilintIn(join(clone, 'work'), 'lint', 'clusters/prod/values.yaml', '--base', base);
    expect(run.stderr).toBe(`cilint: --base ${base} is not in this shallow clone (fetch the history, e.g. actions/checkout with fetch-depth: 0)\n`);
    expect(run.status).toBe(2);
  });
});
