// End to end: spawn the built CLI (dist/cli.cjs) as users and other tools do, and check exit codes and output.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateReport, validateSarif } from '../support/schemas.js';

const root = new URL('../../', import.meta.url).pathname;
const fixture = (name: string) => `test/fixtures/inputs/${name}`;

function cilint(...args: string[]) {
  const run = spawnSync(process.execPath, ['dist/cli.cjs', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

const EXAMPLES = ['lint', 'examples/dsr-over-vxlan/values.yaml', 'examples/tuned-bare-metal/values.yaml', 'examples/aks-configmap/cilium-config.yaml', '--nodes', 'examples/nodes.yaml', '--cilium-version', '1.16'];

describe('the bundled examples', () => {
  it('report each finding at its line, and exit 1 for the error', () => {
    const run = cilint(...EXAMPLES);
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('examples/dsr-over-vxlan/values.yaml\n  8:3  error  ');
    expect(run.stdout).toMatch(/examples\/aks-configmap\/cilium-config\.yaml\n {2}15:3 {2}warning {2}Hubble is disabled/);
    expect(run.stdout).toMatch(/\[worker-2\] Node worker-2 runs kernel 5\.15\.0-91-generic/);
    expect(run.stdout).not.toMatch(/\[worker-1\]/);
    expect(run.stdout).toMatch(/\[worker-2\] Node worker-2 has interfaces with drivers ixgbe: Cilium documents BIG TCP only/);
    expect(run.stdout).toMatch(/✖ 5 problems \(1 error, 4 warnings, 0 notes\)\n$/);
  });

  it('merge -f files into one release and point at the file that won', () => {
    const run = cilint('lint', '-f', 'examples/eks-native-routing/values.yaml', '-f', 'examples/eks-native-routing/values-prod.yaml', '--nodes', 'examples/nodes-kubectl.yaml', '--format', 'json');
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as { targets: unknown[]; findings: { ruleId: string; location: { file: string; line: number } }[] };
    expect(report.targets).toEqual([{ kind: 'helm-values', files: ['examples/eks-native-routing/values.yaml', 'examples/eks-native-routing/values-prod.yaml'] }]);
    expect(report.findings.find((f) => f.ruleId === 'hubble-disabled')?.location).toMatchObject({ file: 'examples/eks-native-routing/values-prod.yaml', line: 4 });
    // BBR, set in the second file, needs 5.18: the Amazon Linux 2 node (5.10) stops the agent.
    expect(report.findings.find((f) => f.ruleId === 'bbr-kernel')).toMatchObject({ node: 'ip-10-0-2-33.eu-west-1.compute.internal', location: { file: 'examples/eks-native-routing/values-prod.yaml', line: 7 } });
  });

  it('--fail-on moves the threshold', () => {
    const args = ['lint', 'examples/aks-configmap/cilium-config.yaml'];
    expect(cilint(...args).status).toBe(0);
    expect(cilint(...args, '--fail-on', 'warning').status).toBe(1);
    expect(cilint(...EXAMPLES, '--fail-on', 'none').status).toBe(0);
  });
});

describe('output formats', () => {
  it('sarif: valid SARIF 2.1.0 and nothing else on stdout', () => {
    const run = cilint(...EXAMPLES, '--format', 'sarif');
    expect(run.status).toBe(1);
    const log = JSON.parse(run.stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    expect(log.runs).toHaveLength(1);
    const dsr = log.runs[0]?.results.find((r) => r.ruleId === 'dsr-requires-native-routing');
    expect(dsr?.locations[0]?.physicalLocation).toMatchObject({ artifactLocation: { uri: 'examples/dsr-over-vxlan/values.yaml' }, region: { startLine: 8 } });
  });

  it('json: matches the report schema', () => {
    const run = cilint(...EXAMPLES, '--format', 'json');
    const report: unknown = JSON.parse(run.stdout);
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
  });

  it('github: workflow commands on the exact lines', () => {
    const run = cilint(...EXAMPLES, '--format', 'github');
    expect(run.stdout).toContain('::error file=examples/dsr-over-vxlan/values.yaml,line=8,col=3,');
  });

  it('-o writes the report to a file and nothing to stdout', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'cilint-')), 'report.sarif');
    const run = cilint(...EXAMPLES, '--format', 'sarif', '-o', out);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe('');
    expect(validateSarif(JSON.parse(readFileSync(out, 'utf8')))).toBe(true);
  });

  it('is byte-for-byte the same across runs and file orders', () => {
    const files = ['examples/dsr-over-vxlan/values.yaml', 'examples/tuned-bare-metal/values.yaml', 'examples/aks-configmap/cilium-config.yaml'];
    const a = cilint('lint', ...files, '--nodes', 'examples/nodes.yaml', '--format', 'sarif');
    const b = cilint('lint', ...[...files].reverse(), '--nodes', 'examples/nodes.yaml', '--format', 'sarif');
    const json = (run: { stdout: string }) => JSON.stringify((JSON.parse(run.stdout) as { runs: { results: unknown }[] }).runs[0]?.results);
    expect(json(a)).toBe(json(b));
    expect(cilint('lint', ...files, '--format', 'json').stdout).toBe(cilint('lint', ...files, '--format', 'json').stdout);
  });
});

