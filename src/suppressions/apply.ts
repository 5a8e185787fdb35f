// Apply cilint-disable directives: mark the findings they cover as suppressed, and report directives that are wrong or idle.
import { readTextFile } from '../inputs/read-text.js';
import type { Finding, Location } from '../report/finding.js';
import { inputFinding } from '../rules/input-finding.js';
import type { Rule } from '../rules/rule-definition.js';
import { findDirectives } from './directives.js';
import type { Directive } from './directives.js';

/** How directives are read: whether a reason is required, and the rules that exist. */
export interface SuppressionOptions {
  readonly requireReason: boolean;
  readonly rules: readonly Rule[];
  readonly maxFileBytes?: number | undefined;
}

/**
 * The findings with those a directive covers marked suppressed (they stay in the report, as ESLint's
 * suppressedMessages and SARIF's suppressions do), followed by the findings about the directives themselves.
 */
export function applySuppressions(findings: readonly Finding[], files: readonly string[], options: SuppressionOptions): Finding[] {
  const directives = files.flatMap((file) => findDirectives(file, readTextFile(file, options.maxFileBytes).text));
  if (directives.length === 0) return [...findings];
  const known = new Set(options.rules.map((rule) => rule.id));
  const effective = (directive: Directive) => directive.reason !== undefined || !options.requireReason;
  const used = new Map<Directive, Set<string>>();
  const marked = findings.map((finding): Finding => {
    if (finding.suppression || !finding.location) return finding;
    const directive = directives.find((d) => effective(d) && covers(d, finding.location as Location) && (d.rules.length === 0 || d.rules.includes(finding.ruleId)));
    if (!directive) return finding;
    used.set(directive, (used.get(directive) ?? new Set()).add(finding.ruleId));
    return { ...finding, suppression: { kind: 'inSource', justification: directive.reason } };
  });
  return [...marked, ...directives.flatMap((directive) => problems(directive, effective(directive), used.get(directive), known, options.rules))];
}

function covers(directive: Directive, location: Location): boolean {
  return directive.file === location.file && (directive.covers === undefined || directive.covers === location.line);
}

/** What is wrong with one directive: no reason, rules that do not exist, or rules it had nothing to suppress for. */
function problems(directive: Directive, effective: boolean, used: ReadonlySet<string> | undefined, known: ReadonlySet<string>, rules: readonly Rule[]): Finding[] {
  const location: Location = { file: directive.file, line: directive.line, column: directive.column, endLine: directive.line, endColumn: directive.endColumn };
  const key = `${directive.kind} ${directive.rules.join(',')}`.trim();
  const found: (Finding | undefined)[] = [];
  if (!effective) found.push(inputFinding(rules, 'suppression-missing-reason', { directive: directive.kind }, location, key));
  const unknown = directive.rules.filter((id) => !known.has(id));
  if (unknown.length > 0) found.push(inputFinding(rules, 'suppression-unknown-rule', { directive: directive.kind, rules: unknown.join(', ') }, location, key));
  const idle = directive.rules.length === 0 ? (used ? [] : ['any']) : directive.rules.filter((id) => known.has(id) && !used?.has(id));
  if (effective && idle.length > 0) {
    const where = directive.covers === undefined ? 'in this file' : `on line ${directive.covers}`;
    found.push(inputFinding(rules, 'suppression-unused', { directive: directive.kind, rules: idle.join(', '), where }, location, key));
  }
  return found.filter((finding): finding is Finding => finding !== undefined);
}
