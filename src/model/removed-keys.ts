// Helm values and cilium-config keys that were removed or renamed between 1.13 and 1.19, and what replaces them.
// Sources: templates/validate.yaml and templates/cilium-configmap.yaml of the chart at v1.13.18 … v1.19.4, and
// Documentation/operations/upgrade.rst of each release.
import type { Minor } from '../version.js';
import { truthy } from './go-template.js';
import type { HelmReader } from './helm-keymap.js';

/** A RefusedHelmValue is a removed value the chart checks for: setting it makes `helm install` fail. */
export interface RefusedHelmValue {
  readonly path: string;
  /** The first and last charts with the check. */
  readonly from: Minor;
  readonly until?: Minor;
  /** When the chart fails: a Go-truthy value (the usual `if` / `dig`), or any value at all. */
  readonly failsWhen: 'truthy' | 'present';
  /** A further condition the chart puts around the check. */
  readonly onlyIf?: (values: HelmReader) => boolean;
  readonly instead: string;
  /** The chart's `fail` message, quoted. */
  readonly chartSays: string;
}

const UPGRADE_NOTES = (minor: string): string => `https://docs.cilium.io/en/v${minor}/operations/upgrade/#helm-options`;
const clusterPool = (minor: Minor) => (values: HelmReader): boolean => {
  const mode = values.get('ipam.mode')?.value;
  return mode === 'cluster-pool' || (minor === '1.14' && mode === 'cluster-pool-v2beta');
};

