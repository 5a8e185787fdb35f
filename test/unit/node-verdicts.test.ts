// Node rules decide a fleet by its distinct facts, sharing what no node fact decides: never a different verdict than node by node.
import { describe, expect, it } from 'vitest';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PMap } from '../../src/inputs/yaml-tree.js';
import { rules } from '../../src/lint.js';
import type { ConfigModel } from '../../src/model/config-model.js';
import { modelFromConfigMap } from '../../src/model/from-config-map.js';
import { nodeFactsFromApi } from '../../src/nodes/from-api.js';
import type { NodeFacts } from '../../src/nodes/node-facts.js';
import { violation } from '../../src/rules/evaluate.js';
import type { Subject } from '../../src/rules/evaluate.js';
import { nodeVerdicts } from '../../src/rules/node-verdicts.js';
import type { Rule } from '../../src/rules/rule-definition.js';
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

/** What evaluating every node alone gives: the nodes violated, and the nodes not evaluated. */
function alone(rule: Rule, target: ConfigModel, nodes: readonly NodeFacts[]) {
  const truths = nodes.map((node) => violation(rule, { model: target, version, node }).truth);
  return { violating: nodes.filter((_, index) => truths[index] === true), notEvaluated: nodes.filter((_, index) => truths[index] === 'unknown') };
}

const nodesOf = (subjects: readonly Subject[]) => subjects.map((subject) => subject.node);

describe('nodeVerdicts', () => {
  const nodeRules = rules().filter((rule) => rule['for-each'] === 'node');

  it.each(configs.map((data, index) => [index, data] as const))('config %i: every node rule sorts the nodes as evaluating each alone does', (_, data) => {
    const target = model(data);
    for (const rule of nodeRules) {
      const verdicts = nodeVerdicts(rule, target, version, fleet);
      expect({ violating: nodesOf(verdicts.violating), notEvaluated: nodesOf(verdicts.notEvaluated) }, rule.id).toEqual(alone(rule, target, fleet));
      // Each subject is its own node's, so that its finding and its evidence are that node's.
      for (const subject of [...verdicts.violating, ...verdicts.notEvaluated]) expect(violation(rule, subject)).toEqual(violation(rule, { model: target, version, node: subject.node! }));
    }
  });

  it('nodes alike share a verdict, whatever their names: a fleet of copies sorts as its originals', () => {
    const copies = fleet.flatMap((node) => Array.from({ length: 20 }, (_, index) => ({ ...node, name: `${node.name}-${index}` })));
    for (const data of configs) {
      const target = model(data);
      for (const rule of nodeRules) {
        const verdicts = nodeVerdicts(rule, target, version, copies);
        expect({ violating: nodesOf(verdicts.violating), notEvaluated: nodesOf(verdicts.notEvaluated) }, rule.id).toEqual(alone(rule, target, copies));
      }
    }
  });

  it('skips the fleet when `when` rules out every node; else evaluates the shared conditions once for all', () => {
    const bbr = nodeRules.find((rule) => rule.id === 'bbr-kernel')!;
    expect(nodeVerdicts(bbr, model({ 'enable-bandwidth-manager': 'true', 'enable-bbr': 'false' }), version, fleet)).toEqual({ violating: [], notEvaluated: [] });
    const verdicts = nodeVerdicts(bbr, model({ 'enable-bandwidth-manager': 'true', 'enable-bbr': 'true' }), version, fleet);
    expect(verdicts.violating.map((subject) => subject.node?.kernel)).toEqual(['5.15.0-1051-aws', '5.10.205-195.807.amzn2.x86_64', '5.4.0-1103-aws', '5.15.0-1051-aws', '5.10.205-195.807.amzn2.x86_64', '5.4.0-1103-aws', '4.19.0-26-amd64']);
    expect(verdicts.notEvaluated.map((subject) => subject.node?.name)).toEqual(['unparsable', 'bare']);
    // One map for the fleet, holding the `when` and its two config predicates, never a node's kernel.
    const subjects = [...verdicts.violating, ...verdicts.notEvaluated];
    expect(new Set(subjects.map((subject) => subject.shared)).size).toBe(1);
    expect([...(subjects[0]?.shared?.keys() ?? [])]).toHaveLength(3);
  });

  it('no nodes, no verdicts', () => {
    expect(nodeVerdicts(nodeRules[0]!, model({}), version, [])).toEqual({ violating: [], notEvaluated: [] });
  });
});
