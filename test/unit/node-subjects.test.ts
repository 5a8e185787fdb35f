// Node rules share what no node fact decides, and skip a fleet their `when` rules out: never a different verdict.
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PMap } from '../../src/inputs/yaml-tree.js';
import { rules } from '../../src/lint.js';
import { modelFromConfigMap } from '../../src/model/from-config-map.js';
import { nodeFactsFromApi } from '../../src/nodes/from-api.js';
import type { NodeFacts } from '../../src/nodes/node-facts.js';
import { violation } from '../../src/rules/evaluate.js';
import { nodeSubjects } from '../../src/rules/node-subjects.js';
import { parseCiliumVersion } from '../../src/version.js';
import { realisticNode } from '../support/fake-kube-api.mjs';

const version = parseCiliumVersion('1.16.5')!;
const location = { file: 'nodes.yaml', span: { line: 1, column: 1, endLine: 1, endColumn: 1 } };

/** Nodes as the API server lists them, and nodes as `inventory collect` describes them, some lacking facts. */
const fleet: NodeFacts[] = [
  ...Array.from({ length: 12 }, (_, index) => nodeFactsFromApi(realisticNode(index))!),
  { name: 'collected', kernel: '6.1.0-18-amd64', arch: 'amd64', provider: 'aws', interfaces: [{ name: 'eth0', driver: 'ena', mtu: 9001 }, { name: 'eth1', driver: 'mlx5_core', mtu: 1500 }], sysctls: { 'net.ipv4.ip_local_port_range': '30000 60999', 'net.ipv4.ip_local_reserved_ports': '' }, kernelConfig: { CONFIG_PREEMPT_NONE: 'y' }, tuned: 'balanced', cpuGovernor: 'powersave', irqbalance: true, podCIDRs: ['192.168.0.0/24'], location },
  { name: 'ancient', kernel: '4.19.0-26-amd64', interfaces: [{ name: 'eth0', driver: 'virtio_net', mtu: 1450 }], location },
  { name: 'unparsable', kernel: 'custom', location },
  { name: 'bare', location },
];

/** cilium-config data that turn the node rules' `when` on and off. */
const configs: Record<string, string>[] = [
  {},
  { 'routing-mode': 'native', 'ipv4-native-routing-cidr': '10.0.0.0/8', 'kube-proxy-replacement': 'true', 'bpf-lb-acceleration': 'native', 'enable-bandwidth-manager': 'true', 'enable-bbr': 'true', 'enable-ipv4-big-tcp': 'true', mtu: '9001', 'node-port-range': '30000,32767' },
  { 'routing-mode': 'tunnel', 'kube-proxy-replacement': 'false', 'enable-bandwidth-manager': 'true', 'enable-bbr': 'false', 'enable-ipv6': 'true', 'enable-ipv6-big-tcp': 'true', 'bpf-lb-mode': 'dsr', 'bpf-lb-dsr-dispatch': 'opt', mtu: '1500' },
  { 'routing-mode': 'native', 'ipv4-native-routing-cidr': '10.128.0.0/9', 'enable-host-legacy-routing': 'false', 'enable-bpf-masquerade': 'true', 'datapath-mode': 'netkit', mtu: '${MTU}' },
];

function model(data: Record<string, string>) {
  return modelFromConfigMap(parseYamlFile('cm.yaml', JSON.stringify(data)).documents[0]?.root as PMap, 'cm.yaml', version.minor);
}

describe('nodeSubjects', () => {
  const nodeRules = rules().filter((rule) => rule['for-each'] === 'node');

  it.each(configs.map((data, index) => [index, data] as const))('config %i: every node rule gives each node the verdict it gets alone', (_, data) => {
    const target = model(data);
    for (const rule of nodeRules) {
      const alone = fleet.map((node) => violation(rule, { model: target, version, node }));
      const subjects = nodeSubjects(rule, target, version, fleet);
      if (subjects.length === 0) {
        // Skipped: then no node would have had a finding or a note.
        expect(alone.map((outcome) => outcome.truth), rule.id).toEqual(fleet.map(() => false));
      } else {
        expect(subjects.map((subject) => subject.node)).toEqual(fleet);
        expect(subjects.map((subject) => violation(rule, subject)), rule.id).toEqual(alone);
      }
    }
  });

  it('skips the fleet only when `when` rules out every node, and then evaluates the shared conditions once', () => {
    const bbr = nodeRules.find((rule) => rule.id === 'bbr-kernel')!;
    expect(nodeSubjects(bbr, model({ 'enable-bandwidth-manager': 'true', 'enable-bbr': 'false' }), version, fleet)).toEqual([]);
    const subjects = nodeSubjects(bbr, model({ 'enable-bandwidth-manager': 'true', 'enable-bbr': 'true' }), version, fleet);
    expect(subjects).toHaveLength(fleet.length);
    subjects.forEach((subject) => violation(bbr, subject));
    // One map for the fleet, holding the `when` and its two config predicates, never a node's kernel.
    expect(new Set(subjects.map((subject) => subject.shared)).size).toBe(1);
    expect([...(subjects[0]?.shared?.keys() ?? [])]).toHaveLength(3);
  });

  it('no nodes, no subjects', () => {
    expect(nodeSubjects(nodeRules[0]!, model({}), version, [])).toEqual([]);
  });
});
