// The cilium-config keys cilint understands: their type, the releases whose agent reads them, and the agent default.
// Sources (cilium/cilium at v1.13.18 … v1.19.4): flag defaults in daemon/cmd/daemon_main.go (InitGlobalFlags) and
// in the cell configs (pkg/kpr/kpr.go, pkg/loadbalancer/config.go, pkg/hubble/cell/config.go, …); removals from
// Documentation/operations/upgrade.rst of each release.
import type { Minor } from '../version.js';
import type { Steps } from './steps.js';

/** The type the agent parses a key as; ConfigMap values are strings until parsed. */
export type KeyType = 'bool' | 'int' | 'float' | 'string';

/** A ConfigKey describes one agent option. */
export interface ConfigKey {
  readonly type: KeyType;
  /** The first and last releases whose agent reads the key; outside them the agent ignores it. */
  readonly since?: Minor;
  readonly until?: Minor;
  /** The agent's default when the key is absent, per release (undefined: no value). */
  readonly agentDefault: Steps<string | undefined>;
}

const always = (value: string | undefined): Steps<string | undefined> => [['1.13', value]];

/** Every key the model and the rules know, by name. */
export const CONFIG_KEYS: Readonly<Record<string, ConfigKey>> = {
  'routing-mode': { type: 'string', since: '1.14', agentDefault: always('tunnel') },
  tunnel: { type: 'string', until: '1.14', agentDefault: [['1.13', 'vxlan'], ['1.14', undefined]] },
  'tunnel-protocol': { type: 'string', since: '1.14', agentDefault: always('vxlan') },
  'underlay-protocol': { type: 'string', since: '1.18', agentDefault: always('ipv4') },
  'auto-direct-node-routes': { type: 'bool', agentDefault: always('false') },
  'ipv4-native-routing-cidr': { type: 'string', agentDefault: always(undefined) },
  'ipv6-native-routing-cidr': { type: 'string', agentDefault: always(undefined) },
  'kube-proxy-replacement': { type: 'string', agentDefault: [['1.13', 'partial'], ['1.14', 'false']] },
  'enable-node-port': { type: 'bool', until: '1.18', agentDefault: always('false') },
  'enable-host-port': { type: 'bool', until: '1.18', agentDefault: [['1.13', 'true'], ['1.14', 'false']] },
  'enable-external-ips': { type: 'bool', until: '1.18', agentDefault: always('false') },
  'enable-session-affinity': { type: 'bool', until: '1.18', agentDefault: [['1.13', 'false'], ['1.18', 'true']] },
  'enable-svc-source-range-check': { type: 'bool', until: '1.18', agentDefault: always('true') },
  'enable-bpf-masquerade': { type: 'bool', agentDefault: always('false') },
  'enable-ipv4-masquerade': { type: 'bool', agentDefault: always('true') },
  'enable-ipv6-masquerade': { type: 'bool', agentDefault: always('true') },
  'enable-ipv4': { type: 'bool', agentDefault: always('true') },
  'enable-ipv6': { type: 'bool', agentDefault: always('false') },
  'enable-ip-masq-agent': { type: 'bool', agentDefault: always('false') },
  'egress-masquerade-interfaces': { type: 'string', agentDefault: always(undefined) },
  'enable-masquerade-to-route-source': { type: 'bool', since: '1.15', agentDefault: always('false') },
  'enable-host-legacy-routing': { type: 'bool', agentDefault: always('false') },
  'bpf-lb-mode': { type: 'string', agentDefault: always('snat') },
  'node-port-mode': { type: 'string', agentDefault: always(undefined) },
  'node-port-algorithm': { type: 'string', agentDefault: always(undefined) },
  'node-port-acceleration': { type: 'string', agentDefault: always(undefined) },
  'bpf-lb-mode-annotation': { type: 'bool', since: '1.17', agentDefault: always('false') },
  'bpf-lb-dsr-dispatch': { type: 'string', agentDefault: always('opt') },
  'bpf-lb-algorithm': { type: 'string', agentDefault: always('random') },
  'bpf-lb-acceleration': { type: 'string', agentDefault: always('disabled') },
  'bpf-lb-maglev-table-size': { type: 'int', agentDefault: always('16381') },
  'bpf-lb-sock': { type: 'bool', agentDefault: always('false') },
  'bpf-lb-sock-hostns-only': { type: 'bool', agentDefault: always('false') },
  'bpf-lb-external-clusterip': { type: 'bool', agentDefault: always('false') },
  'node-port-range': { type: 'string', agentDefault: always('30000,32767') },
  'enable-auto-protect-node-port-range': { type: 'bool', agentDefault: always('true') },
  devices: { type: 'string', agentDefault: always(undefined) },
  'install-no-conntrack-iptables-rules': { type: 'bool', agentDefault: always('false') },
  'enable-ipv6-big-tcp': { type: 'bool', agentDefault: always('false') },
  'enable-ipv4-big-tcp': { type: 'bool', since: '1.14', agentDefault: always('false') },
  'enable-hubble': { type: 'bool', agentDefault: always('false') },
  mtu: { type: 'int', agentDefault: always('0') },
  'enable-bandwidth-manager': { type: 'bool', agentDefault: always('false') },
  'enable-bbr': { type: 'bool', agentDefault: always('false') },
  'enable-bbr-hostns-only': { type: 'bool', since: '1.18', agentDefault: always('false') },
  'bpf-map-dynamic-size-ratio': { type: 'float', agentDefault: always('0.0025') },
  'bpf-ct-global-tcp-max': { type: 'int', agentDefault: always('524288') },
  'bpf-ct-global-any-max': { type: 'int', agentDefault: always('262144') },
  'bpf-nat-global-max': { type: 'int', agentDefault: always('524288') },
  'bpf-policy-map-max': { type: 'int', agentDefault: always('16384') },
  'bpf-lb-map-max': { type: 'int', agentDefault: always('65536') },
  'bpf-distributed-lru': { type: 'bool', since: '1.17', agentDefault: always('false') },
  'enable-bpf-clock-probe': { type: 'bool', agentDefault: always('false') },
  'datapath-mode': { type: 'string', agentDefault: always('veth') },
  'enable-tcx': { type: 'bool', since: '1.16', agentDefault: always('true') },
  'enable-bpf-tproxy': { type: 'bool', agentDefault: always('false') },
  'enable-l7-proxy': { type: 'bool', agentDefault: always('true') },
  'install-iptables-rules': { type: 'bool', agentDefault: always('true') },
  'enable-endpoint-routes': { type: 'bool', agentDefault: always('false') },
  'enable-host-firewall': { type: 'bool', agentDefault: always('false') },
  ipam: { type: 'string', agentDefault: always('cluster-pool') },
  // Read by the operator for cluster-pool IPAM: the pod CIDRs it carves node ranges from (space-separated).
  'cluster-pool-ipv4-cidr': { type: 'string', agentDefault: always(undefined) },
  'cluster-pool-ipv6-cidr': { type: 'string', agentDefault: always(undefined) },
  'cluster-name': { type: 'string', agentDefault: always('default') },
  'cluster-id': { type: 'int', agentDefault: always('0') },
  'enable-ipsec': { type: 'bool', agentDefault: always('false') },
  'enable-wireguard': { type: 'bool', agentDefault: always('false') },
  'encrypt-node': { type: 'bool', agentDefault: always('false') },
  'cni-chaining-mode': { type: 'string', agentDefault: always('none') },
  'enable-remote-node-identity': { type: 'bool', until: '1.15', agentDefault: always('true') },
};

/** Parse a boolean the way Go's strconv.ParseBool does (the agent's flag parser). */
export function parseGoBool(text: string): boolean | undefined {
  if (['1', 't', 'T', 'TRUE', 'true', 'True'].includes(text)) return true;
  if (['0', 'f', 'F', 'FALSE', 'false', 'False'].includes(text)) return false;
  return undefined;
}
