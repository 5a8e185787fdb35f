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
    // Never answer (every request, or only the node list): the client's --timeout must end the run.
    if (cluster.hang === true || (cluster.hang === 'nodes' && request.url?.startsWith('/api/v1/nodes'))) return;
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
    if (cluster.nodes === 'overloaded') return status(response, 429, 'TooManyRequests', 'too many requests, please try again later', { retryAfterSeconds: 1 });
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

/** The mix of a real fleet: OS, kernel, arch and instance family (which NIC and driver), by node group. */
const FLEET = [
  { group: 'general', os: 'Ubuntu 22.04.4 LTS', kernel: '5.15.0-1051-aws', arch: 'amd64', instance: 'm5.2xlarge', nic: 'ena' },
  { group: 'general-al2', os: 'Amazon Linux 2', kernel: '5.10.205-195.807.amzn2.x86_64', arch: 'amd64', instance: 'm6i.4xlarge', nic: 'ena' },
  { group: 'compute', os: 'Amazon Linux 2023.3.20240122', kernel: '6.1.72-96.166.amzn2023.x86_64', arch: 'amd64', instance: 'c6in.8xlarge', nic: 'ena' },
  { group: 'graviton', os: 'Ubuntu 24.04.1 LTS', kernel: '6.8.0-1015-aws', arch: 'arm64', instance: 'c7gn.4xlarge', nic: 'ena' },
  { group: 'gpu', os: 'Ubuntu 22.04.4 LTS', kernel: '6.5.0-1022-aws', arch: 'amd64', instance: 'p4d.24xlarge', nic: 'mlx5_core' },
  { group: 'legacy', os: 'Ubuntu 20.04.6 LTS', kernel: '5.4.0-1103-aws', arch: 'amd64', instance: 'r5.2xlarge', nic: 'ixgbevf' },
];

/**
 * The index-th Node of a mixed fleet, with what a real one carries: well-known and node-group labels,
 * kubelet and Cilium annotations, managedFields, taints, conditions, capacity and cached images, about
 * 4 KB of JSON, so that a large list costs what it does against a real API server.
 */
