// npm run bench's live row: `cilint lint --kube` against the local HTTPS test API server holding 5,000 realistic nodes.
// bench/run.mjs imports this when it exists; `node bench/live.mjs` runs it alone and prints the row.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeCertificates, realisticNode, startFakeApi, writeKubeconfig } from '../test/support/fake-kube-api.mjs';

const NODES = 5000;
const TARGET_SECONDS = 2;

/** An EKS install in native routing with kube-proxy replacement, BIG TCP, BBR and XDP: most node rules have work to do. */
const CONFIG_MAP = {
  'cluster-name': 'prod-eu-west-1',
  'cluster-id': '7',
  'cluster-pool-ipv4-cidr': '10.128.0.0/9',
  ipam: 'eni',
  'eni-tags': '{"cluster":"prod-eu-west-1"}',
  'enable-ipv4': 'true',
  'enable-ipv6': 'false',
  'routing-mode': 'native',
  'ipv4-native-routing-cidr': '10.0.0.0/8',
  'auto-direct-node-routes': 'false',
  'enable-endpoint-routes': 'true',
  'kube-proxy-replacement': 'true',
  'k8s-api-server': 'https://4B5C0E1F2A3D.gr7.eu-west-1.eks.amazonaws.com',
  'bpf-lb-mode': 'snat',
  'bpf-lb-acceleration': 'native',
  'enable-bpf-masquerade': 'true',
  'enable-ipv4-masquerade': 'true',
  'enable-host-legacy-routing': 'false',
  'enable-bandwidth-manager': 'true',
  'enable-bbr': 'true',
  'enable-ipv4-big-tcp': 'true',
  'enable-l7-proxy': 'true',
  'enable-hubble': 'true',
  'hubble-socket-path': '/var/run/cilium/hubble.sock',
  'hubble-metrics-server': ':9965',
  'hubble-metrics': 'dns drop tcp flow port-distribution icmp httpV2',
  'hubble-listen-address': ':4244',
  'hubble-disable-tls': 'false',
  'hubble-tls-cert-file': '/var/lib/cilium/tls/hubble/server.crt',
  'hubble-tls-key-file': '/var/lib/cilium/tls/hubble/server.key',
  'hubble-tls-client-ca-files': '/var/lib/cilium/tls/hubble/client-ca.crt',
  'enable-policy': 'default',
  'policy-cidr-match-mode': '',
  'identity-allocation-mode': 'crd',
  'identity-gc-interval': '15m0s',
  'identity-heartbeat-timeout': '30m0s',
  'enable-well-known-identities': 'false',
  'enable-remote-node-identity': 'true',
  'bpf-map-dynamic-size-ratio': '0.0025',
  'bpf-policy-map-max': '16384',
  'bpf-lb-map-max': '65536',
  'bpf-ct-global-tcp-max': '524288',
  'bpf-ct-global-any-max': '262144',
  'bpf-nat-global-max': '524288',
  'bpf-neigh-global-max': '524288',
  'preallocate-bpf-maps': 'false',
  'sidecar-istio-proxy-image': 'cilium/istio_proxy',
  'monitor-aggregation': 'medium',
  'monitor-aggregation-interval': '5s',
  'monitor-aggregation-flags': 'all',
  'mtu': '9001',
  'tunnel-protocol': '',
  'node-port-bind-protection': 'true',
  'enable-auto-protect-node-port-range': 'true',
  'enable-health-checking': 'true',
  'enable-endpoint-health-checking': 'true',
  'enable-health-check-nodeport': 'true',
  'enable-local-redirect-policy': 'false',
  'enable-svc-source-range-check': 'true',
  'install-no-conntrack-iptables-rules': 'false',
  'enable-k8s-networkpolicy': 'true',
  'enable-xt-socket-fallback': 'true',
  'install-iptables-rules': 'true',
  'cni-exclusive': 'true',
  'cni-log-file': '/var/run/cilium/cilium-cni.log',
  'write-cni-conf-when-ready': '/host/etc/cni/net.d/05-cilium.conflist',
  'agent-health-port': '9879',
  'prometheus-serve-addr': ':9962',
  'operator-prometheus-serve-addr': ':9963',
  'enable-metrics': 'true',
  'debug': 'false',
  'debug-verbose': '',
  'custom-cni-conf': 'false',
  'remove-cilium-node-taints': 'true',
  'set-cilium-node-taints': 'true',
  'set-cilium-is-up-condition': 'true',
  'unmanaged-pod-watcher-interval': '15',
  'dnsproxy-enable-transparent-mode': 'true',
  'tofqdns-dns-reject-response-code': 'refused',
  'tofqdns-enable-dns-compression': 'true',
  'tofqdns-endpoint-max-ip-per-hostname': '50',
  'tofqdns-max-deferred-connection-deletes': '10000',
  'tofqdns-proxy-response-max-delay': '100ms',
  'synchronize-k8s-nodes': 'true',
  'vtep-endpoint': '',
  'vtep-cidr': '',
  'vtep-mask': '',
  'vtep-mac': '',
  'enable-sctp': 'false',
  'external-envoy-proxy': 'true',
};

