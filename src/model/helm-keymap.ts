// How the Cilium chart turns Helm values into cilium-config keys, per release: the one home of that knowledge.
// Sources: cilium/cilium install/kubernetes/cilium/values.yaml and templates/cilium-configmap.yaml at each
// release (v1.13.18, v1.14.13, v1.15.19, v1.16.17, v1.17.10, v1.18.4, v1.19.4).
import type { Minor } from '../version.js';
import type { SettingSource } from './setting.js';
import { renderText, truthy } from './go-template.js';
import { inRange } from './steps.js';
import type { Steps } from './steps.js';

/** A HelmValue is a Helm value in force for a release (the user's, or the chart default) and its source. */
export interface HelmValue {
  readonly value: unknown;
  readonly source: SettingSource;
}

/** A HelmReader answers what a release's values hold at a dotted path, chart defaults included. */
export interface HelmReader {
  readonly minor: Minor;
  get(path: string): HelmValue | undefined;
}

/** A Rendered value is what the chart writes for a key (undefined: the key is not written) and why. */
export interface Rendered {
  readonly value: string | undefined;
  readonly source: SettingSource;
}

/** A HelmMapping says which Helm value renders a config key, in which releases, and how. */
export interface HelmMapping {
  readonly key: string;
  readonly helm: string;
  readonly since?: Minor;
  readonly until?: Minor;
  /** value: written whenever set; truthy: written only when truthy; nonempty: not when null or "". */
  readonly render?: 'value' | 'truthy' | 'nonempty';
  /** A condition on other values under which the chart writes the key at all. */
  readonly renderIf?: (values: HelmReader) => boolean;
  /** For keys the chart computes from several values. */
  readonly derive?: (values: HelmReader) => Rendered | undefined;
}

const always = <T>(value: T): Steps<T> => [['1.13', value]];

/** values.yaml defaults per release, for the values the mappings and rules read. */
export const HELM_DEFAULTS: Readonly<Record<string, Steps<unknown>>> = {
  routingMode: [['1.14', '']],
  tunnel: [['1.13', 'vxlan'], ['1.14', ''], ['1.15', undefined]],
  tunnelProtocol: [['1.14', '']],
  autoDirectNodeRoutes: always(false),
  ipv4NativeRoutingCIDR: always(''),
  ipv6NativeRoutingCIDR: always(''),
  kubeProxyReplacement: [['1.13', 'disabled'], ['1.14', 'false']],
  k8sServiceHost: always(''),
  k8sServicePort: always(''),
  enableIPv4Masquerade: [['1.13', true], ['1.18', null]],
  enableIPv6Masquerade: always(true),
  'ipMasqAgent.enabled': always(false),
  enableMasqueradeRouteSource: [['1.15', false]],
  'loadBalancer.acceleration': [['1.15', 'disabled']],
  'socketLB.enabled': always(false),
  'nodePort.enabled': [['1.13', false], ['1.19', undefined]],
  'hostPort.enabled': [['1.13', false], ['1.18', undefined]],
  'externalIPs.enabled': [['1.13', false], ['1.17', undefined]],
  'nodePort.autoProtectPortRange': always(true),
  installNoConntrackIptablesRules: always(false),
  enableIPv6BIGTCP: always(false),
  enableIPv4BIGTCP: [['1.14', false]],
  'ipv4.enabled': always(true),
  'ipv6.enabled': always(false),
  'hubble.enabled': always(true),
  'hubble.relay.enabled': always(false),
  'hubble.ui.enabled': always(false),
  MTU: always(0),
  'bandwidthManager.enabled': always(false),
  'bandwidthManager.bbr': always(false),
  'bandwidthManager.bbrHostNamespaceOnly': [['1.18', false]],
  'bpf.policyMapMax': always(16384),
  'bpf.lbMapMax': always(65536),
  'bpf.lbExternalClusterIP': always(false),
  'bpf.lbModeAnnotation': [['1.17', false]],
  'bpf.distributedLRU.enabled': [['1.17', false]],
  bpfClockProbe: always(false),
  'bpf.datapathMode': [['1.16', 'veth']],
  'bpf.enableTCX': [['1.16', true]],
  l7Proxy: always(true),
  'endpointRoutes.enabled': always(false),
  'hostFirewall.enabled': always(false),
  remoteNodeIdentity: [['1.13', true], ['1.16', undefined]],
  'ipam.mode': always('cluster-pool'),
  'ipam.operator.clusterPoolIPv4PodCIDRList': always(['10.0.0.0/8']),
  'ipam.operator.clusterPoolIPv6PodCIDRList': always(['fd00::/104']),
  'cluster.name': always('default'),
  'cluster.id': always(0),
  'encryption.enabled': always(false),
  'encryption.type': always('ipsec'),
  'encryption.nodeEncryption': always(false),
  'cni.chainingMode': [['1.13', 'none'], ['1.14', null]],
  'gke.enabled': always(false),
  'aksbyocni.enabled': always(false),
  'alibabacloud.enabled': always(false),
  'clustermesh.maxConnectedClusters': [['1.15', 255]],
  'ingressController.enabled': always(false),
  'gatewayAPI.enabled': always(false),
  'envoyConfig.enabled': always(false),
  'loadBalancer.l7.backend': always('disabled'),
  'eni.enabled': always(false),
  'azure.enabled': always(false),
};