/** templates/validate.yaml V1–V12 and cilium-configmap.yaml's cluster-pool CIDR checks (1.14–1.18). */
export const REFUSED_HELM_VALUES: readonly RefusedHelmValue[] = [
  ...['tunnel'].map((path) => ({ path, from: '1.15', failsWhen: 'truthy', instead: 'routingMode (native or tunnel) and tunnelProtocol (vxlan or geneve)', chartSays: `tunnel was deprecated in v1.14 and has been removed in v1.15. For details please refer to ${UPGRADE_NOTES('1.15')}` }) as const),
  ...['clustermesh.apiserver.tls.ca.cert', 'clustermesh.apiserver.tls.ca.key'].map((path) => ({ path, from: '1.15', failsWhen: 'truthy', instead: 'the tls.ca.cert and tls.ca.key values (the cluster-wide CA)', chartSays: `clustermesh.apiserver.tls.ca.cert and clustermesh.apiserver.tls.ca.key were deprecated in v1.14 and has been removed in v1.15. For details please refer to ${UPGRADE_NOTES('1.15')}` }) as const),
  ...['enableK8sEventHandover', 'enableCnpStatusUpdates'].map((path) => ({ path, from: '1.15', failsWhen: 'truthy', instead: 'nothing (delete it: the feature is gone)', chartSays: `${path} was deprecated in v1.14 and has been removed in v1.15. For details please refer to ${UPGRADE_NOTES('1.15')}` }) as const),
  ...['encryption.keyFile', 'encryption.mountPath', 'encryption.secretName', 'encryption.interface'].map((path) => ({ path, from: '1.16', failsWhen: 'truthy', instead: path.replace('encryption.', 'encryption.ipsec.'), chartSays: `encryption.{keyFile,mountPath,secretName,interface} were deprecated in v1.14 and has been removed in v1.16. For details please refer to ${UPGRADE_NOTES('1.16')}` }) as const),
  // The chart stringifies the value first, so even `false` fails.
  { path: 'proxy.prometheus.enabled', from: '1.16', failsWhen: 'present', instead: 'envoy.prometheus.enabled', chartSays: `proxy.prometheus.enabled and proxy.prometheus.port were deprecated in v1.14 and has been removed in v1.16. For details please refer to ${UPGRADE_NOTES('1.16')}` },
  { path: 'proxy.prometheus.port', from: '1.16', failsWhen: 'truthy', instead: 'envoy.prometheus.port', chartSays: `proxy.prometheus.enabled and proxy.prometheus.port were deprecated in v1.14 and has been removed in v1.16. For details please refer to ${UPGRADE_NOTES('1.16')}` },
  // A non-empty map fails, the default of 1.13 to 1.15 {enabled: false, status: ""} included.
  { path: 'endpointStatus', from: '1.16', failsWhen: 'truthy', instead: 'nothing (delete it: endpoint status is no longer written)', chartSays: `endpointStatus has been removed in v1.16. For details please refer to ${UPGRADE_NOTES('1.16')}` },
  { path: 'remoteNodeIdentity', from: '1.16', failsWhen: 'truthy', instead: 'nothing (delete it: remote-node identity is always on)', chartSays: `remoteNodeIdentity was deprecated in v1.15 and has been removed in v1.16. For details please refer to ${UPGRADE_NOTES('1.16')}` },
  { path: 'containerRuntime.integration', from: '1.16', failsWhen: 'truthy', instead: 'nothing (delete it; the default of 1.13 to 1.15 "none" fails too)', chartSays: `containerRuntime.integration was deprecated in v1.14 and has been removed in v1.16. For details please refer to ${UPGRADE_NOTES('1.16')}` },
  { path: 'etcd.managed', from: '1.16', failsWhen: 'truthy', instead: 'nothing (delete it: the managed etcd mode is gone)', chartSays: `etcd.managed was deprecated in v1.10 has been removed in v1.16. For details please refer to ${UPGRADE_NOTES('1.16')}` },
  { path: 'enableCiliumEndpointSlice', from: '1.18', failsWhen: 'truthy', instead: 'ciliumEndpointSlice.enabled', chartSays: `enableCiliumEndpointSlice was deprecated in v1.16 and has been removed in v1.18. For details please refer to ${UPGRADE_NOTES('1.18')}` },
  { path: 'ciliumEndpointSlice.sliceMode', from: '1.18', failsWhen: 'truthy', instead: 'nothing (delete it; the 1.17 default "identity" fails too)', chartSays: `ciliumEndpointSlice.sliceMode has been removed in v1.18. For details please refer to ${UPGRADE_NOTES('1.18')}` },
  // hasKey: any value, even "" or null, fails while cluster-pool IPAM and the address family are on.
  ...(['1.14', '1.15'] as const).map((minor) => ({ path: 'ipam.operator.clusterPoolIPv4PodCIDR', from: minor, until: minor === '1.14' ? '1.14' : '1.18', failsWhen: 'present', onlyIf: (values: HelmReader) => clusterPool(minor)(values) && truthy(values.get('ipv4.enabled')?.value), instead: 'ipam.operator.clusterPoolIPv4PodCIDRList', chartSays: 'Value ipam.operator.clusterPoolIPv4PodCIDR removed, use ipam.operator.clusterPoolIPv4PodCIDRList instead' }) as const),
  ...(['1.14', '1.15'] as const).map((minor) => ({ path: 'ipam.operator.clusterPoolIPv6PodCIDR', from: minor, until: minor === '1.14' ? '1.14' : '1.18', failsWhen: 'present', onlyIf: (values: HelmReader) => clusterPool(minor)(values) && truthy(values.get('ipv6.enabled')?.value), instead: 'ipam.operator.clusterPoolIPv6PodCIDRList', chartSays: 'Value ipam.operator.clusterPoolIPv6PodCIDR removed, use ipam.operator.clusterPoolIPv6PodCIDRList instead' }) as const),
];

/**
 * What replaces a Helm value that a release's chart no longer reads (or does not read yet): the chart renders
 * without it, so the value is silently ignored (upgrade.rst of 1.13–1.19; chart templates).
 */
