// Node facts from the Node objects the API server lists (live mode), through the same reader as a kubectl NodeList file.
import { kubernetesNodeFacts } from './kubernetes-node.js';
import type { NodeFacts } from './node-facts.js';

/** The resource name a live node finding is located at: `node/<name>`. */
export function nodeResource(name: string): string {
  return `node/${name}`;
}

/**
 * The facts a listed Node gives (its JSON as the API server sent it). There is no file, so the location
 * is the node's resource name, which live mode turns back into a resource location.
 */
export function nodeFactsFromApi(node: unknown): NodeFacts | undefined {
  return kubernetesNodeFacts(node, (name) => ({ file: nodeResource(name), span: { line: 1, column: 1, endLine: 1, endColumn: 1 } }));
}
