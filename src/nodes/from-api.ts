// Node facts from the Node objects the API server lists (live mode), as the kubectl NodeList reader gives them.
import type { V1Node } from '@kubernetes/client-node';
import { providerOf } from './load-inventory.js';
import type { NodeFacts } from './node-facts.js';

/** The resource name a live node finding is located at: `node/<name>`. */
export function nodeResource(name: string): string {
  return `node/${name}`;
}

/**
 * The facts a Node gives: kernel, arch, OS image, provider and pod CIDRs, and labels. There is no file, so
 * the location is the node's resource name, which live mode turns back into a resource location.
 */
export function nodeFactsFromApi(node: V1Node): NodeFacts | undefined {
  const name = node.metadata?.name;
  if (!name) return undefined;
  const info = node.status?.nodeInfo;
  const podCIDRs = node.spec?.podCIDRs ?? (node.spec?.podCIDR ? [node.spec.podCIDR] : undefined);
  const facts: Record<string, unknown> = {
    name,
    kernel: info?.kernelVersion,
    arch: info?.architecture,
    osImage: info?.osImage,
    provider: providerOf(node.spec?.providerID),
    podCIDRs,
    labels: node.metadata?.labels,
    location: { file: nodeResource(name), span: { line: 1, column: 1, endLine: 1, endColumn: 1 } },
  };
  // A fact the Node does not give is left out, never set to undefined (NodeFacts' optional fields).
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined && value !== '')) as unknown as NodeFacts;
}
