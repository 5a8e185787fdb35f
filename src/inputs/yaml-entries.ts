// Add a key to a mapping being built, the way Helm and kubectl resolve a key written twice: the later one wins.
import type { DuplicateKey, PEntry } from './yaml-tree.js';

/**
 * Set entry in entries. A key already there is recorded in duplicates (with both places) and moved to the end,
 * so that document order follows the value that wins.
 */
export function addEntry(entries: Map<string, PEntry>, entry: PEntry, path: readonly (string | number)[], duplicates: DuplicateKey[]): void {
  const earlier = entries.get(entry.key);
  if (earlier) {
    duplicates.push({ path: [...path, entry.key], first: earlier.span, second: entry.span });
    entries.delete(entry.key);
  }
  entries.set(entry.key, entry);
}
