// Inline suppressions end to end: what they cover, how they show in each format, and what is reported about them.
import { describe, expect, it } from 'vitest';
import { validateReport, validateSarif } from '../support/schemas.js';
import { cilintIn, findingsOf, tempProject } from '../support/project.js';

// Line 3 is hubble-disabled (warning); line 6 is dsr-requires-native-routing (error).
const VALUES = (hubble: string, dsr: string) =>
  ['hubble:', hubble, '  enabled: false', 'kubeProxyReplacement: true', 'loadBalancer:', dsr, '  mode: dsr', 'k8sServiceHost: 10.0.0.1', 'k8sServicePort: 6443', ''].join('\n');

const lint = (text: string, ...args: string[]) => {
  const dir = tempProject({ 'values.yaml': text, ...(args.includes('--config') ? { 'cfg.yaml': 'suppressions: { require-reason: false }\n' } : {}) });
  return cilintIn(dir, 'lint', 'values.yaml', ...args);
};
const active = (stdout: string) => findingsOf(stdout).filter((f) => f.suppressed === null).map((f) => `${f.location?.line ?? 0} ${f.ruleId}`);
const suppressedIds = (stdout: string) => findingsOf(stdout).filter((f) => f.suppressed !== null).map((f) => f.ruleId);

describe('cilint-disable comments', () => {
  it('suppress the next line of content, this line, or the whole file; suppressed findings do not fail the run', () => {
    const next = lint(VALUES('  # cilint-disable-next-line hubble-disabled -- lab cluster', '  # cilint-disable-next-line dsr-requires-native-routing -- migrating to native routing this week'), '--format', 'json');
    expect(suppressedIds(next.stdout).sort()).toEqual(['dsr-requires-native-routing', 'hubble-disabled']);
    expect(next.status).toBe(0);
    const line = lint(VALUES('', '').replace('mode: dsr', 'mode: dsr # cilint-disable-line dsr-requires-native-routing -- ok'), '--format', 'json');
    expect(suppressedIds(line.stdout)).toEqual(['dsr-requires-native-routing']);
    const file = lint(`# cilint-disable hubble-disabled, dsr-requires-native-routing -- a test fixture\n${VALUES('', '')}`, '--format', 'json');
    expect(suppressedIds(file.stdout).sort()).toEqual(['dsr-requires-native-routing', 'hubble-disabled']);
  });

  it('keep suppressed findings in JSON (marked) and SARIF (suppressions inSource with the reason), not in text or annotations', () => {
    const text = VALUES('  # cilint-disable-next-line hubble-disabled -- lab cluster', '');
    const json = JSON.parse(lint(text, '--format', 'json').stdout) as { summary: Record<string, number>; findings: { ruleId: string; suppressed: unknown }[] };
    expect(validateReport(json), JSON.stringify(validateReport.errors)).toBe(true);
    expect(json.findings.find((f) => f.ruleId === 'hubble-disabled')?.suppressed).toEqual({ kind: 'inSource', justification: 'lab cluster' });
    expect(json.summary).toMatchObject({ errors: 1, warnings: 0, suppressed: 1 });
    const sarif = JSON.parse(lint(text, '--format', 'sarif').stdout) as { runs: { results: { ruleId: string; suppressions?: unknown }[] }[] };
    expect(validateSarif(sarif), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(sarif.runs[0]?.results.find((r) => r.ruleId === 'hubble-disabled')?.suppressions).toEqual([{ kind: 'inSource', status: 'accepted', justification: 'lab cluster' }]);
    expect(sarif.runs[0]?.results.find((r) => r.ruleId === 'dsr-requires-native-routing')).not.toHaveProperty('suppressions');
    const textReport = lint(text).stdout;
    expect(textReport).not.toContain('Hubble is disabled');
    expect(textReport).toContain('1 suppressed)');
    expect(lint(text, '--format', 'github').stdout).not.toContain('hubble-disabled');
  });

  it('need a reason by default: without one the finding stays and the comment is reported', () => {
    const run = lint(VALUES('  # cilint-disable-next-line hubble-disabled', ''), '--format', 'json');
    expect(active(run.stdout)).toEqual(expect.arrayContaining(['2 suppression-missing-reason', '3 hubble-disabled']));
    expect(suppressedIds(run.stdout)).toEqual([]);
  });

  it('need no reason when the config says so', () => {
    const run = lint(VALUES('  # cilint-disable-next-line hubble-disabled', ''), '--format', 'json', '--config', 'cfg.yaml');
    expect(suppressedIds(run.stdout)).toEqual(['hubble-disabled']);
    expect(active(run.stdout).filter((f) => f.includes('suppression-'))).toEqual([]);
  });

  it('are reported when unused or naming an unknown rule, and those reports are not suppressed by themselves', () => {
    const run = lint(`# cilint-disable hubble-disabled, kpr-valid-values, no-such-rule -- mixed\n${VALUES('', '  # cilint-disable-next-line hubble-disabled -- wrong line')}`, '--format', 'json');
    const findings = findingsOf(run.stdout);
    const about = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId).map((f) => [f.location?.line, (f as unknown as { message: string }).message]);
    expect(about('suppression-unknown-rule')).toEqual([[1, 'This cilint-disable comment names no-such-rule, which is not a cilint rule.']]);
    expect(about('suppression-unused')).toEqual([
      [1, 'This cilint-disable comment suppresses nothing: no kpr-valid-values finding in this file.'],
      [7, 'This cilint-disable-next-line comment suppresses nothing: no hubble-disabled finding on line 8.'],
    ]);
    expect(suppressedIds(run.stdout)).toEqual(['hubble-disabled']);
  });

  it('reports about directives follow the config like any rule', () => {
    const dir = tempProject({ '.cilint.yaml': 'rules: { suppression-unused: off }\n', 'values.yaml': '# cilint-disable-next-line hubble-disabled -- stale\nipam: { mode: kubernetes }\n' });
    expect(findingsOf(cilintIn(dir, 'lint', 'values.yaml', '--format', 'json').stdout).map((f) => f.ruleId)).not.toContain('suppression-unused');
  });
});
