// Tell what a YAML file holds: a cilium-config ConfigMap (alone, in a List, or among other documents) or Helm values.
import { InputError } from '../errors.js';
import type { PMap, PNode, Span, YamlFile } from './yaml-tree.js';
import { lookup } from './yaml-tree.js';

/** A SkippedDocument is a document of a file that cilint did not lint, with what it was. */
export interface SkippedDocument {
  readonly index: number;
  readonly kind: string;
  readonly span: Span;
}

/** A ConfigMapMatch is the cilium-config ConfigMap found in a file: its data mapping and its position. */
export interface ConfigMapMatch {
  readonly data: PMap | undefined;
  readonly span: Span;
  readonly skipped: readonly SkippedDocument[];
}

/** Find the cilium-config ConfigMap in a file; undefined when there is none. */
export function findCiliumConfig(file: YamlFile): ConfigMapMatch | undefined {
  let found: { data: PMap | undefined; span: Span } | undefined;
  const skipped: SkippedDocument[] = [];
  file.documents.forEach((document, index) => {
    const root = document.root;
    if (!root) return;
    const inDocument = found ? undefined : findInObject(file.path, root);
    if (inDocument) found = inDocument;
    else skipped.push({ index, kind: describeKind(root), span: root.span });
  });
  return found ? { ...found, skipped } : undefined;
}

function findInObject(path: string, root: PNode): { data: PMap | undefined; span: Span } | undefined {
  if (isCiliumConfig(root)) return { data: dataOf(path, root), span: root.span };
  if (text(lookup(root, ['kind'])) === 'List') {
    const items = lookup(root, ['items']);
    if (items?.kind === 'seq') {
      const match = items.items.find(isCiliumConfig);
      if (match) return { data: dataOf(path, match), span: match.span };
    }
  }
  return undefined;
}

/** A ConfigMap's data: a mapping, or nothing at all; anything else the API server would refuse. */
function dataOf(path: string, configMap: PNode): PMap | undefined {
  const data = lookup(configMap, ['data']);
  if (data === undefined || (data.kind === 'scalar' && data.value === null)) return undefined;
  if (data.kind !== 'map') throw new InputError(path, 'the data of a ConfigMap must be a mapping of keys to strings', data.span.line, data.span.column);
  return data;
}

function isCiliumConfig(node: PNode): boolean {
  return text(lookup(node, ['kind'])) === 'ConfigMap' && text(lookup(node, ['metadata', 'name'])) === 'cilium-config';
}

/** "ConfigMap cilium-envoy-config", "Deployment", or "a document without a kind". */
export function describeKind(node: PNode): string {
  const kind = text(lookup(node, ['kind']));
  const name = text(lookup(node, ['metadata', 'name']));
  if (!kind) return 'a document without a kind';
  return name ? `${kind} ${name}` : kind;
}

function text(node: PNode | undefined): string | undefined {
  return node?.kind === 'scalar' && typeof node.value === 'string' ? node.value : undefined;
}

