// cilint explain: the effective datapath per group of identical nodes, each line with what decided it.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ITEMS } from '../../src/explain/datapath.js';
import { explain } from '../../src/explain/explain.js';
import { formatExplanation } from '../../src/explain/format.js';
import { rules } from '../../src/lint.js';
import { parseCiliumVersion } from '../../src/version.js';
import type { CiliumVersion } from '../../src/version.js';

const dir = mkdtempSync(join(tmpdir(), 'cilint-explain-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};
const run = (values: string, nodes: string | undefined, version = '1.16') =>
  explain({ files: [file('values.yaml', values)], values: [], sets: [], configMaps: [], nodes: nodes && file('nodes.yaml', nodes), version: parseCiliumVersion(version) as CiliumVersion });

const TUNED = 'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nkubeProxyReplacement: "true"\nbpf:\n  masquerade: true\nenableIPv6BIGTCP: true\n';
const FLEET = 'nodes:\n  - { name: a, kernel: 6.1.0 }\n  - { name: b, kernel: 6.1.0 }\n  - { name: old, kernel: 5.4.0 }\n  - { name: blind }\n';

describe('explain', () => {
  it('groups identical nodes and names the setting behind each line', () => {
    const [target] = run(TUNED, FLEET).targets;
    const groups = target?.groups ?? [];
    expect(groups.map((group) => group.nodes)).toEqual([['a', 'b'], ['old'], ['blind']]);
    const line = (group: number, item: string) => groups[group]?.datapath.find((l) => l.item === item);
    expect(line(0, 'Routing')).toMatchObject({ value: 'Native', decidedBy: expect.stringMatching(/^routing-mode=native, from routingMode at .*values\.yaml:1$/) });
    expect(line(0, 'Host Routing')).toMatchObject({ value: 'BPF' });
    expect(line(0, 'BIG TCP IPv6')).toMatchObject({ value: 'Enabled' });
    expect(line(0, 'XDP Acceleration')).toMatchObject({ value: 'Disabled', decidedBy: 'bpf-lb-acceleration=disabled, from the chart default for 1.16' });
  });

  it('shows the fallback and the rule that caused it on an old kernel', () => {
    const old = run(TUNED, FLEET).targets[0]?.groups[1];
    expect(old?.datapath.find((l) => l.item === 'Host Routing')).toMatchObject({ value: 'Legacy', decidedBy: expect.stringMatching(/^bpf-host-routing-kernel: /) });
    expect(old?.datapath.find((l) => l.item === 'BIG TCP IPv6')).toMatchObject({ value: 'Disabled', decidedBy: expect.stringMatching(/^ipv6-big-tcp-kernel: /) });
  });

  it('says when a node lacks the facts to know', () => {
    const blind = run(TUNED, FLEET).targets[0]?.groups[2];
    expect(blind?.datapath.find((l) => l.item === 'Host Routing')).toMatchObject({ value: 'BPF', unsure: expect.stringMatching(/^bpf-host-routing-kernel: Not evaluated/) });
  });

  it('puts the refusals first when Cilium will not take the configuration', () => {
    const text = formatExplanation(run('kubeProxyReplacement: strict\n', undefined), 'text');
    expect(text).toMatch(/every node \(no inventory given: node facts unknown\)\n {4}Cilium refuses this configuration.*\n {6}✖ kpr-valid-values: /);
    expect(text).toMatch(/ {4}KubeProxyReplacement: +False +kube-proxy-replacement=strict, from kubeProxyReplacement at /);
  });

  it('reports tunnel routing with its protocol and DSR with its dispatch', () => {
    const groups = run('kubeProxyReplacement: "true"\ntunnelProtocol: geneve\nloadBalancer:\n  mode: dsr\n  dsrDispatch: geneve\n', undefined).targets[0]?.groups;
    expect(groups?.[0]?.datapath.find((l) => l.item === 'Routing')?.value).toBe('Tunnel [geneve]');
    expect(groups?.[0]?.datapath.find((l) => l.item === 'Load balancing')?.value).toBe('DSR, dispatch Geneve');
  });

  it('shows 1.14 falling back to iptables masquerading and legacy host routing without BPF NodePort', () => {
    const lines = run('tunnel: disabled\nipv4NativeRoutingCIDR: 10.0.0.0/8\nkubeProxyReplacement: "false"\nbpf:\n  masquerade: true\n', undefined, '1.14').targets[0]?.groups[0]?.datapath;
    expect(lines?.find((l) => l.item === 'Masquerading')).toMatchObject({ value: 'IPTables', decidedBy: expect.stringMatching(/^bpf-masquerade-requires-nodeport: /) });
    expect(lines?.find((l) => l.item === 'Host Routing')?.value).toBe('Legacy');
  });

  it('only names rules that exist', () => {
    const ids = new Set(rules().map((rule) => rule.id));
    for (const item of ITEMS) for (const id of Object.keys(item.fallbacks)) expect(ids, id).toContain(id);
  });
});
