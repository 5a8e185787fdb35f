// The effective datapath of each node, as `cilium status --verbose` would report it after the rollout,
// with the setting or the rule that decided each line.
import { parseGoBool } from '../model/config-keys.js';
import type { ConfigModel } from '../model/config-model.js';
import { describeSource } from '../model/setting.js';
import type { Setting } from '../model/setting.js';
import type { NodeFacts } from '../nodes/node-facts.js';
import type { Finding } from '../report/finding.js';
import { DERIVED_FACTS } from '../rules/facts.js';
import { shownSetText, shownValue } from '../redact.js';

/** A DatapathLine is one line of the explanation: what is in effect, and what decided it. */
export interface DatapathLine {
  readonly item: string;
  readonly value: string;
  /** The setting (key=value and where it came from) or the rule (id: message) that decided the value. */
  readonly decidedBy: string;
  /** A rule that could change the value but could not be evaluated (missing node facts). */
  readonly unsure?: string;
}

/** A NodeGroup is the nodes whose explanation is identical. */
export interface NodeGroup {
  /** Node names; empty when no inventory was given. */
  readonly nodes: readonly string[];
  /** Error findings: the chart will not render or the agent will not start, so nothing below takes effect. */
  readonly refusedBy: readonly string[];
  readonly datapath: readonly DatapathLine[];
}

/** An Item computes one line from the configuration; its fallback applies when one of its rules fires. */
interface Item {
  readonly item: string;
  readonly configured: (model: ConfigModel) => { value: string; setting: Setting } | undefined;
  /** Rules that, when violated, mean Cilium silently falls back, and to what. */
  readonly fallbacks: Readonly<Record<string, string>>;
}

const on = (setting: Setting): boolean => parseGoBool(setting.value ?? '') === true;
const keyed = (model: ConfigModel, key: string, value: (setting: Setting) => string) => {
  const setting = model.setting(key);
  return { value: value(setting), setting };
};
const onOff = (model: ConfigModel, key: string, enabled = 'Enabled') => keyed(model, key, (setting) => (on(setting) ? enabled : 'Disabled'));

const fallingBackTo = (value: string, rules: readonly string[]): Record<string, string> => Object.fromEntries(rules.map((rule) => [rule, value]));
/** Before 1.15 these BPF-masquerading problems make the agent fall back to iptables and legacy host routing. */
const BPF_MASQUERADE_FALLBACKS = ['bpf-masquerade-requires-nodeport', 'bpf-masquerade-needs-remote-node-identity', 'bpf-masquerade-no-egress-masquerade-interfaces', 'bpf-masquerade-tunnel-needs-socket-lb'];

const DISPATCH: Readonly<Record<string, string>> = { opt: 'IP Option/Extension', ipip: 'IPIP', geneve: 'Geneve' };
const ACCELERATION: Readonly<Record<string, string>> = { disabled: 'Disabled', native: 'Native', 'best-effort': 'Best-Effort', 'testing-only': 'Testing-only (generic XDP)' };

