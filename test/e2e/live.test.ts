// Live mode end to end: the built CLI and the real @kubernetes/client-node against a local HTTPS API server.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { makeCertificates, node, realisticNode, startFakeApi, writeKubeconfig } from '../support/fake-kube-api.mjs';
import type { Cluster, FakeApi } from '../support/fake-kube-api.mjs';
import { validateReport, validateSarif } from '../support/schemas.js';
import { loadsOf } from '../support/bundle.js';

const root = new URL('../../', import.meta.url).pathname;
const tls = makeCertificates();
let api: FakeApi | undefined;

afterEach(async () => {
  await api?.close();
  api = undefined;
});

/** Run the built CLI asynchronously: the fake server answers from this process, so it must not block. */
function cilint(args: string[], env: Record<string, string> = {}): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['dist/cli.cjs', ...args], { cwd: root, env: { ...process.env, NO_COLOR: '1', ...env } }, (error, stdout, stderr) => {
      resolve({ status: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** Start a fake cluster and run `cilint lint --kube` against it with a kubeconfig from $KUBECONFIG. */
async function lintLive(cluster: Cluster, args: string[] = [], token?: string) {
  api = await startFakeApi(cluster, tls);
  const home = mkdtempSync(join(tmpdir(), 'cilint-home-'));
  const kubeconfig = writeKubeconfig(home, api, token);
  return cilint(['lint', '--kube', ...args], { KUBECONFIG: kubeconfig, HOME: home });
}

const HEALTHY: Cluster = {
  configMap: {
    'routing-mode': 'native',
    'ipv4-native-routing-cidr': '10.0.0.0/8',
    'ipv6-native-routing-cidr': 'fd00::/100',
    'kube-proxy-replacement': 'true',
    'enable-bpf-masquerade': 'true',
    'enable-hubble': 'false',
    'enable-ipv6': 'true',
    'enable-ipv6-big-tcp': 'true',
  },
  ciliumImage: 'quay.io/cilium/cilium:v1.16.5@sha256:758ca0793f5995bb938a2fa219dcce63dc0b3fa7fc4ce5cc851125281fb7361d',
  kubeProxy: false,
  nodes: [node('new-node', '6.8.0-1015-aws', { providerID: 'aws:///eu-west-1a/i-0abc', podCIDR: '10.0.1.0/24' }), node('old-node', '5.15.0-91-generic')],
};

interface Report {
  ciliumVersion: string;
  targets: { kind: string; files: string[] }[];
  findings: { ruleId: string; level: string; message: string; location: { resource?: string; key?: string | null; file?: string; line?: number } | null; key: string | null; node: string | null; related: { message: string; location: unknown }[] }[];
}

describe('cilint lint --kube', () => {
  it('lints a healthy cluster: ConfigMap keys and nodes as locations, the version from the image tag', async () => {
    const run = await lintLive(HEALTHY, ['--format', 'json']);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout) as Report;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    expect(report.ciliumVersion).toBe('1.16.5');
    expect(report.targets).toEqual([{ kind: 'config-map', files: ['configmap/kube-system/cilium-config'] }]);
    expect(report.findings.find((f) => f.ruleId === 'hubble-disabled')).toMatchObject({ location: { resource: 'configmap/kube-system/cilium-config', key: 'enable-hubble' }, key: 'enable-hubble' });
    const bigTcp = report.findings.filter((f) => f.ruleId === 'ipv6-big-tcp-kernel');
    expect(bigTcp).toEqual([expect.objectContaining({ node: 'old-node', location: { resource: 'configmap/kube-system/cilium-config', key: 'enable-ipv6-big-tcp' } })]);
    expect(bigTcp[0]?.related).toContainEqual({ message: 'node old-node', location: { resource: 'node/old-node', key: null } });
    expect(report.findings.map((f) => f.ruleId)).not.toContain('nodes-not-given');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('kube-proxy-present');
    // Only reads: three gets and one list, and never a Secret.
    expect(api?.requests.every((request) => request.startsWith('GET '))).toBe(true);
    expect(api?.requests.some((request) => /secret/i.test(request))).toBe(false);
  });

  it('text, SARIF and github outputs name the resource and key', async () => {
    const text = await lintLive(HEALTHY);
    expect(text.stdout).toContain('configmap/kube-system/cilium-config\n');
    expect(text.stdout).toMatch(/\n {2}enable-hubble +warning {2}Hubble is disabled .* {2}hubble-disabled\n {2}enable-ipv6-big-tcp +warning {2}\[old-node\] Node old-node runs kernel/);
    await api?.close();
    const sarif = await lintLive(HEALTHY, ['--format', 'sarif']);
    const log = JSON.parse(sarif.stdout) as { runs: { results: { ruleId: string; locations: { logicalLocations?: { fullyQualifiedName: string }[] }[] }[] }[] };
    expect(validateSarif(log), JSON.stringify(validateSarif.errors?.slice(0, 3))).toBe(true);
    const hubble = log.runs[0]?.results.find((result) => result.ruleId === 'hubble-disabled');
    expect(hubble?.locations[0]?.logicalLocations?.[0]?.fullyQualifiedName).toBe('configmap/kube-system/cilium-config/data/enable-hubble');
    await api?.close();
    const github = await lintLive(HEALTHY, ['--format', 'github']);
    expect(github.stdout).toContain('::warning title=cilint hubble-disabled::configmap/kube-system/cilium-config enable-hubble: Hubble is disabled');
  });

  it('a node rule that no key decides is located at the node', async () => {
    const run = await lintLive({ ...HEALTHY, ciliumImage: 'quay.io/cilium/cilium:v1.18.4', nodes: [node('ancient', '4.19.0-26-amd64')] }, ['--format', 'json']);
    expect(run.status).toBe(1);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.find((f) => f.ruleId === 'kernel-minimum')).toMatchObject({ level: 'error', node: 'ancient', location: { resource: 'node/ancient', key: null } });
  });

  it('reads 5,000 nodes over pagination', async () => {
    const nodes = Array.from({ length: 5000 }, (_, i) => node(`node-${String(i).padStart(4, '0')}`, i === 4999 ? '5.4.0-150-generic' : '6.8.0-1015-aws'));
    const run = await lintLive({ ...HEALTHY, nodes }, ['--format', 'json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    const pages = api?.requests.filter((request) => request.startsWith('GET /api/v1/nodes')) ?? [];
    expect(pages).toHaveLength(10);
    expect(pages[0]).toContain('limit=500');
    expect(pages[9]).toContain('continue=4500');
    // The last node of the last page is read: it alone is too old for IPv6 BIG TCP.
    expect(report.findings.filter((f) => f.ruleId === 'ipv6-big-tcp-kernel').map((f) => f.node)).toEqual(['node-4999']);
  });

  it('the same Nodes listed by the API server or given as a kubectl NodeList file give the same findings', async () => {
    const nodes = Array.from({ length: 24 }, (_, index) => realisticNode(index));
    const configMap = { ...(HEALTHY.configMap as Record<string, string>), 'enable-bandwidth-manager': 'true', 'enable-bbr': 'true', 'enable-ipv4-big-tcp': 'true', 'bpf-lb-acceleration': 'native' };
    const live = JSON.parse((await lintLive({ ...HEALTHY, configMap, nodes }, ['--format', 'json'])).stdout) as Report;
    const dir = mkdtempSync(join(tmpdir(), 'cilint-nodelist-'));
    writeFileSync(join(dir, 'nodes.yaml'), stringify({ apiVersion: 'v1', kind: 'List', items: nodes }));
    writeFileSync(join(dir, 'cilium-config.yaml'), stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cilium-config', namespace: 'kube-system' }, data: configMap }));
    const files = JSON.parse((await cilint(['lint', join(dir, 'cilium-config.yaml'), '--nodes', join(dir, 'nodes.yaml'), '--cilium-version', '1.16.5', '--format', 'json'])).stdout) as Report;
    const verdicts = (report: Report) => report.findings.map(({ ruleId, level, message, node }) => ({ ruleId, level, message, node })).sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
    expect(verdicts(live).filter((f) => f.node !== null).length).toBeGreaterThan(20);
    expect(verdicts(live)).toEqual(verdicts(files));
  });

  it('a 403 on nodes is not fatal: the config is linted and node rules are not evaluated', async () => {
    const run = await lintLive({ ...HEALTHY, nodes: 'forbidden' }, ['--format', 'json']);
    expect(run.stderr).toBe('');
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.map((f) => f.ruleId)).toContain('hubble-disabled');
    expect(report.findings.map((f) => f.ruleId)).not.toContain('nodes-not-given');
    const note = report.findings.find((f) => f.ruleId === 'nodes-not-readable');
    expect(note).toMatchObject({ level: 'note', location: { resource: 'nodes', key: null } });
    expect(note?.message).toMatch(/^\d+ node rules were not evaluated: the API server refused to list nodes \(403 Forbidden\)\.$/);
  });

  it('kube-proxy alongside full kube-proxy replacement is a warning', async () => {
    const run = await lintLive({ ...HEALTHY, kubeProxy: true }, ['--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(report.findings.find((f) => f.ruleId === 'kube-proxy-present')).toMatchObject({
      level: 'warning',
      location: { resource: 'daemonset/kube-system/kube-proxy', key: null },
      message: 'The DaemonSet daemonset/kube-system/kube-proxy still runs while kube-proxy-replacement is true: both would program the Services.',
    });
    const off = await lintLive({ ...HEALTHY, kubeProxy: true, configMap: { 'kube-proxy-replacement': 'false' } }, ['--format', 'json']);
    expect((JSON.parse(off.stdout) as Report).findings.map((f) => f.ruleId)).not.toContain('kube-proxy-present');
  });

  it('without kube-proxy, an agent that is not told the API server address is a warning', async () => {
    const ruleIds = async (cluster: Cluster) => (JSON.parse((await lintLive(cluster, ['--format', 'json'])).stdout) as Report).findings.map((f) => f.ruleId);
    const missing = await lintLive({ ...HEALTHY, apiServerHost: 'none' }, ['--format', 'json']);
    expect((JSON.parse(missing.stdout) as Report).findings.find((f) => f.ruleId === 'live-api-server-address-missing')).toMatchObject({ level: 'warning', location: { resource: 'daemonset/kube-system/cilium', key: null } });
    // Set from a ConfigMap (k8sServiceHost: auto, k8sServiceHostRef), or with k8s-api-server in cilium-config: fine.
    expect(await ruleIds({ ...HEALTHY, apiServerHost: 'valueFrom' })).not.toContain('live-api-server-address-missing');
    expect(await ruleIds({ ...HEALTHY, apiServerHost: 'none', configMap: { ...(HEALTHY.configMap as Record<string, string>), 'k8s-api-server': 'https://10.0.0.1:6443' } })).not.toContain('live-api-server-address-missing');
    // kube-proxy still there serves the ClusterIP.
    expect(await ruleIds({ ...HEALTHY, apiServerHost: 'none', kubeProxy: true })).not.toContain('live-api-server-address-missing');
  });

  it('--nodes lays collected facts over the listed nodes, by name', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cilint-nodes-'));
    const inventory = relative(root, join(dir, 'nodes.yaml'));
    writeFileSync(join(root, inventory), 'nodes:\n  - name: old-node\n    kernel: 6.1.0-18-cloud-amd64\n  - name: spare\n    kernel: 5.10.0-28-amd64\n');
    const report = JSON.parse((await lintLive(HEALTHY, ['--nodes', inventory, '--format', 'json'])).stdout) as Report;
    const bigTcp = report.findings.filter((f) => f.ruleId === 'ipv6-big-tcp-kernel');
    // old-node's collected kernel is new enough; spare, only in the file, is linted at its line there.
    expect(bigTcp.map((f) => f.node)).toEqual(['spare']);
    expect(bigTcp[0]?.related).toContainEqual({ message: 'node spare', location: expect.objectContaining({ file: inventory, line: 4 }) });
  });

  it('requires the client, from dist/kube-client.cjs, only in live mode', async () => {
    expect(readFileSync(join(root, 'dist/kube-client.cjs'), 'utf8')).toContain('KubeConfig = class');
    expect(loadsOf('lint', 'examples/dsr-over-vxlan/values.yaml').files.filter((file) => file.includes('kube-client'))).toEqual([]);
  });

  it('--cilium-version wins over the image tag', async () => {
    const run = await lintLive({ ...HEALTHY, ciliumImage: 'quay.io/cilium/cilium:latest' }, ['--cilium-version', '1.15', '--format', 'json']);
    expect((JSON.parse(run.stdout) as Report).ciliumVersion).toBe('1.15');
  });
});

describe('cilint lint --kube with values files: drift', () => {
  it('reports each key the values would render differently, at the values line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cilint-drift-'));
    const values = relative(root, join(dir, 'values.yaml'));
    writeFileSync(values, 'routingMode: tunnel\nipv4NativeRoutingCIDR: 10.1.0.0/16\nkubeProxyReplacement: true\nhubble:\n  enabled: false\nenableIPv6BIGTCP: true\nipv6:\n  enabled: true\nbpf:\n  masquerade: true\n');
    const run = await lintLive(HEALTHY, ['-f', values, '--set', 'tunnelProtocol=geneve', '--format', 'json']);
    const report = JSON.parse(run.stdout) as Report;
    expect(validateReport(report), JSON.stringify(validateReport.errors)).toBe(true);
    const drift = report.findings.filter((f) => f.ruleId === 'config-drift');
    const byKey = Object.fromEntries(drift.map((f) => [f.key, f]));
    // One finding per key that differs, no more.
    expect(drift).toHaveLength(Object.keys(byKey).length);
    expect(byKey['routing-mode']).toMatchObject({ level: 'warning', location: { file: values, line: 1 }, message: 'routing-mode: these values render "tunnel", the live ConfigMap has "native".' });
    expect(byKey['routing-mode']?.related).toEqual([{ message: 'routing-mode: "native" in the live ConfigMap', location: { resource: 'configmap/kube-system/cilium-config', key: null } }]);
    expect(byKey['ipv4-native-routing-cidr']).toMatchObject({ location: { file: values, line: 2 }, message: 'ipv4-native-routing-cidr: these values render "10.1.0.0/16", the live ConfigMap has "10.0.0.0/8".' });
    expect(byKey['ipv6-native-routing-cidr']).toMatchObject({ message: 'ipv6-native-routing-cidr: these values render nothing (ipv6NativeRoutingCIDR, chart default for 1.16), the live ConfigMap has "fd00::/100".' });
    // A --set value has no line: line 1 of the first values file, and the message says where it came from.
    expect(byKey['tunnel-protocol']).toMatchObject({ location: { file: values, line: 1 }, message: 'tunnel-protocol: these values render "geneve" (tunnelProtocol, from --set), the live ConfigMap has no such key.' });
    // Keys on which they agree are not reported.
    for (const same of ['kube-proxy-replacement', 'enable-hubble', 'enable-ipv6', 'enable-ipv6-big-tcp', 'enable-bpf-masquerade']) expect(byKey[same]).toBeUndefined();
  });
});

