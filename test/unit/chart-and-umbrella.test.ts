// Umbrella charts (values under cilium:), --values-root, and a local chart (--chart) replacing the built-in keys and defaults.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readChart } from '../../src/chart/chart-dir.js';
import { editDistance, suggest } from '../../src/model/suggest.js';
import { lint } from '../../src/lint.js';
import type { LintOptions } from '../../src/lint.js';
import { parseCiliumVersion } from '../../src/version.js';
import type { CiliumVersion } from '../../src/version.js';

const v = (text: string): CiliumVersion => parseCiliumVersion(text) as CiliumVersion;

function write(dir: string, name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

function run(options: Partial<LintOptions> & { files: string[] }) {
  return lint({ values: [], sets: [], configMaps: [], nodes: undefined, version: v('1.16'), ...options }).findings;
}

describe('umbrella charts', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cilint-umbrella-'));
  const umbrella = write(dir, 'values.yaml', 'global:\n  domain: example.org\ncilium:\n  kubeProxyReplacement: strict\n  tunnel: vxlan\nother-chart:\n  replicas: 2\n');

  it('reads the values under cilium: and keeps their lines', () => {
    const findings = run({ files: [umbrella] });
    expect(findings.find((f) => f.ruleId === 'kpr-valid-values')).toMatchObject({ level: 'error', location: { line: 4 } });
    expect(findings.find((f) => f.ruleId === 'helm-value-removed')).toMatchObject({ key: 'tunnel', location: { line: 5 } });
    // The umbrella's own keys are not Cilium's: no "did you mean" for global or other-chart.
    expect(findings.filter((f) => f.ruleId === 'helm-value-misspelt')).toEqual([]);
  });

  it('takes another key with --values-root, and refuses one that is missing', () => {
    const nested = write(dir, 'nested.yaml', 'network:\n  cni:\n    kubeProxyReplacement: strict\n');
    expect(run({ files: [nested], valuesRoot: 'network.cni' }).find((f) => f.ruleId === 'kpr-valid-values')).toMatchObject({ location: { line: 3 } });
    expect(() => run({ files: [nested], valuesRoot: 'cilium' })).toThrow(/--values-root cilium: the values have no mapping at cilium/);
  });

  it('leaves a plain values file alone', () => {
    const plain = write(dir, 'plain.yaml', 'kubeProxyReplacement: strict\ncilium:\n  foo: 1\n');
    expect(run({ files: [plain] }).find((f) => f.ruleId === 'kpr-valid-values')).toMatchObject({ location: { line: 1 } });
  });
});

describe('--chart', () => {
  const chartDir = mkdtempSync(join(tmpdir(), 'cilint-chart-'));
  mkdirSync(join(chartDir, 'templates'));
  write(chartDir, 'Chart.yaml', 'name: cilium\nversion: 1.16.3\n');
  write(chartDir, 'values.yaml', 'kubeProxyReplacement: "true"\nbpf:\n  masquerade: true\nhubble:\n  enabled: true\n');
  write(chartDir, 'templates/configmap.yaml', 'x: {{ .Values.customSwitch.enabled }}\n');
  const chart = readChart(chartDir);

  it('reads the version, the keys of values.yaml and those the templates read', () => {
    expect(chart.version).toBe('1.16.3');
    expect(chart.keys.has('bpf.masquerade')).toBe(true);
    expect(chart.keys.has('customSwitch.enabled')).toBe(true);
    expect(chart.keys.has('tunnel')).toBe(false);
  });

  it("uses the chart's defaults in place of the built-in ones", () => {
    const values = write(chartDir, 'user.yaml', 'customSwitch:\n  enabld: true\n');
    const builtIn = run({ files: [values] });
    // Built in: KPR is false by default on 1.16, so BPF masquerading is off and host routing is legacy.
    expect(builtIn.some((f) => f.ruleId === 'bpf-host-routing-requires-kpr')).toBe(true);
    const local = run({ files: [values], chart });
    expect(local.some((f) => f.ruleId === 'bpf-host-routing-requires-kpr')).toBe(false);
    expect(local.find((f) => f.ruleId === 'helm-value-misspelt')).toMatchObject({ key: 'customSwitch.enabld', message: expect.stringContaining('customSwitch.enabled') });
  });

  it('names a missing values.yaml', () => {
    expect(() => readChart(join(chartDir, 'templates'))).toThrow(/values\.yaml: not found/);
  });
});

describe('suggest', () => {
  it('allows more edits for longer names and ignores case', () => {
    expect(editDistance('enable', 'enabled')).toBe(1);
    expect(editDistance('masqerade', 'masquerade')).toBe(1);
    expect(editDistance('ab', 'ba')).toBe(1);
    expect(suggest('automount', ['autoMount', 'enabled'])).toEqual(['autoMount']);
    expect(suggest('mtu', ['MTU', 'mtx'])).toEqual(['MTU']);
    expect(suggest('ipv4', ['ipv6'])).toEqual(['ipv6']);
    expect(suggest('ipv', ['ipa'])).toEqual([]);
    expect(suggest('debug', ['enabled'])).toEqual([]);
  });
});