describe('standard output', () => {
  // A report of ~1 MB, far more than a pipe holds, so that the writer meets a full or closed pipe.
  const many = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cilint-stdout-'));
    const files = Array.from({ length: 400 }, (_, i) => join(dir, `v${i}.yaml`));
    for (const file of files) writeFileSync(file, readFileSync(join(root, 'examples/dsr-over-vxlan/values.yaml')));
    return ['lint', ...files, '--format', 'json', '--cilium-version', '1.16'];
  };

  it('writes the whole report through a non-blocking pipe, waiting when it is full', () => {
    const args = many();
    const expected = cilint(...args);
    expect(expected.stdout.length).toBeGreaterThan(500_000);
    // A pipe set O_NONBLOCK, as a parent process may share it, read slowly.
    const reader = 'import os,subprocess,sys,time\nr,w=os.pipe()\nos.set_blocking(w,False)\np=subprocess.Popen(sys.argv[1:],stdout=w,cwd=os.environ["ROOT"])\nos.close(w)\nout=b""\nwhile True:\n  time.sleep(0.001)\n  d=os.read(r,65536)\n  if not d: break\n  out+=d\nsys.stdout.buffer.write(out)\nsys.exit(p.wait())\n';
    const run = spawnSync('python3', ['-c', reader, process.execPath, 'dist/cli.cjs', ...args], { encoding: 'utf8', maxBuffer: 1 << 26, env: { ...process.env, NO_COLOR: '1', ROOT: root } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(expected.status);
    expect(run.stdout).toBe(expected.stdout);
  });

  it('stops quietly when the reader closes the pipe early (cilint … | head), keeping the exit status', () => {
    const args = many();
    const run = spawnSync('bash', ['-c', 'node dist/cli.cjs "$@" | head -c 10 >/dev/null; exit "${PIPESTATUS[0]}"', 'bash', ...args, '--fail-on', 'note'], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', PATH: `${join(process.execPath, '..')}:${process.env['PATH'] ?? ''}` } });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(1);
  });

  it('a report that cannot be written is one line and exit 2', () => {
    const run = spawnSync('bash', ['-c', `"${process.execPath}" dist/cli.cjs lint examples/dsr-over-vxlan/values.yaml > /dev/full`], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.stderr).toBe('cilint: cannot write the report: ENOSPC\n');
    expect(run.status).toBe(2);
  });
});

describe('inputs', () => {
  it('a comments-only values file is an empty release', () => {
    const run = cilint('lint', fixture('comments-only.yaml'), '--format', 'json');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ targets: [{ kind: 'helm-values' }] });
  });

  it('finds cilium-config among other documents, and says what it skipped', () => {
    const run = cilint('lint', fixture('multi-doc-configmap.yaml'), '--format', 'json');
    const report = JSON.parse(run.stdout) as { targets: { kind: string }[]; findings: { ruleId: string; location: { line: number } }[] };
    expect(report.targets).toEqual([{ kind: 'config-map', files: ['test/fixtures/inputs/multi-doc-configmap.yaml'] }]);
    expect(report.findings.find((f) => f.ruleId === 'hubble-disabled')?.location.line).toBe(15);
    expect(report.findings.find((f) => f.ruleId === 'skipped-document')?.location.line).toBe(2);
  });

  it('reads a NodeList as kubectl prints it, in JSON', () => {
    const run = cilint('lint', fixture('big-tcp.yaml'), '--nodes', fixture('nodelist.json'), '--format', 'json');
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; node: string; related: { location: { file: string; line: number } | null }[] }[] };
    const bigTcp = report.findings.filter((f) => f.ruleId === 'ipv6-big-tcp-kernel');
    expect(bigTcp.map((f) => f.node)).toEqual(['old-node']);
    expect(bigTcp[0]?.related.find((r) => r.location?.file.endsWith('nodelist.json'))?.location?.line).toBe(5);
  });

  it('without --nodes, node rules are skipped with one note', () => {
    const report = JSON.parse(cilint('lint', fixture('big-tcp.yaml'), '--format', 'json').stdout) as { findings: { ruleId: string; level: string }[] };
    expect(report.findings.filter((f) => f.ruleId === 'nodes-not-given')).toEqual([expect.objectContaining({ level: 'note' })]);
  });

  it('warns about a duplicate key at the second line, and lints with the value Helm keeps', () => {
    const report = JSON.parse(cilint('lint', fixture('duplicate.yaml'), '--format', 'json').stdout) as { findings: { ruleId: string; location: { line: number }; message: string }[] };
    expect(report.findings.find((f) => f.ruleId === 'duplicate-key')).toMatchObject({ location: { line: 5 }, message: expect.stringContaining('lines 1 and 5') });
    expect(report.findings.find((f) => f.ruleId === 'hubble-disabled')?.location.line).toBe(6);
  });

  it('a scalar where the chart reads a map is an error at its line', () => {
    const run = cilint('lint', fixture('scalar-over-map.yaml'), '--format', 'json');
    const report = JSON.parse(run.stdout) as { findings: { ruleId: string; level: string; location: { line: number } }[] };
    expect(report.findings.find((f) => f.ruleId === 'helm-value-replaces-chart-map')).toMatchObject({ level: 'error', location: { line: 1 } });
    expect(run.status).toBe(1);
  });

  it('an empty inventory says that node rules were not evaluated', () => {
    const report = JSON.parse(cilint('lint', fixture('big-tcp.yaml'), '--nodes', fixture('empty-inventory.yaml'), '--format', 'json').stdout) as { findings: { ruleId: string }[] };
    expect(report.findings.map((f) => f.ruleId)).toContain('nodes-not-given');
  });

  it('--set applies Helm syntax to the release', () => {
    const run = cilint('lint', fixture('comments-only.yaml'), '--set', 'kubeProxyReplacement=true,loadBalancer.mode=dsr', '--format', 'json');
    expect(run.status).toBe(1);
  });
});

