// Every formatter fed one fixed result: text read and judged, JSON and SARIF validated against their schemas.
import { describe, expect, it } from 'vitest';
import { formatGithub, escapeData, escapeProperty } from '../../src/report/github.js';
import { formatJson } from '../../src/report/json.js';
import { fingerprintBase, formatSarif } from '../../src/report/sarif.js';
import { formatText } from '../../src/report/text.js';
import type { Finding, LintResult } from '../../src/report/finding.js';
import { validateReport, validateSarif } from '../support/schemas.js';

const dsr: Finding = {
  ruleId: 'dsr-requires-native-routing',
  level: 'error',
  outcome: 'violation',
  message: 'Load-balancer mode dsr cannot run over a vxlan tunnel.',
  location: { file: 'deploy/values.yaml', line: 12, column: 3, endLine: 12, endColumn: 12 },
  key: 'loadBalancer.mode',
  related: [{ message: 'routingMode: tunnel (chart default for 1.16)' }],
  node: undefined,
};
const bigTcp: Finding = {
  ruleId: 'ipv6-big-tcp-kernel',
  level: 'warning',
  outcome: 'violation',
  message: 'Node old runs kernel 5.15.0: IPv6 BIG TCP needs 5.19 or newer.',
  location: { file: 'deploy/values.yaml', line: 3, column: 1, endLine: 3, endColumn: 23 },
  key: 'enableIPv6BIGTCP',
  related: [{ message: 'node old', location: { file: 'nodes.yaml', line: 4, column: 5, endLine: 6, endColumn: 1 } }],
  node: 'old',
};
const note: Finding = {
  ruleId: 'nodes-not-given',
  level: 'note',
  outcome: 'not-evaluated',
  message: '3 node rules were not evaluated: no node inventory was given (--nodes).',
  location: { file: 'cilium-config.yaml', line: 1, column: 1, endLine: 1, endColumn: 1 },
  key: undefined,
  related: [],
  node: undefined,
};
const rule = (id: string, level: Finding['level']) => ({
  id,
  title: `Title of ${id}`,
  level,
  description: `Description of ${id}.`,
  remediation: `Fix ${id}.`,
  references: ['https://github.com/cilium/cilium/blob/v1.16.17/daemon/cmd/kube_proxy_replacement.go'],
  category: 'load-balancing',
});
const result: LintResult = {
  toolVersion: '0.1.0',
  ciliumVersion: '1.16',
  targets: [{ kind: 'helm-values', files: ['deploy/values.yaml'] }, { kind: 'config-map', files: ['cilium-config.yaml'] }],
  findings: [note, bigTcp, dsr],
  rules: [rule('dsr-requires-native-routing', 'error'), rule('ipv6-big-tcp-kernel', 'warning'), rule('nodes-not-given', 'note')],
};

