// Apply the baseline: findings it records are suppressed (external), entries it no longer matches are reported for pruning.
import type { Finding, Location } from '../report/finding.js';
import { inputFinding } from '../rules/input-finding.js';
import type { Rule } from '../rules/rule-definition.js';
import { readBaseline, writeBaseline } from './baseline-file.js';
import type { BaselineEntry } from './baseline-file.js';

/** The baseline to use, and whether to rewrite it from this run's findings instead. */
export interface BaselineOptions {
  readonly file: string;
  readonly update: boolean;
}

/** The identity of a finding in a baseline: rule, file, key and node, never the line. */
function identity(entry: Omit<BaselineEntry, 'count'>): string {
  return [entry.rule, entry.file ?? '', entry.key ?? '', entry.node ?? ''].join('\u0000');
}

function entryOf(finding: Finding): Omit<BaselineEntry, 'count'> {
  return {
    rule: finding.ruleId,
    ...(finding.location ? { file: finding.location.file } : {}),
    ...(finding.key === undefined ? {} : { key: finding.key }),
    ...(finding.node === undefined ? {} : { node: finding.node }),
  };
}

/**
 * With `update`, write every unsuppressed finding to the baseline (which prunes what is gone) and mark
 * them accepted; otherwise suppress the findings it records and report the entries left unmatched.
 */
export function applyBaseline(findings: readonly Finding[], options: BaselineOptions, rules: readonly Rule[]): Finding[] {
  const accepted = (finding: Finding): Finding => ({ ...finding, suppression: { kind: 'external', justification: `accepted in the baseline ${options.file}` } });
  if (options.update) {
    const counts = new Map<string, BaselineEntry>();
    for (const finding of findings) {
      if (finding.suppression) continue;
      const entry = entryOf(finding);
      const seen = counts.get(identity(entry));
      counts.set(identity(entry), { ...entry, count: (seen?.count ?? 0) + 1 });
    }
    writeBaseline(options.file, [...counts.values()]);
    return findings.map((finding) => (finding.suppression ? finding : accepted(finding)));
  }
  const baseline = readBaseline(options.file);
  const remaining = new Map(baseline.entries.map((entry) => [identity(entry), { entry, left: entry.count }]));
  const marked = findings.map((finding) => {
    const slot = finding.suppression ? undefined : remaining.get(identity(entryOf(finding)));
    if (!slot || slot.left === 0) return finding;
    slot.left--;
    return accepted(finding);
  });
  const stale = [...remaining.values()].filter((slot) => slot.left > 0).flatMap(({ entry, left }) => {
    const location: Location = { file: baseline.path, line: entry.line, column: 1, endLine: entry.line, endColumn: 1 };
    const values = { rule: entry.rule, file: entry.file ?? '(no file)', key: entry.key ?? '(no key)', recorded: String(entry.count), found: String(entry.count - left) };
    const finding = inputFinding(rules, 'baseline-entry-unused', values, location, `${entry.rule} ${entry.file ?? ''} ${entry.key ?? ''} ${entry.node ?? ''}`.trim());
    return finding ? [finding] : [];
  });
  return [...marked, ...stale];
}