const nonEmpty = (value: unknown): boolean => value !== null && value !== undefined && value !== '';
const kprIn = (values: HelmReader, allowed: readonly string[]): boolean =>
  allowed.includes(renderText(values.get('kubeProxyReplacement')?.value ?? ''));
const chaining = (values: HelmReader): HelmValue | undefined => {
  const mode = values.get('cni.chainingMode');
  return mode && nonEmpty(mode.value) && mode.value !== 'none' ? mode : undefined;
};

/** The first value among paths that is set and non-empty. */
function firstSet(values: HelmReader, paths: readonly string[]): HelmValue | undefined {
  for (const path of paths) {
    const found = values.get(path);
    if (found && nonEmpty(found.value)) return found;
  }
  return undefined;
}

/** The routing mode the chart writes: routingMode, the 1.14 translation of `tunnel`, then the cloud defaults. */
function deriveRoutingMode(values: HelmReader): Rendered {
  const explicit = values.get('routingMode');
  if (explicit && nonEmpty(explicit.value) && explicit.source.kind !== 'chart-default') {
    return { value: renderText(explicit.value), source: explicit.source };
  }
  const legacy = values.minor === '1.14' ? firstSet(values, ['tunnel']) : undefined;
  if (legacy) return { value: legacy.value === 'disabled' ? 'native' : 'tunnel', source: legacy.source };
  const cloud = ['gke.enabled', ...(values.minor === '1.19' ? ['eni.enabled'] : [])]
    .map((path) => values.get(path))
    .find((found) => found && truthy(found.value));
  if (cloud) return { value: 'native', source: cloud.source };
  return { value: 'tunnel', source: { kind: 'chart-default', minor: values.minor, name: 'routingMode' } };
}

function deriveTunnelProtocol(values: HelmReader): Rendered {
  const explicit = values.get('tunnelProtocol');
  if (explicit && nonEmpty(explicit.value)) return { value: renderText(explicit.value), source: explicit.source };
  const legacy = values.minor === '1.14' ? firstSet(values, ['tunnel']) : undefined;
  if (legacy && legacy.value !== 'disabled') return { value: renderText(legacy.value), source: legacy.source };
  return { value: 'vxlan', source: { kind: 'chart-default', minor: values.minor, name: 'tunnelProtocol' } };
}

/** encryption.enabled with encryption.type selects enable-ipsec or enable-wireguard. */
function deriveEncryption(type: 'ipsec' | 'wireguard') {
  return (values: HelmReader): Rendered | undefined => {
    const enabled = values.get('encryption.enabled');
    if (!enabled) return undefined;
    if (!truthy(enabled.value)) return { value: undefined, source: enabled.source };
    const chosen = values.get('encryption.type');
    const isType = renderText(chosen?.value ?? 'ipsec') === type;
    const source = chosen && chosen.source.kind !== 'chart-default' ? chosen.source : enabled.source;
    return isType ? { value: 'true', source } : { value: undefined, source };
  };
}