/** The lines, in the order `cilium status --verbose` prints them. */
export const ITEMS: readonly Item[] = [
  {
    item: 'Routing',
    configured: (model) => {
      const mode = model.setting('routing-mode');
      if (mode.value === 'native') return { value: 'Native', setting: mode };
      return keyed(model, 'tunnel-protocol', (setting) => `Tunnel [${setting.value ?? 'vxlan'}]`);
    },
    fallbacks: {},
  },
  {
    item: 'KubeProxyReplacement',
    configured: (model) => {
      const full = DERIVED_FACTS['kpr-full'](model).value === 'true';
      return keyed(model, 'kube-proxy-replacement', (setting) => (full ? 'True' : setting.value === 'partial' ? 'Partial' : 'False'));
    },
    fallbacks: {},
  },
  {
    item: 'Host Routing',
    configured: (model) => keyed(model, 'enable-host-legacy-routing', (setting) => (on(setting) ? 'Legacy' : 'BPF')),
    fallbacks: fallingBackTo('Legacy', [
      'bpf-host-routing-requires-kpr', 'bpf-host-routing-requires-bpf-masquerade', 'bpf-host-routing-kernel', 'bpf-host-routing-not-with-ipsec',
      'bpf-host-routing-1-13-fallbacks', 'bbr-requires-bpf-host-routing', ...BPF_MASQUERADE_FALLBACKS,
    ]),
  },
  {
    item: 'Masquerading',
    configured: (model) => {
      const bpf = model.setting('enable-bpf-masquerade');
      if (on(bpf)) return { value: 'BPF', setting: bpf };
      const iptables = DERIVED_FACTS['iptables-masquerading'](model);
      return { value: iptables.value === 'true' ? 'IPTables' : 'Disabled', setting: iptables.evidence[iptables.evidence.length > 1 ? 1 : 0] ?? bpf };
    },
    fallbacks: { ...fallingBackTo('IPTables', BPF_MASQUERADE_FALLBACKS), 'bpf-masquerade-needs-masquerading': 'Disabled' },
  },
  {
    item: 'Load balancing',
    configured: (model) => {
      const nodePort = DERIVED_FACTS['bpf-nodeport'](model);
      if (nodePort.value !== 'true') return { value: 'kube-proxy (no BPF NodePort)', setting: nodePort.evidence[0] ?? model.setting('kube-proxy-replacement') };
      const mode = model.setting('bpf-lb-mode');
      const name = (mode.value ?? 'snat').toUpperCase();
      if (mode.value !== 'dsr' && mode.value !== 'hybrid') return { value: name, setting: mode };
      const dispatch = model.setting('bpf-lb-dsr-dispatch');
      return { value: `${name === 'HYBRID' ? 'Hybrid' : 'DSR'}, dispatch ${DISPATCH[dispatch.value ?? 'opt'] ?? dispatch.value ?? ''}`, setting: mode };
    },
    fallbacks: {},
  },
  {
    item: 'XDP Acceleration',
    configured: (model) => keyed(model, 'bpf-lb-acceleration', (setting) => ACCELERATION[setting.value ?? 'disabled'] ?? setting.value ?? 'Disabled'),
    fallbacks: fallingBackTo('Disabled', ['xdp-ena-mtu', 'xdp-acceleration-needs-bpf-nodeport']),
  },
  {
    item: 'BIG TCP IPv4',
    configured: (model) => onOff(model, 'enable-ipv4-big-tcp'),
    fallbacks: { 'ipv4-big-tcp-kernel': 'Disabled' },
  },
  {
    item: 'BIG TCP IPv6',
    configured: (model) => onOff(model, 'enable-ipv6-big-tcp'),
    fallbacks: { 'ipv6-big-tcp-kernel': 'Disabled' },
  },
  {
    item: 'BandwidthManager',
    configured: (model) => onOff(model, 'enable-bandwidth-manager', 'EDT with BPF'),
    fallbacks: { 'bandwidth-manager-kernel': 'Disabled', 'bandwidth-manager-not-with-ipsec': 'Disabled' },
  },
  {
    item: 'BBR',
    configured: (model) => (on(model.setting('enable-bandwidth-manager')) ? onOff(model, 'enable-bbr') : { value: 'Disabled', setting: model.setting('enable-bandwidth-manager') }),
    fallbacks: { 'bandwidth-manager-kernel': 'Disabled', 'bandwidth-manager-not-with-ipsec': 'Disabled' },
  },
  {
    item: 'Hubble',
    configured: (model) => onOff(model, 'enable-hubble', 'Ok'),
    fallbacks: {},
  },
];

/** Explain one target for each node (or once, without an inventory), grouping nodes with the same lines. */
export function explainTarget(model: ConfigModel, findings: readonly Finding[], nodes: readonly NodeFacts[]): NodeGroup[] {
  const names = nodes.length > 0 ? nodes.map((node) => node.name) : [undefined];
  const groups = new Map<string, { nodes: string[]; group: Omit<NodeGroup, 'nodes'> }>();
  for (const name of names) {
    const mine = findings.filter((finding) => finding.node === undefined || finding.node === name);
    const group = explainNode(model, mine);
    const signature = JSON.stringify(group);
    const existing = groups.get(signature);
    if (existing) existing.nodes.push(...(name ? [name] : []));
    else groups.set(signature, { nodes: name ? [name] : [], group });
  }
  return [...groups.values()].map(({ nodes: members, group }) => ({ nodes: members, ...group }));
}

function explainNode(model: ConfigModel, findings: readonly Finding[]): Omit<NodeGroup, 'nodes'> {
  const refusedBy = findings.filter((finding) => finding.outcome === 'violation' && finding.level === 'error').map((finding) => `${finding.ruleId}: ${finding.message}`);
  const datapath = ITEMS.flatMap((item): DatapathLine[] => {
    const configured = item.configured(model);
    if (!configured) return [];
    const fired = findings.find((finding) => finding.outcome === 'violation' && finding.ruleId in item.fallbacks);
    const fallback = fired && item.fallbacks[fired.ruleId];
    if (fired && fallback !== undefined && configured.value !== fallback) return [{ item: item.item, value: fallback, decidedBy: `${fired.ruleId}: ${fired.message}` }];
    const unsure = findings.find((finding) => finding.outcome === 'not-evaluated' && item.fallbacks[finding.ruleId] !== undefined && item.fallbacks[finding.ruleId] !== configured.value);
    const line: DatapathLine = { item: item.item, value: configured.value, decidedBy: describeSetting(configured.setting) };
    return [unsure ? { ...line, unsure: `${unsure.ruleId}: ${unsure.message}` } : line];
  });
  return { refusedBy: [...new Set(refusedBy)], datapath };
}

/** "routing-mode=native, from routingMode at values.yaml:3", or "…, from the chart default for 1.16". */
function describeSetting(setting: Setting): string {
  const value = `${setting.key}=${shownValue(setting.key, setting.value ?? 'unset')}`;
  const { source } = setting;
  switch (source.kind) {
    case 'file':
      return `${value}, from ${source.name} at ${source.file}:${source.span.line}`;
    case 'set':
      return `${value}, from ${source.flag} ${shownSetText(source.text)}`;
    default:
      return `${value}, from the ${describeSource(source) ?? 'default'}`;
  }
}
