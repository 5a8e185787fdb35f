// Build the finding of an input rule (a check the readers or the suppression layers raise) from its rule file.
import type { Finding, Location } from '../report/finding.js';
import { renderInputMessage } from './message.js';
import type { InputCheck, Rule } from './rule-definition.js';

/** The finding, or undefined when no loaded rule declares the check (a rule removed from rules/ raises nothing). */
export function inputFinding(rules: readonly Rule[], check: InputCheck, values: Readonly<Record<string, string>>, location: Location | undefined, key: string | undefined): Finding | undefined {
  const rule = rules.find((candidate) => candidate.check === check);
  if (!rule) return undefined;
  return { ruleId: rule.id, level: rule.level, outcome: 'violation', message: renderInputMessage(rule.message, values), location, key, related: [], node: undefined };
}
