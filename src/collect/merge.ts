// cilint inventory merge: combine per-node inventory files (what `inventory collect` prints) into one.
import { InputError } from '../errors.js';
import { readTextFile } from '../inputs/read-text.js';
import { parseYamlFile, toPlain } from '../inputs/yaml-tree.js';
import { inventoryFromFile } from '../nodes/load-inventory.js';

/**
 * The nodes of every file, in the order given. Each file is checked against the inventory schema first (the
 * error names its line); a node named in two files is an error rather than a silent choice between them.
 */
export function mergeInventories(files: readonly string[], maxFileBytes?: number): Record<string, unknown>[] {
  const seen = new Map<string, string>();
  const merged: Record<string, unknown>[] = [];
  for (const file of files) {
    const text = readTextFile(file, maxFileBytes);
    const parsed = parseYamlFile(text.path, text.text);
    inventoryFromFile(parsed);
    for (const document of parsed.documents) {
      const data = toPlain(document.root) as { nodes?: Record<string, unknown>[] } | null;
      if (data === null) continue;
      if (!Array.isArray(data.nodes)) throw new InputError(parsed.path, "not cilint's inventory format (a `nodes` list): merge takes what inventory collect prints", document.root?.span.line);
      for (const node of data.nodes) {
        const name = String(node['name']);
        const earlier = seen.get(name);
        if (earlier !== undefined) throw new InputError(parsed.path, `node ${name} is also in ${earlier}: collect it once, or drop one of the files`);
        seen.set(name, parsed.path);
        merged.push(node);
      }
    }
  }
  return merged;
}
