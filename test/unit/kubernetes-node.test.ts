// A Node from a kubectl NodeList file and the same Node from the API server give the same facts: one reader serves both.
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import { nodeFactsFromApi } from '../../src/nodes/from-api.js';
import { inventoryFromFile } from '../../src/nodes/load-inventory.js';
import type { NodeFacts } from '../../src/nodes/node-facts.js';
import { node, realisticNode } from '../support/fake-kube-api.mjs';

/** Nodes as real clusters have them, and the odd shapes: no pod CIDR list, no labels, empty and missing facts. */
const NODES: object[] = [
  ...Array.from({ length: 6 }, (_, index) => realisticNode(index)),
  node('gke-node', '6.1.85+', { providerID: 'gce://project/europe-west1-b/gke-node', podCIDR: '10.4.0.0/24' }),
  { kind: 'Node', apiVersion: 'v1', metadata: { name: 'podcidr-only' }, spec: { podCIDR: '10.9.0.0/24', providerID: 'azure:///subscriptions/x/vm-1' }, status: { nodeInfo: { kernelVersion: '5.15.0-1064-azure', architecture: 'amd64', osImage: '' } } },
  { kind: 'Node', apiVersion: 'v1', metadata: { name: 'control-plane', labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/os': 'linux' } }, spec: { podCIDRs: [] }, status: { nodeInfo: { kernelVersion: '', architecture: 'arm64' } } },
  { kind: 'Node', apiVersion: 'v1', metadata: { name: 'registering' } },
];

/** The facts without their location, which differs by route (a file line, or node/<name>). */
const facts = (nodes: readonly NodeFacts[]) => nodes.map(({ location: _, ...rest }) => rest);

/** The facts of the NodeList file, read as `cilint lint --nodes` reads it. */
function fromFile(path: string, text: string): NodeFacts[] {
  return [...inventoryFromFile(parseYamlFile(path, text)).nodes];
}

/** The facts of the Nodes as the API server sends them (JSON, so no object identity is shared with the file's). */
function fromApi(nodes: readonly object[]): NodeFacts[] {
  return nodes.map((item) => nodeFactsFromApi(JSON.parse(JSON.stringify(item)))!);
}

describe('one reader for Kubernetes Node objects', () => {
  const list = { apiVersion: 'v1', kind: 'List', items: NODES, metadata: { resourceVersion: '' } };

  it('kubectl get nodes -o yaml and the API server give the same facts', () => {
    expect(facts(fromFile('nodes.yaml', stringify(list)))).toEqual(facts(fromApi(NODES)));
  });

  it('kubectl get nodes -o json (a NodeList) too', () => {
    expect(facts(fromFile('nodes.json', JSON.stringify({ ...list, kind: 'NodeList' }, null, 4)))).toEqual(facts(fromApi(NODES)));
  });

  it('reads what a real Node says, and leaves out what it does not', () => {
    const [realistic, , , , , , gke, podcidrOnly, controlPlane, registering] = fromApi(NODES);
    expect(realistic).toMatchObject({
      name: 'ip-10-16-0-0.eu-west-1.compute.internal',
      kernel: '5.15.0-1051-aws',
      arch: 'amd64',
      osImage: 'Ubuntu 22.04.4 LTS',
      provider: 'aws',
      podCIDRs: ['10.128.0.0/24'],
      labels: expect.objectContaining({ 'kubernetes.io/arch': 'amd64', 'node.kubernetes.io/instance-type': 'm5.2xlarge' }),
    });
    expect(gke).toMatchObject({ provider: 'gcp', podCIDRs: ['10.4.0.0/24'] });
    expect(podcidrOnly).toEqual({ name: 'podcidr-only', kernel: '5.15.0-1064-azure', arch: 'amd64', provider: 'azure', podCIDRs: ['10.9.0.0/24'], location: expect.anything() });
    // An empty label value is a label; an empty kernel or pod CIDR list is no fact at all.
    expect(controlPlane).toEqual({ name: 'control-plane', arch: 'arm64', labels: { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/os': 'linux' }, location: expect.anything() });
    expect(registering).toEqual({ name: 'registering', location: expect.anything() });
  });

  it('each route locates a node its own way: the item in the file, the resource in the cluster', () => {
    const file = fromFile('nodes.json', JSON.stringify(list, null, 2));
    expect(file[1]?.location).toMatchObject({ file: 'nodes.json', span: { line: expect.any(Number) } });
    expect(file.map((item) => item.location.span.line)).toEqual([...file.map((item) => item.location.span.line)].sort((a, b) => a - b));
    expect(fromApi(NODES)[1]?.location).toEqual({ file: 'node/ip-10-16-0-1.eu-west-1.compute.internal', span: { line: 1, column: 1, endLine: 1, endColumn: 1 } });
  });

  it('a Node without a name: the file is refused at its line, the listed one is left out', () => {
    const nameless = { kind: 'Node', apiVersion: 'v1', metadata: { labels: { a: 'b' } }, status: {} };
    expect(() => fromFile('nodes.yaml', stringify({ ...list, items: [NODES[6], nameless] }))).toThrow(/^nodes\.yaml:\d+: a Node without metadata\.name$/);
    expect(nodeFactsFromApi(nameless)).toBeUndefined();
  });
});
