// Findings without a file (live mode): every format says which cluster object, and which key, they are about.
import { describe, expect, it } from 'vitest';
import { formatGithub } from '../../src/report/github.js';
import { formatJson } from '../../src/report/json.js';
import { fingerprintBase, formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import type { Finding, LintResult } from '../../src/report/finding.js';
import { validateReport, validateSarif } from '../support/schemas.js';

const RESOURCE = 'configmap/kube-system/cilium-config';
const hubble: Finding = {
  ruleId: 'hubble-disabled',
  level: 'warning',
  outcome: 'violation',
  message: 'Hubble is disabled.',
  location: undefined,
  resource: RESOURCE,
  key: 'enable-hubble',
  related: [],
  node: undefined,
};
const kernel: Finding = {
  ruleId: 'kernel-minimum',
  level: 'error',
  outcome: 'violation',
  message: 'Node old runs kernel 4.19.0.',
  location: undefined,
  resource: 'node/old',
  key: undefined,
  related: [{ message: 'node old', resource: 'node/old' }],
  node: 'old',
};
const rule = (id: string, level: Finding['level']) => ({ id, title: id, level, description: 'd', remediation: 'r.', references: ['https://docs.cilium.io/'], category: 'c' });
const result: LintResult = {
  toolVersion: '0.1.0',
  ciliumVersion: '1.18.4',
  targets: [{ kind: 'config-map', files: [RESOURCE] }],
  findings: [hubble, kernel],
  rules: [rule('hubble-disabled', 'warning'), rule('kernel-minimum', 'error')],
};

describe('live findings', () => {
  it('text: grouped by resource, the key in the position column', () => {
    expect(formatText(result)).toBe(
      [
        RESOURCE,
        '  enable-hubble  warning  Hubble is disabled.  hubble-disabled',
        '',
        'node/old',
        '  -  error  [old] Node old runs kernel 4.19.0.  kernel-minimum',
        '',
        '✖ 2 problems (1 error, 1 warning, 0 notes)',
        '',
      ].join('\n'),
    );
  });

  it('json: location {resource, key}, valid against the report schema', () => {
    const report = JSON.parse(formatJson(result)) as { findings: { location: unknown; related: { location: unknown }[] }[] };
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.findings[0]?.location).toEqual({ resource: RESOURCE, key: 'enable-hubble' });
    expect(report.findings[1]?.location).toEqual({ resource: 'node/old', key: null });
    expect(report.findings[1]?.related[0]?.location).toEqual({ resource: 'node/old', key: null });
  });

  it('sarif: results with logical locations, valid SARIF 2.1.0, fingerprints keyed on the resource', () => {
    const log = JSON.parse(formatSarif(result)) as { runs: { results: { locations: unknown[]; relatedLocations?: unknown[] }[]; invocations: { toolExecutionNotifications: unknown[] }[] }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const [first, second] = log.runs[0]?.results ?? [];
    expect(first?.locations).toEqual([{ logicalLocations: [{ name: 'enable-hubble', fullyQualifiedName: `${RESOURCE}/data/enable-hubble`, kind: 'property' }] }]);
    expect(second?.locations).toEqual([{ logicalLocations: [{ name: 'node/old', fullyQualifiedName: 'node/old', kind: 'resource' }] }]);
    expect(second?.relatedLocations).toEqual([{ id: 0, message: { text: 'node old' }, logicalLocations: [{ name: 'node/old', fullyQualifiedName: 'node/old', kind: 'resource' }] }]);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications).toEqual([]);
    expect(fingerprintBase(hubble)).not.toBe(fingerprintBase({ ...hubble, resource: 'configmap/cilium/cilium-config' }));
  });

  it('github: no file property; the message names the resource and key', () => {
    expect(formatGithub(result)).toBe(
      '::warning title=cilint hubble-disabled::configmap/kube-system/cilium-config enable-hubble: Hubble is disabled.\n' +
        '::error title=cilint kernel-minimum::node/old: [old] Node old runs kernel 4.19.0.\n',
    );
  });
});
