// The explanation as text (aligned, like `cilium status --verbose`) or as JSON.
import type { NodeGroup } from './datapath.js';

/** An Explanation is every target's node groups. */
export interface Explanation {
  readonly toolVersion: string;
  readonly ciliumVersion: string;
  readonly targets: readonly { readonly kind: string; readonly files: readonly string[]; readonly groups: readonly NodeGroup[] }[];
}

export const EXPLAIN_FORMATS = ['text', 'json'] as const;
export type ExplainFormat = (typeof EXPLAIN_FORMATS)[number];

export function formatExplanation(explanation: Explanation, format: ExplainFormat): string {
  if (format === 'json') return `${JSON.stringify(explanation, null, 2)}\n`;
  const out: string[] = [];
  for (const target of explanation.targets) {
    out.push(`${target.files.join(' + ')} (Cilium ${explanation.ciliumVersion})`);
    for (const group of target.groups) {
      out.push(group.nodes.length > 0 ? `  ${group.nodes.length === 1 ? 'node' : `${group.nodes.length} nodes`}: ${group.nodes.join(', ')}` : '  every node (no inventory given: node facts unknown)');
      if (group.refusedBy.length > 0) {
        out.push('    Cilium refuses this configuration, so none of the lines below takes effect:');
        for (const reason of group.refusedBy) out.push(`      ✖ ${reason}`);
      }
      const itemWidth = Math.max(...group.datapath.map((line) => line.item.length)) + 1;
      const valueWidth = Math.max(...group.datapath.map((line) => line.value.length));
      for (const line of group.datapath) {
        out.push(`    ${`${line.item}:`.padEnd(itemWidth)}  ${line.value.padEnd(valueWidth)}  ${line.decidedBy}`);
        if (line.unsure) out.push(`    ${''.padEnd(itemWidth + valueWidth + 2)}  ? unless ${line.unsure}`);
      }
    }
    out.push('');
  }
  return out.join('\n');
}