export const HELM_VALUE_SUCCESSORS: Readonly<Record<string, string>> = {
  'nodePort.enabled': 'kubeProxyReplacement=true (1.19 removed the separate NodePort switch)',
  'hostPort.enabled': 'kubeProxyReplacement=true',
  hostPort: 'kubeProxyReplacement=true',
  'externalIPs.enabled': 'kubeProxyReplacement=true',
  externalIPs: 'kubeProxyReplacement=true',
  sessionAffinity: 'nothing: session affinity is always on from 1.19',
  svcSourceRangeCheck: 'nothing: the source range check is always on from 1.19',
  enableRuntimeDeviceDetection: 'nothing: runtime device detection is the default behaviour',
  'highScaleIPcache.enabled': 'nothing: the high-scale ipcache mode was removed',
  highScaleIPcache: 'nothing: the high-scale ipcache mode was removed',
  'l2NeighDiscovery.refreshPeriod': 'nothing: the refresh period was removed',
  'encryption.wireguard.userspaceFallback': 'nothing: the userspace WireGuard fallback was removed',
  'bpf.clockProbe': 'bpfClockProbe',
  localRedirectPolicy: 'localRedirectPolicies.enabled',
  tunnel: 'routingMode (native or tunnel) and tunnelProtocol (vxlan or geneve)',
  'ipam.operator.clusterPoolIPv4PodCIDR': 'ipam.operator.clusterPoolIPv4PodCIDRList',
  'ipam.operator.clusterPoolIPv6PodCIDR': 'ipam.operator.clusterPoolIPv6PodCIDRList',
  enableCiliumEndpointSlice: 'ciliumEndpointSlice.enabled',
  'encryption.keyFile': 'encryption.ipsec.keyFile',
  'encryption.mountPath': 'encryption.ipsec.mountPath',
  'encryption.secretName': 'encryption.ipsec.secretName',
  'encryption.interface': 'encryption.ipsec.interface',
  'proxy.prometheus': 'envoy.prometheus',
};

/** A RetiredConfigKey is an agent option that releases from `removedIn` on no longer read (they ignore it). */
export interface RetiredConfigKey {
  /** The first release that ignores the key; '1.13' for keys removed before 1.13. */
  readonly removedIn: Minor;
  readonly instead: string;
}

/** Agent options removed in or before the supported releases that cilint does not otherwise model (upgrade.rst). */
export const RETIRED_CONFIG_KEYS: Readonly<Record<string, RetiredConfigKey>> = {
  'host-reachable-services-protos': { removedIn: '1.13', instead: 'bpf-lb-sock-hostns-only' },
  'disable-conntrack': { removedIn: '1.13', instead: 'nothing (connection tracking is always on)' },
  'endpoint-interface-name-prefix': { removedIn: '1.13', instead: 'nothing' },
  'sockops-enable': { removedIn: '1.14', instead: 'nothing (the sockops datapath was removed)' },
  'force-local-policy-eval-at-source': { removedIn: '1.14', instead: 'nothing' },
  'enable-high-scale-ipcache': { removedIn: '1.18', instead: 'nothing (the high-scale ipcache mode was removed)' },
  'arping-refresh-period': { removedIn: '1.18', instead: 'nothing' },
  'enable-ipv4-egress-gateway': { removedIn: '1.19', instead: 'enable-egress-gateway' },
  'enable-recorder': { removedIn: '1.19', instead: 'nothing (the pcap recorder was removed)' },
  'enable-custom-calls': { removedIn: '1.19', instead: 'nothing (custom calls were removed)' },
  'bpf-lb-proto-diff': { removedIn: '1.19', instead: 'nothing (protocol differentiation is always on)' },
};

/** What replaces a modelled key outside the releases that read it (see CONFIG_KEYS since/until). */
export const CONFIG_KEY_SUCCESSORS: Readonly<Record<string, string>> = {
  tunnel: 'routing-mode and tunnel-protocol: without them the agent uses routing-mode "tunnel" with VXLAN, so "tunnel: disabled" quietly becomes VXLAN tunnelling',
  'enable-node-port': 'kube-proxy-replacement: "true"',
  'enable-host-port': 'kube-proxy-replacement: "true"',
  'enable-external-ips': 'kube-proxy-replacement: "true"',
  'enable-session-affinity': 'nothing: session affinity is always on',
  'enable-svc-source-range-check': 'nothing: the source range check is always on',
  'enable-remote-node-identity': 'nothing: remote-node identity is always on',
};
