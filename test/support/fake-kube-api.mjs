// A local HTTPS endpoint that answers the Kubernetes API paths live mode reads, with real object and Status
// shapes, behind TLS from a CA generated for the run and a bearer token. Plain JS (types in the .d.mts beside
// it) so that both the vitest suite and `npm run bench`, which runs under bare Node, start the same server.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TOKEN = 'cilint-test-token';

/** A CA and a server certificate for 127.0.0.1, made with the openssl binary in a fresh directory. */
export function makeCertificates() {
  const dir = mkdtempSync(join(tmpdir(), 'cilint-tls-'));
  const run = (...args) => execFileSync('openssl', args, { cwd: dir, stdio: 'pipe' });
  const ec = ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes'];
  run('req', '-x509', ...ec, '-keyout', 'ca.key', '-out', 'ca.crt', '-days', '1', '-subj', '/CN=cilint test CA', '-addext', 'basicConstraints=critical,CA:TRUE', '-addext', 'keyUsage=critical,keyCertSign');
  run('req', ...ec, '-keyout', 'server.key', '-out', 'server.csr', '-subj', '/CN=127.0.0.1');
  writeFileSync(join(dir, 'server.ext'), 'subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n');
  run('x509', '-req', '-in', 'server.csr', '-CA', 'ca.crt', '-CAkey', 'ca.key', '-CAcreateserial', '-out', 'server.crt', '-days', '1', '-extfile', 'server.ext');
  return { dir, ca: join(dir, 'ca.crt'), key: join(dir, 'server.key'), cert: join(dir, 'server.crt') };
}