describe('live failures: exit 2 with one line, never a stack trace', () => {
  const expectOneLine = (run: { status: number | null; stdout: string; stderr: string }, message: RegExp) => {
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  };

  it('a missing cilium-config', async () => {
    expectOneLine(await lintLive({ ...HEALTHY, configMap: undefined }), /^cilint: no ConfigMap cilium-config in namespace kube-system at https:\/\/127\.0\.0\.1:\d+: is Cilium installed there\? \(see --namespace\)\n$/);
    expectOneLine(await lintLive(HEALTHY, ['--namespace', 'cilium']), /no ConfigMap cilium-config in namespace cilium/);
  });

  it('wrong credentials (401)', async () => {
    expectOneLine(await lintLive(HEALTHY, [], 'wrong-token'), /^cilint: the API server at https:\/\/127\.0\.0\.1:\d+ rejected the credentials \(401 Unauthorized\)/);
  });

  it('a 403 on the ConfigMap names the verb and the resource', async () => {
    expectOneLine(await lintLive({ ...HEALTHY, configMap: 'forbidden' }), /^cilint: the API server refused to get configmaps in namespace kube-system \(403 Forbidden\): grant "get" on "configmaps"/);
  });

  it('a server that never answers, bounded by --timeout', async () => {
    expectOneLine(await lintLive({ ...HEALTHY, hang: true }, ['--timeout', '1']), /^cilint: no answer from the API server at https:\/\/127\.0\.0\.1:\d+ within 1 s \(get configmaps cilium-config in kube-system; see --timeout\)\n$/);
  });

  it('the node list: no answer within --timeout, or an error other than 403', async () => {
    expectOneLine(await lintLive({ ...HEALTHY, hang: 'nodes' }, ['--timeout', '1']), /^cilint: no answer from the API server at https:\/\/127\.0\.0\.1:\d+ within 1 s \(list nodes; see --timeout\)\n$/);
    expectOneLine(await lintLive({ ...HEALTHY, nodes: 'overloaded' }), /^cilint: list nodes: the API server at https:\/\/127\.0\.0\.1:\d+ answered 429: too many requests, please try again later\n$/);
  });

  it('an image tag that is not a version, or a release cilint does not know', async () => {
    expectOneLine(await lintLive({ ...HEALTHY, ciliumImage: 'quay.io/cilium/cilium:latest' }), /cannot tell the Cilium version from the image "quay\.io\/cilium\/cilium:latest" of daemonset\/kube-system\/cilium: give --cilium-version/);
    expectOneLine(await lintLive({ ...HEALTHY, ciliumImage: 'quay.io/cilium/cilium:v1.12.9' }), /runs Cilium 1\.12\.9 .* which cilint does not know/);
    expectOneLine(await lintLive({ ...HEALTHY, ciliumImage: undefined }), /cannot tell the Cilium version: there is no DaemonSet cilium in namespace kube-system; give --cilium-version/);
  });

  it('no kubeconfig, a missing --kubeconfig file, an unknown context, an unreachable server', async () => {
    const home = mkdtempSync(join(tmpdir(), 'cilint-home-'));
    const env = { HOME: home, KUBECONFIG: '', KUBERNETES_SERVICE_HOST: '' };
    expectOneLine(await cilint(['lint', '--kube'], env), /^cilint: no kubeconfig: give --kubeconfig, set KUBECONFIG or create ~\/\.kube\/config\n$/);
    expectOneLine(await cilint(['lint', '--kube', '--kubeconfig', join(home, 'nope')], env), /nope: cannot read the kubeconfig: no such file/);
    const file = writeKubeconfig(home, { url: 'https://127.0.0.1:1', caFile: tls.ca });
    expectOneLine(await cilint(['lint', '--kube', '--kubeconfig', file, '--context', 'prod'], env), /--context prod: no such context/);
    expectOneLine(await cilint(['lint', '--kube', '--kubeconfig', file], env), /^cilint: cannot reach the API server at https:\/\/127\.0\.0\.1:1: ECONNREFUSED\n$/);
    expectOneLine(await cilint(['lint', 'examples/aks-configmap/cilium-config.yaml', '--kubeconfig', file], env), /^cilint: --kubeconfig needs --kube\n$/);
    expectOneLine(await cilint(['lint', '--kube', '--timeout', 'soon'], env), /--timeout must be a positive number of seconds, not "soon"/);
  });
});
