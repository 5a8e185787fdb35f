// An inventory document as `cilint inventory` prints it: cilint's format, `nodes:` and the entries, in YAML or JSON.
import { yamlLibrary } from '../inputs/yaml-library.js';

/** The document for some entries. YAML 1.1 quotes y and n, which Helm-era readers take for booleans. */
export function inventoryDocument(nodes: readonly object[], format: 'yaml' | 'json'): string {
  if (format === 'json') return `${JSON.stringify({ nodes }, null, 2)}\n`;
  return `# yaml-language-server: $schema=https://cilint.dev/schemas/inventory.schema.json\n${yamlLibrary().stringify({ nodes }, { version: '1.1', lineWidth: 0 })}`;
}