/** Start the server on a free port of 127.0.0.1. */
export async function startFakeApi(cluster, tls = makeCertificates()) {
  const requests = [];
  const server = createServer({ key: readFileSync(tls.key), cert: readFileSync(tls.cert) }, (request, response) => {
    requests.push(`${request.method ?? ''} ${request.url ?? ''}`);
    if (cluster.hang) return; // never answer: the client's --timeout must end the run
    answer(cluster, request, response);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return {
    url: `https://127.0.0.1:${port}`,
    caFile: tls.ca,
    requests,
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

function answer(cluster, request, response) {
  if (request.headers.authorization !== `Bearer ${TOKEN}`) return status(response, 401, 'Unauthorized', 'Unauthorized');
  if (request.method !== 'GET') return status(response, 405, 'MethodNotAllowed', `${request.method ?? ''} is not expected from a linter`);
  const url = new URL(request.url ?? '/', 'https://localhost');
  let match = /^\/api\/v1\/namespaces\/([^/]+)\/configmaps\/([^/]+)$/.exec(url.pathname);
  if (match) {
    const [, namespace = '', name = ''] = match;
    if (cluster.configMap === 'forbidden') return status(response, 403, 'Forbidden', `configmaps "${name}" is forbidden: User "system:serviceaccount:ci:cilint" cannot get resource "configmaps" in API group "" in the namespace "${namespace}"`, { name, kind: 'configmaps' });
    if (name !== 'cilium-config' || namespace !== 'kube-system' || cluster.configMap === undefined) return status(response, 404, 'NotFound', `configmaps "${name}" not found`, { name, kind: 'configmaps' });
    return json(response, { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name, namespace, uid: 'b1c1', resourceVersion: '4242', creationTimestamp: '2026-01-05T10:00:00Z' }, data: cluster.configMap });
  }
  match = /^\/apis\/apps\/v1\/namespaces\/([^/]+)\/daemonsets\/([^/]+)$/.exec(url.pathname);
  if (match) {
    const [, namespace = '', name = ''] = match;
    const image = name === 'cilium' && namespace === 'kube-system' ? cluster.ciliumImage : name === 'kube-proxy' && cluster.kubeProxy ? 'registry.k8s.io/kube-proxy:v1.30.2' : undefined;
    if (image === undefined) return status(response, 404, 'NotFound', `daemonsets.apps "${name}" not found`, { name, group: 'apps', kind: 'daemonsets' });
    return json(response, daemonSet(namespace, name, image, cluster.apiServerHost ?? 'value'));
  }
  if (url.pathname === '/api/v1/nodes') {
    if (cluster.nodes === 'forbidden') return status(response, 403, 'Forbidden', 'nodes is forbidden: User "system:serviceaccount:ci:cilint" cannot list resource "nodes" in API group "" at the cluster scope', { kind: 'nodes' });
    const nodes = cluster.nodes ?? [];
    const limit = Number(url.searchParams.get('limit') ?? nodes.length) || nodes.length;
    const start = Number(url.searchParams.get('continue') ?? 0);
    const end = Math.min(start + limit, nodes.length);
    const more = end < nodes.length;
    return json(response, {
      kind: 'NodeList',
      apiVersion: 'v1',
      metadata: { resourceVersion: '9000', ...(more && { continue: String(end), remainingItemCount: nodes.length - end }) },
      items: nodes.slice(start, end),
    });
  }
  status(response, 404, 'NotFound', 'the server could not find the requested resource');
}

function json(response, body, code = 200) {
  response.writeHead(code, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** A metav1.Status error, as the API server sends it. */
function status(response, code, reason, message, details) {
  json(response, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, ...(details && { details }), code }, code);
}

function daemonSet(namespace, name, image, apiServerHost) {
  const agent = name === 'cilium' ? 'cilium-agent' : name;
  const host = {
    value: [{ name: 'KUBERNETES_SERVICE_HOST', value: 'api.example.internal' }],
    valueFrom: [{ name: 'KUBERNETES_SERVICE_HOST', valueFrom: { configMapKeyRef: { name: 'cilium-k8s-api', key: 'host' } } }],
    none: [],
  }[apiServerHost];
  const env = name === 'cilium' ? [{ name: 'K8S_NODE_NAME', valueFrom: { fieldRef: { apiVersion: 'v1', fieldPath: 'spec.nodeName' } } }, ...host] : [];
  return {
    kind: 'DaemonSet',
    apiVersion: 'apps/v1',
    metadata: { name, namespace, uid: `${name}-uid`, generation: 3, labels: { 'k8s-app': name } },
    spec: {
      selector: { matchLabels: { 'k8s-app': name } },
      template: {
        metadata: { labels: { 'k8s-app': name } },
        spec: { containers: [{ name: agent, image, env, resources: {} }], hostNetwork: true, serviceAccountName: name },
      },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 2, maxSurge: 0 } },
    },
    status: { currentNumberScheduled: 3, desiredNumberScheduled: 3, numberMisscheduled: 0, numberReady: 3, observedGeneration: 3 },
  };
}

/** A minimal Node as the API server returns it: the fields cilint reads, and little else. */
export function node(name, kernel, extra = {}) {
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: { name, uid: `${name}-uid`, labels: { 'kubernetes.io/hostname': name, 'kubernetes.io/arch': 'amd64' } },
    spec: { ...(extra.podCIDR && { podCIDR: extra.podCIDR, podCIDRs: [extra.podCIDR] }), ...(extra.providerID && { providerID: extra.providerID }) },
    status: {
      addresses: [{ type: 'InternalIP', address: '10.0.0.10' }, { type: 'Hostname', address: name }],
      nodeInfo: {
        machineID: 'm',
        systemUUID: 's',
        bootID: 'b',
        kernelVersion: kernel,
        osImage: 'Ubuntu 22.04.4 LTS',
        containerRuntimeVersion: 'containerd://1.7.12',
        kubeletVersion: 'v1.30.2',
        kubeProxyVersion: 'v1.30.2',
        operatingSystem: 'linux',
        architecture: 'amd64',
      },
    },
  };
}

/** A kubeconfig file that trusts the test CA and sends the bearer token. */
export function writeKubeconfig(dir, api, token = TOKEN) {
  const file = join(dir, 'kubeconfig');
  const ca = readFileSync(api.caFile).toString('base64');
  writeFileSync(
    file,
    `apiVersion: v1
kind: Config
clusters:
  - name: test
    cluster:
      server: ${api.url}
      certificate-authority-data: ${ca}
users:
  - name: ci
    user:
      token: ${token}
contexts:
  - name: test
    context: { cluster: test, user: ci }
current-context: test
`,
  );
  return file;
}