/**
 * loadBalancer.standalone makes the chart write datapath-mode lb-only up to 1.17 (1.18 writes bpf-lb-only
 * instead). In 1.16–1.17 the chart writes datapath-mode twice then; lb-only is the later line.
 */
function standaloneDatapath(values: HelmReader): Rendered | undefined {
  const standalone = values.get('loadBalancer.standalone');
  return standalone && truthy(standalone.value) ? { value: 'lb-only', source: standalone.source } : undefined;
}

/** The mappings, one per key and release range; the first that covers a release is used. */
export const HELM_MAPPINGS: readonly HelmMapping[] = [
  { key: 'tunnel', helm: 'tunnel', until: '1.13', render: 'nonempty',
    derive: (values) => {
      const gke = values.get('gke.enabled');
      if (gke && truthy(gke.value)) return { value: 'disabled', source: gke.source };
      return undefined;
    } },
  { key: 'routing-mode', helm: 'routingMode', since: '1.14', derive: deriveRoutingMode },
  { key: 'tunnel-protocol', helm: 'tunnelProtocol', since: '1.14', derive: deriveTunnelProtocol },
  { key: 'underlay-protocol', helm: 'underlayProtocol', since: '1.18', render: 'nonempty' },
  { key: 'auto-direct-node-routes', helm: 'autoDirectNodeRoutes' },
  { key: 'ipv4-native-routing-cidr', helm: 'ipv4NativeRoutingCIDR', render: 'nonempty' },
  { key: 'ipv6-native-routing-cidr', helm: 'ipv6NativeRoutingCIDR', render: 'nonempty' },
  { key: 'kube-proxy-replacement', helm: 'kubeProxyReplacement', render: 'nonempty' },
  { key: 'enable-node-port', helm: 'nodePort.enabled', until: '1.13', renderIf: (v) => kprIn(v, ['partial']) },
  { key: 'enable-node-port', helm: 'nodePort.enabled', since: '1.14', until: '1.16', renderIf: (v) => kprIn(v, ['partial', 'false']) },
  { key: 'enable-node-port', helm: 'nodePort.enabled', since: '1.17', until: '1.18', renderIf: (v) => kprIn(v, ['false']) },
  { key: 'enable-host-port', helm: 'hostPort.enabled', until: '1.13', renderIf: (v) => kprIn(v, ['partial']) },
  { key: 'enable-host-port', helm: 'hostPort.enabled', since: '1.14', until: '1.16', renderIf: (v) => kprIn(v, ['partial', 'false']) },
  { key: 'enable-host-port', helm: 'hostPort.enabled', since: '1.17', until: '1.17', renderIf: (v) => kprIn(v, ['false']) },
  { key: 'enable-external-ips', helm: 'externalIPs.enabled', until: '1.13', renderIf: (v) => kprIn(v, ['partial']) },
  { key: 'enable-external-ips', helm: 'externalIPs.enabled', since: '1.14', until: '1.16', renderIf: (v) => kprIn(v, ['partial', 'false']) },
  { key: 'enable-bpf-masquerade', helm: 'bpf.masquerade', render: 'nonempty' },
  { key: 'enable-ipv4-masquerade', helm: 'enableIPv4Masquerade', until: '1.17' },
  { key: 'enable-ipv4-masquerade', helm: 'enableIPv4Masquerade', since: '1.18',
    derive: (values) => {
      const explicit = values.get('enableIPv4Masquerade');
      if (explicit && nonEmpty(explicit.value)) return { value: renderText(explicit.value), source: explicit.source };
      const eni = values.get('eni.enabled');
      // 1.18 changed the default: no IPv4 masquerading in ENI mode.
      if (eni && truthy(eni.value)) return { value: 'false', source: eni.source };
      return { value: 'true', source: { kind: 'chart-default', minor: values.minor, name: 'enableIPv4Masquerade' } };
    } },
  { key: 'enable-ipv6-masquerade', helm: 'enableIPv6Masquerade' },
  { key: 'enable-ip-masq-agent', helm: 'ipMasqAgent.enabled', render: 'truthy' },
  { key: 'egress-masquerade-interfaces', helm: 'egressMasqueradeInterfaces', render: 'nonempty' },
  { key: 'enable-masquerade-to-route-source', helm: 'enableMasqueradeRouteSource', since: '1.15' },
  { key: 'enable-host-legacy-routing', helm: 'bpf.hostLegacyRouting', render: 'nonempty',
    derive: (values) => {
      const explicit = values.get('bpf.hostLegacyRouting');
      if (explicit && nonEmpty(explicit.value)) return { value: renderText(explicit.value), source: explicit.source };
      // CNI chaining makes the chart write legacy host routing unless it is set explicitly.
      const chained = chaining(values);
      return chained ? { value: 'true', source: chained.source } : undefined;
    } },
  { key: 'bpf-lb-mode', helm: 'loadBalancer.mode', render: 'nonempty' },
  { key: 'bpf-lb-dsr-dispatch', helm: 'loadBalancer.dsrDispatch', render: 'nonempty' },
  { key: 'bpf-lb-algorithm', helm: 'loadBalancer.algorithm', render: 'nonempty' },
  { key: 'bpf-lb-acceleration', helm: 'loadBalancer.acceleration', render: 'nonempty' },
  { key: 'bpf-lb-maglev-table-size', helm: 'maglev.tableSize', render: 'nonempty' },
  { key: 'bpf-lb-sock', helm: 'socketLB.enabled' },
  { key: 'bpf-lb-sock-hostns-only', helm: 'socketLB.hostNamespaceOnly', render: 'nonempty' },
  { key: 'bpf-lb-external-clusterip', helm: 'bpf.lbExternalClusterIP' },
  { key: 'bpf-lb-mode-annotation', helm: 'bpf.lbModeAnnotation', since: '1.17' },
  { key: 'node-port-range', helm: 'nodePort.range', render: 'nonempty' },
  { key: 'enable-auto-protect-node-port-range', helm: 'nodePort.autoProtectPortRange' },
  { key: 'devices', helm: 'devices', render: 'nonempty' },
  { key: 'install-no-conntrack-iptables-rules', helm: 'installNoConntrackIptablesRules',
    derive: (values) => {
      // The chart writes "false" whatever the value on managed clouds and with CNI chaining.
      const forcing = ['azure.enabled', 'eni.enabled', 'gke.enabled']
        .map((path) => values.get(path))
        .find((found) => found && truthy(found.value)) ?? chaining(values);
      if (forcing) return { value: 'false', source: forcing.source };
      return undefined;
    } },
  { key: 'enable-ipv6-big-tcp', helm: 'enableIPv6BIGTCP' },
  { key: 'enable-ipv4-big-tcp', helm: 'enableIPv4BIGTCP', since: '1.14' },
  { key: 'enable-ipv4', helm: 'ipv4.enabled' },
  { key: 'enable-ipv6', helm: 'ipv6.enabled' },
  { key: 'enable-hubble', helm: 'hubble.enabled', until: '1.16', render: 'truthy' },
  { key: 'enable-hubble', helm: 'hubble.enabled', since: '1.17' },
  { key: 'mtu', helm: 'MTU', render: 'truthy' },
  { key: 'enable-bandwidth-manager', helm: 'bandwidthManager.enabled', render: 'truthy' },
  { key: 'enable-bbr', helm: 'bandwidthManager.bbr', renderIf: (v) => truthy(v.get('bandwidthManager.enabled')?.value) },
  { key: 'enable-bbr-hostns-only', helm: 'bandwidthManager.bbrHostNamespaceOnly', since: '1.18',
    renderIf: (v) => truthy(v.get('bandwidthManager.enabled')?.value) },
  { key: 'bpf-map-dynamic-size-ratio', helm: 'bpf.mapDynamicSizeRatio',
    derive: (values) => {
      const explicit = values.get('bpf.mapDynamicSizeRatio');
      // 0 or null renders the default 0.0025: Helm cannot switch dynamic sizing off.
      if (explicit && truthy(explicit.value)) return { value: renderText(explicit.value), source: explicit.source };
      return { value: '0.0025', source: explicit?.source ?? { kind: 'chart-default', minor: values.minor, name: 'bpf.mapDynamicSizeRatio' } };
    } },
  { key: 'bpf-ct-global-tcp-max', helm: 'bpf.ctTcpMax', render: 'nonempty' },
  { key: 'bpf-ct-global-any-max', helm: 'bpf.ctAnyMax', render: 'nonempty' },
  { key: 'bpf-nat-global-max', helm: 'bpf.natMax', render: 'nonempty' },
  { key: 'bpf-policy-map-max', helm: 'bpf.policyMapMax', render: 'nonempty' },
  { key: 'bpf-lb-map-max', helm: 'bpf.lbMapMax', render: 'nonempty' },
  { key: 'bpf-distributed-lru', helm: 'bpf.distributedLRU.enabled', since: '1.17' },
  { key: 'enable-bpf-clock-probe', helm: 'bpfClockProbe' },
  { key: 'datapath-mode', helm: 'loadBalancer.standalone', until: '1.15', render: 'truthy', derive: standaloneDatapath },
  { key: 'datapath-mode', helm: 'bpf.datapathMode', since: '1.16', render: 'nonempty',
    derive: (values) => (inRange(values.minor, undefined, '1.17') ? standaloneDatapath(values) : undefined) },
  { key: 'enable-tcx', helm: 'bpf.enableTCX', since: '1.16' },
  { key: 'enable-bpf-tproxy', helm: 'bpf.tproxy', render: 'nonempty' },
  { key: 'enable-l7-proxy', helm: 'l7Proxy' },
  { key: 'enable-host-firewall', helm: 'hostFirewall.enabled', render: 'truthy' },
  { key: 'enable-endpoint-routes', helm: 'endpointRoutes.enabled', render: 'truthy',
    derive: (values) => {
      // ENI, Azure and GKE modes always use per-endpoint routes.
      const forcing = ['eni.enabled', 'azure.enabled', 'gke.enabled']
        .map((path) => values.get(path))
        .find((found) => found && truthy(found.value));
      return forcing ? { value: 'true', source: forcing.source } : undefined;
    } },
  { key: 'ipam', helm: 'ipam.mode', render: 'nonempty' },
  // Written only for cluster-pool IPAM and an enabled family, joined by spaces (`join " "` in the template).
  { key: 'cluster-pool-ipv4-cidr', helm: 'ipam.operator.clusterPoolIPv4PodCIDRList', render: 'nonempty',
    renderIf: (v) => renderText(v.get('ipam.mode')?.value ?? '') === 'cluster-pool' && truthy(v.get('ipv4.enabled')?.value) },
  { key: 'cluster-pool-ipv6-cidr', helm: 'ipam.operator.clusterPoolIPv6PodCIDRList', render: 'nonempty',
    renderIf: (v) => renderText(v.get('ipam.mode')?.value ?? '') === 'cluster-pool' && truthy(v.get('ipv6.enabled')?.value) },
  { key: 'cluster-name', helm: 'cluster.name', render: 'nonempty' },
  { key: 'cluster-id', helm: 'cluster.id', render: 'nonempty' },
  { key: 'enable-ipsec', helm: 'encryption.enabled', derive: deriveEncryption('ipsec') },
  { key: 'enable-wireguard', helm: 'encryption.enabled', derive: deriveEncryption('wireguard') },
  { key: 'enable-remote-node-identity', helm: 'remoteNodeIdentity', until: '1.15' },
  { key: 'encrypt-node', helm: 'encryption.nodeEncryption', render: 'truthy' },
  { key: 'cni-chaining-mode', helm: 'cni.chainingMode', render: 'nonempty' },
];