describe('text', () => {
  it('groups by file, aligns the columns and counts the levels', () => {
    expect(formatText(result)).toBe(
      [
        'cilium-config.yaml',
        '  1:1  note  3 node rules were not evaluated: no node inventory was given (--nodes).  nodes-not-given',
        '',
        'deploy/values.yaml',
        '  3:1   warning  [old] Node old runs kernel 5.15.0: IPv6 BIG TCP needs 5.19 or newer.  ipv6-big-tcp-kernel',
        '  12:3  error    Load-balancer mode dsr cannot run over a vxlan tunnel.  dsr-requires-native-routing',
        '',
        '✖ 3 problems (1 error, 1 warning, 1 note)',
        '',
      ].join('\n'),
    );
  });

  it('colours only when asked', () => {
    expect(formatText(result)).not.toMatch(/\u001b\[/);
    expect(formatText(result, { color: true })).toMatch(/\u001b\[31m/);
  });

  it('says so when there is nothing to report', () => {
    expect(formatText({ ...result, findings: [] })).toBe('✔ no problems (2 files linted for Cilium 1.16)\n');
  });
});

describe('json', () => {
  it('matches schemas/report.schema.json', () => {
    const report: unknown = JSON.parse(formatJson(result));
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report).toMatchObject({ summary: { errors: 1, warnings: 1, notes: 1 }, findings: [{ ruleId: 'nodes-not-given', key: null }, { node: 'old' }, { location: { line: 12 } }] });
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatSarif(result)) as { runs: { tool: { driver: { rules: { id: string; help: { markdown: string } }[] } }; results: Record<string, unknown>[] }[] };

  it('is valid SARIF 2.1.0', () => {
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
  });

  it('has exactly one run, with every rule described and each result pointing at its rule', () => {
    expect(log.runs).toHaveLength(1);
    const run = log.runs[0]!;
    expect(run.tool.driver.rules.map((r) => r.id)).toEqual(['dsr-requires-native-routing', 'ipv6-big-tcp-kernel', 'nodes-not-given']);
    expect(run.results[2]).toMatchObject({
      ruleId: 'dsr-requires-native-routing',
      ruleIndex: 0,
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'deploy/values.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 12, startColumn: 3, endLine: 12, endColumn: 12 } } }],
    });
    expect(run.tool.driver.rules[0]?.help.markdown).toContain('https://github.com/cilium/cilium/blob/v1.16.17/daemon/cmd/kube_proxy_replacement.go');
  });

  it('fingerprints on rule, file, key and node, never the line', () => {
    const moved = { ...dsr, location: { ...dsr.location!, line: 40, endLine: 40 } };
    expect(fingerprintBase(moved)).toBe(fingerprintBase(dsr));
    expect(fingerprintBase({ ...bigTcp, node: 'other' })).not.toBe(fingerprintBase(bigTcp));
  });

  it('numbers findings that share a fingerprint, so that GitHub keeps both alerts', () => {
    const twice = JSON.parse(formatSarif({ ...result, findings: [dsr, { ...dsr, location: { ...dsr.location!, line: 20, endLine: 20 } }] })) as { runs: { results: { partialFingerprints: { primaryLocationLineHash: string } }[] }[] };
    const hashes = twice.runs[0]!.results.map((r) => r.partialFingerprints.primaryLocationLineHash);
    expect(hashes[0]?.replace(/:1$/, ':2')).toBe(hashes[1]);
  });

  it('puts a finding without a location among the notifications, not the results', () => {
    const log = JSON.parse(formatSarif({ ...result, findings: [{ ...note, location: undefined }] })) as { runs: { results: unknown[]; invocations: { toolExecutionNotifications: unknown[] }[] }[] };
    expect(log.runs[0]?.results).toEqual([]);
    expect(log.runs[0]?.invocations[0]?.toolExecutionNotifications).toEqual([{ level: 'note', message: { text: note.message }, associatedRule: { id: 'nodes-not-given' } }]);
    expect(validateSarif(log)).toBe(true);
  });

  it('percent-encodes each path segment of a URI', () => {
    const log = JSON.parse(formatSarif({ ...result, findings: [{ ...dsr, location: { ...dsr.location!, file: 'a dir/x#1:b.yaml' } }] })) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    expect(log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation.uri).toBe('a%20dir/x%231%3Ab.yaml');
  });

  it('always has a results array', () => {
    const empty = JSON.parse(formatSarif({ ...result, findings: [] })) as { runs: { results: unknown[] }[] };
    expect(empty.runs[0]?.results).toEqual([]);
    expect(validateSarif(empty)).toBe(true);
  });
});

describe('github', () => {
  it.each([
    ['100%', '100%25'],
    ['a\r\nb', 'a%0D%0Ab'],
    ['plain', 'plain'],
  ])('escapes data %j', (text, expected) => {
    expect(escapeData(text)).toBe(expected);
  });

  it.each([
    ['a:b,c', 'a%3Ab%2Cc'],
    ['50%\n', '50%25%0A'],
  ])('escapes properties %j', (text, expected) => {
    expect(escapeProperty(text)).toBe(expected);
  });

  it('writes one workflow command per finding, with the notice level for notes', () => {
    expect(formatGithub(result).split('\n')).toEqual([
      '::notice file=cilium-config.yaml,line=1,col=1,endLine=1,endColumn=1,title=cilint nodes-not-given::3 node rules were not evaluated: no node inventory was given (--nodes).',
      '::warning file=deploy/values.yaml,line=3,col=1,endLine=3,endColumn=23,title=cilint ipv6-big-tcp-kernel::[old] Node old runs kernel 5.15.0: IPv6 BIG TCP needs 5.19 or newer.',
      '::error file=deploy/values.yaml,line=12,col=3,endLine=12,endColumn=12,title=cilint dsr-requires-native-routing::Load-balancer mode dsr cannot run over a vxlan tunnel.',
      '',
    ]);
  });
});
