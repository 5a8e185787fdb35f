// Derived facts: what the agent makes of several keys together, computed in one place for all rules.
import { parseGoBool } from '../model/config-keys.js';
import type { ConfigModel } from '../model/config-model.js';
import { isExplicit } from '../model/setting.js';
import type { Setting } from '../model/setting.js';
import type { FactName } from './rule-definition.js';

/** A FactValue is a derived value ("true"/"false"), unknown when a placeholder decides it, and the settings behind it. */
export interface FactValue {
  readonly value: string;
  readonly unknown: boolean;
  readonly evidence: readonly Setting[];
}

const fact = (value: boolean, evidence: readonly Setting[]): FactValue => ({
  value: String(value),
  unknown: evidence.some((setting) => setting.unknown),
  evidence,
});

/**
 * Is full kube-proxy replacement on? 1.13 spells it `strict`, 1.14–1.15 accept `strict` or `true`,
 * 1.16+ only `true`; 1.19 parses the key as a boolean (daemon/cmd/kube_proxy_replacement.go
 * initKubeProxyReplacementOptions at v1.13.18–v1.17.10; pkg/kpr/kpr.go at v1.18.4, v1.19.4).
 */
function kprFull(model: ConfigModel): FactValue {
  const kpr = model.setting('kube-proxy-replacement');
  const value = kpr.value ?? '';
  switch (model.minor) {
    case '1.13':
      return fact(value === 'strict', [kpr]);
    case '1.14':
    case '1.15':
      return fact(value === 'strict' || value === 'true', [kpr]);
    case '1.19':
      return fact(parseGoBool(value) === true, [kpr]);
    default:
      return fact(value === 'true', [kpr]);
  }
}

/**
 * Is BPF NodePort on? Full KPR forces it on; otherwise (`partial` on 1.13, `false` or the deprecated
 * `partial` on 1.14–1.18) enable-node-port decides. 1.19 removed enable-node-port: only KPR counts.
 * Not modelled: on 1.14–1.15, enable-envoy-config without IPsec also turns NodePort on
 * (daemon/cmd/kube_proxy_replacement.go initKubeProxyReplacementOptions at v1.14.13, v1.15.19).
 */
function bpfNodePort(model: ConfigModel): FactValue {
  const full = kprFull(model);
  if (full.value === 'true' || model.minor === '1.19') return full;
  const kpr = model.setting('kube-proxy-replacement');
  if (kpr.value === 'disabled' && model.minor === '1.13') return fact(false, [kpr]);
  const nodePort = model.setting('enable-node-port');
  return fact(parseGoBool(nodePort.value ?? '') === true, [kpr, nodePort]);
}

/**
 * Is any masquerading done by iptables? `!EnableBPFMasquerade && (v4 || v6 masquerade)`, each family
 * counting only when enabled (pkg/option/config.go IptablesMasqueradingEnabled, v1.13.18 to v1.19.4).
 */
function iptablesMasquerading(model: ConfigModel): FactValue {
  const bpf = model.setting('enable-bpf-masquerade');
  const v4 = model.setting('enable-ipv4');
  const v4Masq = model.setting('enable-ipv4-masquerade');
  const v6 = model.setting('enable-ipv6');
  const v6Masq = model.setting('enable-ipv6-masquerade');
  const on = (setting: Setting): boolean => parseGoBool(setting.value ?? '') === true;
  if (on(bpf)) return fact(false, [bpf]);
  const families: Setting[] = [];
  if (on(v4) && on(v4Masq)) families.push(v4Masq, v4);
  if (on(v6) && on(v6Masq)) families.push(v6Masq, v6);
  return fact(families.length > 0, [bpf, ...(families.length > 0 ? families : [v4Masq, v6Masq])]);
}

/**
 * Is BPF host routing in effect, as far as the configuration decides? The agent falls back to legacy host
 * routing when it is configured, without full KPR (which also covers BPF NodePort off), while iptables
 * masquerades, with IPsec up to 1.18, and on 1.13 with endpoint routes or WireGuard
 * (finishKubeProxyReplacementInit in daemon/cmd/kube_proxy_replacement.go at v1.13.18 to v1.18.4;
 * InitKubeProxyReplacementOptions in pkg/kpr/initializer/kube_proxy_replacement.go at v1.19.4). The kernel
 * (5.10 up to 1.17) and devices without an L2 address (1.13) are per node, so rules check them.
 */
function bpfHostRouting(model: ConfigModel): FactValue {
  const legacy = model.setting('enable-host-legacy-routing');
  if (parseGoBool(legacy.value ?? '') === true) return fact(false, [legacy]);
  const kpr = kprFull(model);
  if (kpr.value !== 'true') return fact(false, [legacy, ...kpr.evidence]);
  const masquerading = iptablesMasquerading(model);
  if (masquerading.value === 'true') return fact(false, [legacy, ...masquerading.evidence]);
  const blockers = [
    ...(model.minor !== '1.19' ? ['enable-ipsec'] : []),
    ...(model.minor === '1.13' ? ['enable-endpoint-routes', 'enable-wireguard'] : []),
  ].map((key) => model.setting(key));
  const blocker = blockers.find((setting) => parseGoBool(setting.value ?? '') === true);
  if (blocker) return fact(false, [legacy, blocker]);
  return fact(true, [legacy, ...kpr.evidence, ...masquerading.evidence, ...blockers]);
}

/**
 * Does an explicitly sized NAT map exceed the two conntrack maps together? The agent refuses that ("specified
 * NAT tables size … must not exceed maximum CT table size …"), except for the default 524288, which it shrinks
 * to 2/3 of their sum (checkMapSizeLimits in pkg/option/config.go, v1.13.18 to v1.19.4). A conntrack map left
 * to dynamic sizing has a size that depends on the node's memory, so then the fact is false (not decidable).
 */
function natExceedsCt(model: ConfigModel): FactValue {
  const nat = model.setting('bpf-nat-global-max');
  const tcp = model.setting('bpf-ct-global-tcp-max');
  const any = model.setting('bpf-ct-global-any-max');
  const ratio = Number(model.setting('bpf-map-dynamic-size-ratio').value);
  const dynamic = ratio > 0 && ratio <= 1;
  const known = (setting: Setting): boolean => isExplicit(setting.source) || !dynamic;
  const sum = Number(tcp.value) + Number(any.value);
  const size = Number(nat.value);
  const exceeds = isExplicit(nat.source) && size !== 524288 && known(tcp) && known(any) && size > sum;
  return fact(exceeds, [nat, tcp, any]);
}

/** The derived facts by name. */
export const DERIVED_FACTS: Readonly<Record<FactName, (model: ConfigModel) => FactValue>> = {
  'bpf-nodeport': bpfNodePort,
  'kpr-full': kprFull,
  'iptables-masquerading': iptablesMasquerading,
  'bpf-host-routing': bpfHostRouting,
  'nat-exceeds-ct': natExceedsCt,
};
