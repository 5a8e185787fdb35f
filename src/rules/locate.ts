// Choose where a finding points: the first key the user wrote; every other key or node becomes related.
import { shownValue } from '../redact.js';
import { describeSource, isExplicit } from '../model/setting.js';
import type { SettingSource } from '../model/setting.js';
import type { Location, RelatedLocation } from '../report/finding.js';
import type { Evidence } from './evaluate.js';

/** The primary location (undefined when no involved key is written in a file), its key, and the related locations. */
export interface Placement {
  readonly location: Location | undefined;
  readonly key: string | undefined;
  readonly related: RelatedLocation[];
}

/** Place a finding from its evidence, in the order the rule's conditions read it. */
export function placeFinding(evidence: readonly Evidence[]): Placement {
  const items = dedupe(evidence.map(describeEvidence));
  const primary = items.find((item) => item.writtenIn !== undefined);
  const related = items
    .filter((item) => item !== primary)
    .map((item): RelatedLocation => (item.location ? { message: item.text, location: item.location } : { message: item.text }));
  // Without a key written in a file, a --set key still names the finding (for stable fingerprints).
  const named = primary ?? items.find((item) => item.explicit);
  return { location: primary?.writtenIn, key: named?.key, related };
}

/** The fallback location: line 1 of a target's first file. */
export function firstLine(file: string): Location {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1 };
}

interface Described {
  readonly id: string;
  readonly key: string;
  readonly text: string;
  readonly location: Location | undefined;
  /** Set only for values the user wrote in a file. */
  readonly writtenIn: Location | undefined;
  /** True for values the user set, in a file or with --set. */
  readonly explicit: boolean;
}

function describeEvidence(item: Evidence): Described {
  if (item.kind === 'node') {
    const { file, span } = item.node.location;
    const location = { file, ...span };
    return { id: `node:${item.node.name}`, key: `node:${item.node.name}`, text: `node ${item.node.name}`, location, writtenIn: undefined, explicit: false };
  }
  const source: SettingSource = item.kind === 'setting' ? item.setting.source : item.value.source;
  const shown = shownValue(source.name, item.kind === 'setting' ? item.setting.value ?? 'unset' : String(item.value.value ?? 'unset'));
  const note = describeSource(source);
  const text = `${source.name}: ${shown}${note ? ` (${note})` : ''}`;
  const location = source.kind === 'file' ? { file: source.file, ...source.span } : undefined;
  return { id: `${source.kind}:${source.name}`, key: source.name, text, location, writtenIn: location, explicit: isExplicit(source) };
}

function dedupe(items: readonly Described[]): Described[] {
  const seen = new Set<string>();
  return items.filter((item) => !seen.has(item.id) && seen.add(item.id));
}
