// The baseline end to end: written by --update-baseline, matched on rule, file and key (never the line), pruned when stale.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cilintIn, findingsOf, tempProject } from '../support/project.js';

// An error (dsr-requires-native-routing, line 4) and a warning (hubble-disabled, line 7).
const VALUES = 'kubeProxyReplacement: true\nloadBalancer:\n  algorithm: maglev\n  mode: dsr\nhubble:\n  relay: { enabled: false }\n  enabled: false\n';

function project() {
  const dir = tempProject({ 'clusters/prod/values.yaml': VALUES });
  const lint = (cwd: string, ...args: string[]) => cilintIn(join(dir, cwd), 'lint', ...args, '--format', 'json');
  return { dir, lint };
}
const counted = (stdout: string) => findingsOf(stdout).filter((f) => f.suppressed === null).map((f) => f.ruleId);

describe('--baseline', () => {
  it('--update-baseline records every finding, sorted, with paths relative to the baseline, and exits 0', () => {
    const { dir, lint } = project();
    const run = lint('.', 'clusters/prod/values.yaml', '--baseline', 'ci/cilint-baseline.json', '--update-baseline');
    expect(run.status).toBe(2); // the directory ci/ does not exist: one line, exit 2
    expect(run.stderr).toMatch(/^cilint: cannot write the baseline ci\/cilint-baseline\.json: ENOENT\n$/);
    const ok = lint('.', 'clusters/prod/values.yaml', '--baseline', 'cilint-baseline.json', '--update-baseline');
    expect(ok.status).toBe(0);
    const written = JSON.parse(readFileSync(join(dir, 'cilint-baseline.json'), 'utf8')) as { version: number; findings: { rule: string; file: string; key?: string; count: number }[] };
    expect(written.version).toBe(1);
    expect(written.findings).toContainEqual({ rule: 'dsr-requires-native-routing', file: 'clusters/prod/values.yaml', key: 'loadBalancer.mode', count: 1 });
    expect(written.findings).toContainEqual({ rule: 'hubble-disabled', file: 'clusters/prod/values.yaml', key: 'hubble.enabled', count: 1 });
    expect(written.findings.map((f) => f.rule)).toEqual([...written.findings.map((f) => f.rule)].sort());
    expect(findingsOf(ok.stdout).every((f) => (f.suppressed as { kind: string } | null)?.kind === 'external')).toBe(true);
  });

  it('accepts the recorded findings even after edits above them, from any directory, and never rewrites the file', () => {
    const { dir, lint } = project();
    lint('.', 'clusters/prod/values.yaml', '--baseline', 'cilint-baseline.json', '--update-baseline');
    const before = readFileSync(join(dir, 'cilint-baseline.json'), 'utf8');
    writeFileSync(join(dir, 'clusters/prod/values.yaml'), `# a comment\n# and another\nk8sServiceHost: api.example\n${VALUES}`);
    const run = lint('clusters', 'prod/values.yaml', '--baseline', '../cilint-baseline.json');
    expect(counted(run.stdout).filter((id) => id !== 'nodes-not-given' && !id.startsWith('bpf-host'))).toEqual([]);
    expect(run.status).toBe(0);
    expect(readFileSync(join(dir, 'cilint-baseline.json'), 'utf8')).toBe(before);
  });

  it('reports a new finding, and a recorded one that is gone, for pruning at its line in the baseline', () => {
    const { dir, lint } = project();
    lint('.', 'clusters/prod/values.yaml', '--baseline', 'cilint-baseline.json', '--update-baseline');
    // DSR fixed, Hubble Relay now asked for without Hubble: a new error.
    writeFileSync(join(dir, 'clusters/prod/values.yaml'), VALUES.replace('mode: dsr', 'mode: snat').replace('relay: { enabled: false }', 'relay: { enabled: true }'));
    const run = lint('.', 'clusters/prod/values.yaml', '--baseline', 'cilint-baseline.json');
    expect(counted(run.stdout)).toEqual(expect.arrayContaining(['hubble-relay-requires-hubble', 'baseline-entry-unused']));
    expect(counted(run.stdout)).not.toContain('hubble-disabled');
    expect(run.status).toBe(1);
    const stale = findingsOf(run.stdout).find((f) => f.ruleId === 'baseline-entry-unused') as unknown as { message: string; location: { file: string; line: number } };
    const lines = readFileSync(join(dir, 'cilint-baseline.json'), 'utf8').split('\n');
    expect(stale.location.file).toBe('cilint-baseline.json');
    expect(lines[stale.location.line - 1]).toMatch(/^ {4}\{$/);
    expect(lines[stale.location.line]).toContain('"rule": "dsr-requires-native-routing"');
    expect(stale.message).toBe('The baseline accepts 1 dsr-requires-native-routing finding(s) at loadBalancer.mode in clusters/prod/values.yaml, but 0 remain: prune it with --update-baseline.');
  });
});

describe('a bad baseline: exit 2, one line naming the file and line', () => {
  it.each([
    ['a missing file', undefined, /^cilint: cilint-baseline\.json: no such file\n$/],
    ['invalid JSON', '{\n  "version": 1,\n  "findings": [,]\n}\n', /^cilint: cilint-baseline\.json:3: is not valid JSON/],
    ['another shape', '{\n  "version": 1,\n  "findings": [\n    { "rule": "x", "count": 0 }\n  ]\n}\n', /^cilint: cilint-baseline\.json:4: not a cilint baseline: findings\.0\.count must be >= 1\n$/],
    ['an unknown field', '{ "version": 1, "findings": [], "extra": true }', /^cilint: cilint-baseline\.json:1: not a cilint baseline: unknown field "extra" in the baseline\n$/],
  ])('%s', (_, text, message) => {
    const dir = tempProject({ 'values.yaml': VALUES, ...(text === undefined ? {} : { 'cilint-baseline.json': text }) });
    const run = cilintIn(dir, 'lint', 'values.yaml', '--baseline', 'cilint-baseline.json');
    expect(run.stderr).toMatch(message);
    expect(run.status).toBe(2);
  });

  it('--update-baseline without --baseline is a usage error', () => {
    const run = cilintIn(tempProject({ 'values.yaml': VALUES }), 'lint', 'values.yaml', '--update-baseline');
    expect(run.stderr).toBe('cilint: --update-baseline needs --baseline FILE (the file to write)\n');
    expect(run.status).toBe(2);
  });
});
