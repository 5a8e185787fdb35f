// Combine the nodes the API server listed with an inventory file: facts collected on a node win, node by node.
import type { Inventory, NodeFacts } from './node-facts.js';

/**
 * The inventory to lint with. The API server knows each node's kernel, arch and OS image but not its NICs,
 * sysctls or kernel config, which `cilint inventory collect` gathers; given both, a node's collected facts
 * are laid over its listed ones, and a node only the file names is kept.
 */
export function overlayInventory<T extends Inventory>(listed: readonly NodeFacts[] | undefined, file: T | undefined): Inventory | undefined {
  if (listed === undefined) return file;
  if (file === undefined) return { file: 'cluster', nodes: listed };
  const byName = new Map(file.nodes.map((node) => [node.name, node]));
  const nodes = listed.map((node) => {
    const collected = byName.get(node.name);
    byName.delete(node.name);
    return collected ? { ...node, ...collected } : node;
  });
  return { file: file.file, nodes: [...nodes, ...byName.values()] };
}
