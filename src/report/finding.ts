// The one data contract between the engine and every output: findings, targets, the result, the exit code.
import type { Level } from '../rules/rule-definition.js';

/** A Location is a 1-based range in a file. */
export interface Location {
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A RelatedLocation is another key or node that a finding involves; defaults and --set values have no file. */
export interface RelatedLocation {
  readonly message: string;
  readonly location?: Location;
  /** In live mode, the cluster object instead of a file (`configmap/kube-system/cilium-config`, `node/worker-1`). */
  readonly resource?: string;
}

/** A Suppression says why a finding does not count: a cilint-disable comment (inSource) or the baseline (external). */
export interface Suppression {
  readonly kind: 'inSource' | 'external';
  /** The reason written after " -- ", or where the baseline is; SARIF's justification. */
  readonly justification: string | undefined;
}

/** A Finding is one rule violated (or not evaluable) for one subject of one target. */
export interface Finding {
  readonly ruleId: string;
  readonly level: Level;
  readonly outcome: 'violation' | 'not-evaluated';
  readonly message: string;
  /** Where to look: the key the user wrote; line 1 of the target's first file when every key is a default. */
  readonly location: Location | undefined;
  /** The key (config key or Helm path) at the location, which keeps fingerprints stable across edits. */
  readonly key: string | undefined;
  readonly related: readonly RelatedLocation[];
  /** The node, for rules evaluated per node. */
  readonly node: string | undefined;
  /** Set when a directive or the baseline suppresses the finding: it is still reported, but never counts. */
  readonly suppression?: Suppression;
  /**
   * In live mode (cilint lint --kube) there is no file: the cluster object the finding is about, such as
   * `configmap/kube-system/cilium-config` (with `key`), and `location` is undefined.
   */
  readonly resource?: string;
}

/** A TargetSummary says what one target was made of. */
export interface TargetSummary {
  readonly kind: 'helm-values' | 'config-map';
  readonly files: readonly string[];
}

/** RuleSummary is what outputs show about a rule (SARIF rules, docs links). */
export interface RuleSummary {
  readonly id: string;
  readonly title: string;
  readonly level: Level;
  readonly description: string;
  readonly remediation: string;
  readonly references: readonly string[];
  readonly category: string;
}

/** A LintResult is everything one run found. */
export interface LintResult {
  readonly toolVersion: string;
  readonly ciliumVersion: string;
  readonly targets: readonly TargetSummary[];
  readonly findings: readonly Finding[];
  /** Every rule that was run, for outputs that describe rules (SARIF). */
  readonly rules: readonly RuleSummary[];
  /** What the run could not do and carried on without (the change rules without a readable base). */
  readonly notices?: readonly string[];
}

/** The thresholds of --fail-on (the Action's fail-on), most severe first. */
export const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;

/** The threshold of --fail-on. */
export type FailOn = (typeof FAIL_ON)[number];

const RANK: Readonly<Record<Level, number>> = { error: 3, warning: 2, note: 1 };

/** Exit status 1 when an unsuppressed finding is at or above the threshold, else 0 (2 is for errors, raised elsewhere). */
export function exitCodeFor(result: LintResult, failOn: FailOn): 0 | 1 {
  if (failOn === 'none') return 0;
  return activeFindings(result.findings).some((finding) => RANK[finding.level] >= RANK[failOn]) ? 1 : 0;
}

/** The findings that count: those no directive or baseline suppresses. */
export function activeFindings(findings: readonly Finding[]): Finding[] {
  return findings.filter((finding) => finding.suppression === undefined);
}

/** Rank levels for "most severe first": error 3, warning 2, note 1. */
export function levelRank(level: Level): number {
  return RANK[level];
}

/** Order findings by file, line, column, rule and node, so that output never depends on input order. */
export function compareFindings(a: Finding, b: Finding): number {
  return (
    compareText(a.location?.file ?? a.resource ?? '', b.location?.file ?? b.resource ?? '') ||
    compareText(a.location ? '' : (a.key ?? ''), b.location ? '' : (b.key ?? '')) ||
    (a.location?.line ?? 0) - (b.location?.line ?? 0) ||
    (a.location?.column ?? 0) - (b.location?.column ?? 0) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.node ?? '', b.node ?? '') ||
    compareText(a.message, b.message)
  );
}

/** Code-point order: unlike localeCompare, the same on every machine. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
