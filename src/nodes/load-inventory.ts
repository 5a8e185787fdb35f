// Read a node inventory: cilint's own format, or a NodeList / List of Node as kubectl prints it.
import { InputError } from '../errors.js';
import { validateInventory } from '../generated/validate-inventory.cjs';
import { spanAtPointer } from '../inputs/pointer.js';
import type { PNode, YamlFile } from '../inputs/yaml-tree.js';
import { lookup, toPlain } from '../inputs/yaml-tree.js';
import { kubernetesNodeFacts } from './kubernetes-node.js';
import type { Inventory, NodeFacts, NodeInterface } from './node-facts.js';

/** Turn a parsed inventory file into node facts; a file of the wrong shape is an InputError at its line. */
export function inventoryFromFile(file: YamlFile): Inventory {
  const roots = file.documents.flatMap((document) => (document.root ? [document.root] : []));
  if (roots.length === 0) throw new InputError(file.path, 'the node inventory is empty');
  return { file: file.path, nodes: roots.flatMap((root) => nodesOf(file.path, root)) };
}

/** The nodes one document gives: a NodeList or List of Node, one Node, or cilint's `nodes:` format. */
function nodesOf(path: string, root: PNode): NodeFacts[] {
  if (root.kind !== 'map') throw new InputError(path, 'a node inventory must be a mapping with a `nodes` list, or a NodeList', root.span.line);
  const kind = kindOf(root);
  if (kind === 'NodeList' || kind === 'List') return kubernetesNodes(path, lookup(root, ['items']));
  if (kind === 'Node') return [kubernetesNode(path, root)];
  if (kind !== undefined) throw new InputError(path, `a ${kind} is not a node inventory (expected a NodeList, a List of Node, or cilint's format)`, root.span.line);
  return cilintNodes(path, root);
}

function kindOf(node: PNode): string | undefined {
  const kind = lookup(node, ['kind']);
  return kind?.kind === 'scalar' && typeof kind.value === 'string' ? kind.value : undefined;
}

function cilintNodes(path: string, root: PNode): NodeFacts[] {
  const data = toPlain(root);
  if (!validateInventory(data)) {
    const problem = validateInventory.errors?.[0];
    const pointer = problem?.instancePath ?? '';
    const detail = problem?.keyword === 'additionalProperties'
      ? `unknown field "${String(problem.params['additionalProperty'])}"`
      : `${pointer || 'the inventory'} ${problem?.message ?? 'does not match schemas/inventory.schema.json'}`;
    throw new InputError(path, `invalid node inventory: ${detail}`, spanAtPointer(root, pointer)?.line);
  }
  const items = lookup(root, ['nodes']);
  const nodes = (data as { nodes: Record<string, unknown>[] }).nodes;
  return nodes.map((node, index) => {
    const span = items?.kind === 'seq' ? (items.items[index]?.span ?? root.span) : root.span;
    return withoutUndefined({
      name: String(node['name']),
      kernel: node['kernel'] as string | undefined,
      arch: node['arch'] as string | undefined,
      provider: node['provider'] as string | undefined,
      osImage: node['osImage'] as string | undefined,
      interfaces: node['interfaces'] as NodeInterface[] | undefined,
      sysctls: stringRecord(node['sysctls']),
      kernelConfig: stringRecord(node['kernelConfig']),
      tuned: node['tuned'] as string | undefined,
      cpuGovernor: node['cpuGovernor'] as string | undefined,
      irqbalance: node['irqbalance'] as boolean | undefined,
      podCIDRs: node['podCIDRs'] as string[] | undefined,
      labels: node['labels'] as Record<string, string> | undefined,
      location: { file: path, span },
    });
  });
}

function kubernetesNodes(path: string, items: PNode | undefined): NodeFacts[] {
  if (items === undefined) return [];
  if (items.kind !== 'seq') throw new InputError(path, '`items` of a NodeList must be a list', items.span.line);
  return items.items.map((item) => {
    const kind = kindOf(item);
    if (kind !== undefined && kind !== 'Node') throw new InputError(path, `the List holds a ${kind}, not a Node`, item.span.line);
    return kubernetesNode(path, item);
  });
}

/** One Node of a kubectl NodeList: the reader the API server's Nodes go through too, at the item's line. */
function kubernetesNode(path: string, node: PNode): NodeFacts {
  const facts = kubernetesNodeFacts(toPlain(node), () => ({ file: path, span: node.span }));
  if (!facts) throw new InputError(path, 'a Node without metadata.name', node.span.line);
  return facts;
}

function stringRecord(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const out = Object.create(null) as Record<string, string>;
  for (const [key, item] of Object.entries(value)) out[key] = String(item);
  return out;
}

/** Drop the facts the input does not give, so that a missing fact is absent rather than undefined. */
function withoutUndefined(value: { readonly [K in keyof NodeFacts]?: NodeFacts[K] | undefined } & Pick<NodeFacts, 'name' | 'location'>): NodeFacts {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as unknown as NodeFacts;
}
