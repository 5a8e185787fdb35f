// --concurrency: files linted on several threads give the report one thread gives, and the same first error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseConcurrency, threadCount } from '../../src/threads/lint-concurrently.js';
import { parseCiliumVersion } from '../../src/version.js';
import type { LintOptions } from '../../src/lint.js';

const root = new URL('../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'cilint-threads-'));

function cilint(...args: string[]) {
  const run = spawnSync(process.execPath, [join(root, 'dist/cli.cjs'), ...args], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Twelve targets of different kinds and findings: values files, a ConfigMap, a duplicate key, a suppression. */
function inputs(): string[] {
  const example = readFileSync(join(root, 'examples/tuned-bare-metal/values.yaml'), 'utf8');
  const files: string[] = [];
  for (let i = 0; i < 12; i++) {
    const name = `v${String(i).padStart(2, '0')}.yaml`;
    let text = example.replace(/^cluster:\n(\s+)name: .*$/m, `cluster:\n$1name: c${i}`);
    if (i % 3 === 1) text += 'loadBalancer:\n  mode: dsr\nroutingMode: tunnel\n';
    if (i % 4 === 2) text += 'hubble:\n  enabled: false\nhubble:\n  enabled: true\n';
    if (i === 7) text = `# cilint-disable-file hubble-disabled\n${text}hubble:\n  enabled: false\n`;
    writeFileSync(join(dir, name), text);
    files.push(name);
  }
  writeFileSync(join(dir, 'cm.yaml'), readFileSync(join(root, 'examples/aks-configmap/cilium-config.yaml'), 'utf8'));
  files.splice(5, 0, 'cm.yaml');
  writeFileSync(join(dir, 'nodes.yaml'), readFileSync(join(root, 'examples/nodes.yaml'), 'utf8'));
  return files;
}

describe('--concurrency', () => {
  const files = inputs();

  it('gives byte for byte the report of one thread, in every format', () => {
    expect(existsSync(join(root, 'dist/lint-worker.cjs'))).toBe(true);
    for (const format of ['json', 'sarif', 'text']) {
      const one = cilint('lint', ...files, '--nodes', 'nodes.yaml', '--format', format, '--concurrency', 'off');
      const three = cilint('lint', ...files, '--nodes', 'nodes.yaml', '--format', format, '--concurrency', '3');
      expect(three.stderr).toBe('');
      expect(one.status).toBe(1);
      expect(three.status).toBe(one.status);
      expect(three.stdout).toBe(one.stdout);
    }
  });

  it('applies --set to each positional file in every thread, and the run-wide note names the first file', () => {
    const one = cilint('lint', ...files, '--set', 'hubble.enabled=false', '--format', 'json', '--concurrency', 'off');
    const four = cilint('lint', ...files, '--set', 'hubble.enabled=false', '--format', 'json', '--concurrency', '4');
    expect(four.stdout).toBe(one.stdout);
    const report = JSON.parse(four.stdout) as { findings: { ruleId: string; location?: { file: string } }[] };
    const hubble = new Set(report.findings.filter((finding) => finding.ruleId === 'hubble-disabled').map((finding) => finding.location?.file));
    // Every values file gets the --set value; the ConfigMap disables Hubble itself.
    expect([...hubble].sort()).toEqual([...files].sort());
    expect(report.findings.filter((finding) => finding.ruleId === 'nodes-not-given').map((finding) => finding.location?.file)).toEqual([files[0]]);
  });

  it('stops at the first unreadable file in the order given, as one thread does', () => {
    writeFileSync(join(dir, 'bad-early.yaml'), 'a: [1\n');
    writeFileSync(join(dir, 'bad-late.yaml'), 'b: {\n');
    const broken = [...files.slice(0, 2), 'bad-early.yaml', ...files.slice(2), 'bad-late.yaml'];
    const one = cilint('lint', ...broken, '--concurrency', 'off');
    const three = cilint('lint', ...broken, '--concurrency', '3');
    expect(one.status).toBe(2);
    expect(one.stderr).toMatch(/^cilint: bad-early\.yaml:\d+(:\d+)?: invalid YAML/);
    expect(three.status).toBe(2);
    expect(three.stderr).toBe(one.stderr);
  });

  it('refuses a value that is not a number of threads, auto or off', () => {
    for (const value of ['0', '-1', 'two', '1.5']) {
      const run = cilint('lint', files[0] ?? '', '--concurrency', value);
      expect(run.status).toBe(2);
      expect(run.stderr).toBe(`cilint: --concurrency must be a positive number of threads, auto or off, not "${value}"\n`);
    }
  });
});

describe('threadCount', () => {
  const version = parseCiliumVersion('1.16');
  const options = (count: number, extra: Partial<LintOptions> = {}): LintOptions => ({
    files: Array.from({ length: count }, (_, i) => `f${i}.yaml`),
    values: [],
    sets: [],
    configMaps: [],
    nodes: undefined,
    version: version!,
    ...extra,
  });

  it('stays on one thread for a few hundred files, and splits thousands on auto', () => {
    expect(threadCount(options(500), parseConcurrency('auto'))).toBe(1);
    expect(threadCount(options(5000), parseConcurrency('auto'))).toBe(Math.min(availableParallelism(), 4));
    expect(threadCount(options(5000), parseConcurrency('off'))).toBe(1);
  });

  it('never uses more threads than files, and never splits a --base run', () => {
    expect(threadCount(options(2), 8)).toBe(2);
    expect(threadCount(options(50, { base: { ref: 'HEAD', ifUnavailable: 'fail' } }), 4)).toBe(1);
  });
});