describe('bad input: exit 2 with one line naming the file, never a stack trace', () => {
  it.each([
    [['lint', fixture('malformed.yaml')], /^cilint: test\/fixtures\/inputs\/malformed\.yaml:\d+:\d+: invalid YAML/],
    [['lint', fixture('list-top-level.yaml')], /^cilint: test\/fixtures\/inputs\/list-top-level\.yaml:1:1: the top level of a values file must be a mapping/],
    [['lint', fixture('binary.yaml')], /binary\.yaml: is a binary file/],
    [['lint', fixture('latin1.yaml')], /latin1\.yaml: is not valid UTF-8/],
    [['lint', 'no/such/file.yaml'], /^cilint: no\/such\/file\.yaml: no such file/],
    [['lint', '--config-map', fixture('not-a-configmap.yaml')], /no ConfigMap named cilium-config/],
    [['lint', fixture('big-tcp.yaml'), '--nodes', fixture('bad-inventory.yaml')], /bad-inventory\.yaml:4: invalid node inventory: unknown field "kernal"/],
    [['lint', fixture('big-tcp.yaml'), '--max-file-size', '10'], /over the 10-byte limit/],
    [['lint', fixture('big-tcp.yaml'), '--set', 'a[x]=1'], /--set "a\[x\]=1": error parsing index/],
    [['lint', fixture('big-tcp.yaml'), '--unknown-flag'], /^cilint: unknown option '--unknown-flag'/],
    [['lint', fixture('big-tcp.yaml'), '--format', 'xml'], /unknown --format "xml"/],
    [['lint', fixture('big-tcp.yaml'), '--fail-on', 'info'], /unknown --fail-on "info"/],
    [['lint', fixture('big-tcp.yaml'), '--cilium-version', '1.12'], /unsupported --cilium-version "1\.12"/],
    [['lint'], /no input/],
    [[], /a command is required/],
    [['frobnicate'], /^cilint: unknown command 'frobnicate'/],
    [['lint', fixture('deep.yaml')], /deep\.yaml: YAML nesting is too deep/],
    [['lint', fixture('configmap-data-list.yaml')], /configmap-data-list\.yaml:6:3: the data of a ConfigMap must be a mapping/],
    [['lint', fixture('big-tcp.yaml'), '--nodes', fixture('pod-list.yaml')], /pod-list\.yaml:4: the List holds a Pod, not a Node/],
    [['lint', 'examples/aks-configmap/cilium-config.yaml', '--set', 'hubble.enabled=false'], /--set needs a Helm values target/],
    [['lint', '--set', 'hubble.enabled=false'], /--set needs a Helm values target/],
    [['lint', fixture('big-tcp.yaml'), '--set-json', `a=${'['.repeat(300)}${']'.repeat(300)}`], /nested deeper than 200 levels/],
  ])('%j', (args, message) => {
    const run = cilint(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(run.stderr).not.toMatch(/\n\s+at /);
  });

  it('compares a pre-release version by its numbers', () => {
    const run = cilint('lint', fixture('comments-only.yaml'), '--nodes', 'examples/nodes.yaml', '--cilium-version', 'v1.18.0-rc.1', '--format', 'json');
    const report = JSON.parse(run.stdout) as { ciliumVersion: string; findings: { ruleId: string; level: string; node: string }[] };
    expect(report.ciliumVersion).toBe('1.18.0-rc.1');
    expect(report.findings.filter((f) => f.ruleId === 'kernel-minimum').map((f) => [f.node, f.level])).toEqual([]);
    expect(run.status).toBe(0);
  });

  it('accepts a patch version and says the default in --help', () => {
    expect(cilint('lint', fixture('comments-only.yaml'), '--cilium-version', '1.16.4').status).toBe(0);
    const help = cilint('lint', '--help');
    expect(help.status).toBe(0);
    expect(help.stdout).toMatch(/default: the --chart's version,\s+else 1\.19/);
  });

  it('takes the version from --chart, and refuses a --cilium-version that contradicts it', () => {
    const chart = mkdtempSync(join(tmpdir(), 'cilint-chart-'));
    writeFileSync(join(chart, 'Chart.yaml'), 'name: cilium\nversion: 1.15.7\n');
    writeFileSync(join(chart, 'values.yaml'), 'hubble:\n  enabled: true\n');
    const json = cilint('lint', fixture('comments-only.yaml'), '--chart', chart, '--format', 'json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ciliumVersion: '1.15.7' });
    const clash = cilint('lint', fixture('comments-only.yaml'), '--chart', chart, '--cilium-version', '1.16');
    expect(clash.status).toBe(2);
    expect(clash.stderr).toBe(`cilint: --cilium-version 1.16 does not match the chart in ${chart} (version 1.15.7)\n`);
    const missing = cilint('lint', fixture('comments-only.yaml'), '--chart', join(chart, 'nope'));
    expect(missing.status).toBe(2);
    expect(missing.stderr).toMatch(/^cilint: .*nope\/values\.yaml: not found/);
  });
});

describe('cilint explain', () => {
  it('prints the datapath per node group as text or JSON, and exits 0 even when a rule fails', () => {
    const text = cilint('explain', 'examples/dsr-over-vxlan/values.yaml', '--nodes', 'examples/nodes.yaml', '--cilium-version', '1.16');
    expect(text.status).toBe(0);
    expect(text.stderr).toBe('');
    expect(text.stdout).toMatch(/^examples\/dsr-over-vxlan\/values\.yaml \(Cilium 1\.16\)\n {2}3 nodes: worker-1, worker-2, legacy-db-1\n/);
    expect(text.stdout).toContain('✖ dsr-requires-native-routing: ');
    const json = cilint('explain', 'examples/dsr-over-vxlan/values.yaml', '--format', 'json');
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ ciliumVersion: '1.19', targets: [{ kind: 'helm-values', groups: [{ nodes: [] }] }] });
  });

  it('refuses an unknown format and missing input like lint does', () => {
    expect(cilint('explain', 'examples/dsr-over-vxlan/values.yaml', '--format', 'sarif')).toMatchObject({ status: 2, stderr: 'cilint: unknown --format "sarif" (expected one of: text, json)\n' });
    expect(cilint('explain')).toMatchObject({ status: 2 });
  });
});

describe('installed use', () => {
  it('npm exec --no -- cilint runs the CLI', () => {
    const run = spawnSync('npm', ['exec', '--no', '--', 'cilint', 'lint', 'examples/dsr-over-vxlan/values.yaml', '--format', 'json'], { cwd: root, encoding: 'utf8' });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toMatchObject({ tool: { name: 'cilint' } });
  });
});