export function realisticNode(index) {
  const kind = FLEET[index % FLEET.length];
  const zone = `eu-west-1${'abc'[index % 3]}`;
  const ip = `10.${16 + (index >> 16)}.${(index >> 8) & 255}.${index & 255}`;
  const name = `ip-${ip.replaceAll('.', '-')}.eu-west-1.compute.internal`;
  const podCIDR = `10.${128 + (index >> 8)}.${index & 255}.0/24`;
  const instanceId = `i-0${(0x1000000000000 + index * 7919).toString(16).slice(-16)}`;
  const created = '2026-01-05T10:00:00Z';
  const condition = (type, healthy, reason, message) => ({ type, status: healthy ? 'False' : 'True', lastHeartbeatTime: '2026-01-05T12:00:00Z', lastTransitionTime: created, reason, message });
  return {
    kind: 'Node',
    apiVersion: 'v1',
    metadata: {
      name,
      uid: `6c0f${index.toString(16).padStart(4, '0')}-8d2e-4b7a-9f3c-2a1e5d7c${index.toString(16).padStart(4, '0')}`,
      resourceVersion: String(1_000_000 + index),
      creationTimestamp: created,
      labels: {
        'beta.kubernetes.io/arch': kind.arch,
        'beta.kubernetes.io/instance-type': kind.instance,
        'beta.kubernetes.io/os': 'linux',
        'eks.amazonaws.com/capacityType': index % 5 ? 'ON_DEMAND' : 'SPOT',
        'eks.amazonaws.com/nodegroup': `${kind.group}-${zone}`,
        'eks.amazonaws.com/nodegroup-image': `ami-0${(0xabcdef0123 + (index % FLEET.length)).toString(16)}`,
        'failure-domain.beta.kubernetes.io/region': 'eu-west-1',
        'failure-domain.beta.kubernetes.io/zone': zone,
        'k8s.io/cloud-provider-aws': '4b5c0e1f2a3d4c5b6a7f8e9d0c1b2a3f',
        'kubernetes.io/arch': kind.arch,
        'kubernetes.io/hostname': name,
        'kubernetes.io/os': 'linux',
        'node.kubernetes.io/instance-type': kind.instance,
        'topology.ebs.csi.aws.com/zone': zone,
        'topology.kubernetes.io/region': 'eu-west-1',
        'topology.kubernetes.io/zone': zone,
        'feature.node.kubernetes.io/network-driver': kind.nic,
        team: ['payments', 'search', 'ml', 'platform'][index % 4],
      },
      annotations: {
        'alpha.kubernetes.io/provided-node-ip': ip,
        'csi.volume.kubernetes.io/nodeid': `{"ebs.csi.aws.com":"${instanceId}"}`,
        'io.cilium.network.ipv4-cilium-host': podCIDR.replace('.0/24', '.17'),
        'io.cilium.network.ipv4-health-ip': podCIDR.replace('.0/24', '.201'),
        'io.cilium.network.ipv4-pod-cidr': podCIDR,
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
      managedFields: [
        { manager: 'kubelet', operation: 'Update', apiVersion: 'v1', time: created, fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { '.': {}, 'f:alpha.kubernetes.io/provided-node-ip': {}, 'f:node.alpha.kubernetes.io/ttl': {}, 'f:volumes.kubernetes.io/controller-managed-attach-detach': {} }, 'f:labels': { '.': {}, 'f:beta.kubernetes.io/arch': {}, 'f:beta.kubernetes.io/os': {}, 'f:kubernetes.io/arch': {}, 'f:kubernetes.io/hostname': {}, 'f:kubernetes.io/os': {} } }, 'f:spec': { 'f:providerID': {} } } },
        { manager: 'cilium-agent', operation: 'Update', apiVersion: 'v1', time: created, fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:annotations': { 'f:io.cilium.network.ipv4-cilium-host': {}, 'f:io.cilium.network.ipv4-health-ip': {}, 'f:io.cilium.network.ipv4-pod-cidr': {} } }, 'f:status': { 'f:conditions': { 'k:{"type":"NetworkUnavailable"}': { '.': {}, 'f:lastHeartbeatTime': {}, 'f:lastTransitionTime': {}, 'f:message': {}, 'f:reason': {}, 'f:status': {}, 'f:type': {} } } } }, subresource: 'status' },
      ],
    },
    spec: {
      podCIDR,
      podCIDRs: [podCIDR],
      providerID: `aws:///${zone}/${instanceId}`,
      ...(kind.group === 'gpu' && { taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }] }),
    },
    status: {
      capacity: { cpu: '16', 'ephemeral-storage': '104845292Ki', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '65023868Ki', pods: '110' },
      allocatable: { cpu: '15890m', 'ephemeral-storage': '95551679124', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: '64006012Ki', pods: '110' },
      conditions: [
        condition('NetworkUnavailable', true, 'CiliumIsUp', 'Cilium is running on this node'),
        condition('MemoryPressure', true, 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        condition('DiskPressure', true, 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        condition('PIDPressure', true, 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        { ...condition('Ready', false, 'KubeletReady', 'kubelet is posting ready status'), status: 'True' },
      ],
      addresses: [
        { type: 'InternalIP', address: ip },
        { type: 'InternalDNS', address: name },
        { type: 'Hostname', address: name },
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        machineID: `ec2${index.toString(16).padStart(29, '0')}`,
        systemUUID: `ec2${index.toString(16).padStart(5, '0')}-4d1a-7c2b-9e3f-0a1b2c3d4e5f`,
        bootID: `b0${index.toString(16).padStart(6, '0')}-1c2d-4e3f-8a9b-0c1d2e3f4a5b`,
        kernelVersion: kind.kernel,
        osImage: kind.os,
        containerRuntimeVersion: 'containerd://1.7.11',
        kubeletVersion: 'v1.30.2-eks-1552ad0',
        kubeProxyVersion: 'v1.30.2-eks-1552ad0',
        operatingSystem: 'linux',
        architecture: kind.arch,
      },
      images: [
        { names: ['quay.io/cilium/cilium@sha256:758ca0793f5995bb938a2fa219dcce63dc0b3fa7fc4ce5cc851125281fb7361d', 'quay.io/cilium/cilium:v1.16.5'], sizeBytes: 208716113 },
        { names: ['registry.k8s.io/pause@sha256:7031c1b283388d2c2e09b57badb803c05ebed362dc88d84b480cc47f72a21097', 'registry.k8s.io/pause:3.9'], sizeBytes: 321520 },
      ],
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
