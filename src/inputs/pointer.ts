// Map a JSON pointer (from a schema error) back to the line of a parsed YAML file.
import type { PNode, Span } from './yaml-tree.js';

/** The span of the deepest key or item a JSON pointer reaches in a tree (the root's when none). */
export function spanAtPointer(root: PNode | undefined, pointer: string): Span | undefined {
  let node = root;
  let span = root?.span;
  const segments = pointer === '' ? [] : pointer.slice(1).split('/').map((s) => s.replace(/~1/g, '/').replace(/~0/g, '~'));
  for (const segment of segments) {
    if (!node) break;
    if (node.kind === 'map') {
      const entry = node.entries.get(segment);
      if (!entry) break;
      span = entry.span;
      node = entry.value;
    } else if (node.kind === 'seq') {
      const item = node.items[Number(segment)];
      if (!item) break;
      span = item.span;
      node = item;
    } else break;
  }
  return span;
}