const median = (numbers) => {
  const sorted = [...numbers].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/**
 * One timed run. Asynchronous, unlike run.mjs's spawnSync: the API server answers from this very process.
 * The exit status may be 1 (the fleet has findings); anything else is a failed run.
 */
function timed(cli, args, env) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(process.execPath, [cli, ...args], { env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (status) => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (status === null || status > 1) reject(new Error(`cilint ${args.join(' ')} failed (${status}): ${stderr.slice(0, 500)}`));
      else resolve(seconds);
    });
  });
}

/** A fake cluster of `count` nodes, and the environment that points cilint's kubeconfig at it. */
async function cluster(work, tls, count) {
  const nodes = Array.from({ length: count }, (_, index) => realisticNode(index));
  const api = await startFakeApi({ configMap: CONFIG_MAP, ciliumImage: 'quay.io/cilium/cilium:v1.16.5', kubeProxy: false, nodes }, tls);
  const home = join(work, String(count));
  mkdirSync(home);
  return { api, env: { KUBECONFIG: writeKubeconfig(home, api), HOME: home } };
}

/**
 * The row: median wall time of `cilint lint --kube` against 5,000 nodes, paged as the API server pages
 * them. Interleaved with the same cluster of 50 nodes, whose time is what does not grow with the fleet
 * (start-up, loading the client, TLS, the ConfigMap and DaemonSets).
 */
export async function liveBench({ cli, ms, rounds = Math.max(5, Math.round(Number(process.env.BENCH_ROUNDS ?? 15) / 2)) }) {
  const work = mkdtempSync(join(tmpdir(), 'cilint-bench-live-'));
  const tls = makeCertificates();
  const clusters = [];
  try {
    clusters.push(await cluster(work, tls, NODES), await cluster(work, tls, 50));
    const [large, small] = clusters;
    const args = ['lint', '--kube', '--format', 'json'];
    const times = { large: [], small: [] };
    for (let round = 0; round < rounds; round++) {
      times.large.push(await timed(cli, args, large.env));
      times.small.push(await timed(cli, args, small.env));
    }
    const seconds = median(times.large);
    return [
      `live mode against the local test endpoint, ${NODES.toLocaleString('en')} nodes`,
      `${ms(seconds)} (50 nodes: ${ms(median(times.small))})`,
      `≤ ${TARGET_SECONDS} s`,
      seconds <= TARGET_SECONDS,
    ];
  } finally {
    await Promise.all(clusters.map(({ api }) => api.close()));
    rmSync(work, { recursive: true, force: true });
    rmSync(tls.dir, { recursive: true, force: true });
  }
}

// Run alone: `node bench/live.mjs` (after `npm run build`).
if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const cli = join(dirname(fileURLToPath(import.meta.url)), '..', 'dist', 'cli.cjs');
  const ms = (seconds) => (seconds < 1 ? `${Math.round(seconds * 1000)} ms` : `${seconds.toFixed(2)} s`);
  const [measure, result, target, met] = await liveBench({ cli, ms });
  console.log(`| ${measure} | ${result} | ${target} | ${met ? 'yes' : '**no**'} |`);
}
