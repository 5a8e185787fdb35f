// lint(): the single orchestrator. Read the targets and nodes, run every rule, and return the findings.
import type { LocalChart } from './chart/chart-dir.js';
import { readTextFile } from './inputs/read-text.js';
import { readTargets } from './inputs/targets.js';
import type { SetValue, Target } from './inputs/targets.js';
import { parseYamlFile } from './inputs/yaml-tree.js';
import type { DuplicateKey } from './inputs/yaml-tree.js';
import { inventoryFromFile } from './nodes/load-inventory.js';
import type { ConfigModel } from './model/config-model.js';
import { overlayInventory } from './nodes/overlay-inventory.js';
import type { Inventory, NodeFacts } from './nodes/node-facts.js';
import { configDrift } from './live/drift.js';
import type { LiveConfigMap } from './live/drift.js';
import { inRange } from './model/steps.js';
import { compareFindings } from './report/finding.js';
import type { Finding, LintResult, RuleSummary } from './report/finding.js';
import { evaluate, targetWhen, violation } from './rules/evaluate.js';
import type { Outcome, Subject } from './rules/evaluate.js';
import { loadRules } from './rules/load-rules.js';
import { firstLine, placeFinding } from './rules/locate.js';
import { InputChecks } from './rules/input-checks.js';
import { renderMessage } from './rules/message.js';
import type { Rule } from './rules/rule-definition.js';
import { toolVersion } from './package-root.js';
import type { CiliumVersion } from './version.js';
import type { CilintConfig } from './config/config.js';
import { applyDecisions } from './decisions.js';
import type { BaselineOptions } from './baseline/apply.js';
import { BaseModels } from './changes/base-models.js';
import type { BaseOptions } from './changes/base-models.js';
import { displayPath } from './inputs/read-text.js';

/** What one run lints. */
export interface LintOptions {
  readonly files: readonly string[];
  readonly values: readonly string[];
  readonly sets: readonly SetValue[];
  readonly configMaps: readonly string[];
  readonly nodes: string | undefined;
  readonly version: CiliumVersion;
  readonly maxFileBytes?: number;
  /** A local copy of the Cilium chart (--chart). */
  readonly chart?: LocalChart;
  /** Where the Cilium values sit in the values files (--values-root). */
  readonly valuesRoot?: string;
  /** The project's .cilint.yaml: rules off, levels, per-file overrides. */
  readonly config?: CilintConfig | undefined;
  /** A baseline of accepted findings, or the file to rewrite with this run's findings. */
  readonly baseline?: BaselineOptions | undefined;
  /** A git revision to compare every target with (the change rules). */
  readonly base?: BaseOptions | undefined;
  /** What live mode (--kube) read from the cluster. */
  readonly cluster?: ClusterInputs;
}

/** ClusterInputs is what live mode read: the cilium-config ConfigMap as a target, the nodes, and findings of its own. */
export interface ClusterInputs {
  readonly target: Target;
  /** The ConfigMap's data as the API server holds it, for drift against values files. */
  readonly configMap: LiveConfigMap;
  /** The nodes the API server listed; undefined when it refused to list them. */
  readonly nodes: readonly NodeFacts[] | undefined;
  /** Why the nodes could not be listed, reported instead of "no inventory given". */
  readonly nodesRefused: string | undefined;
  readonly findings: readonly Finding[];
}

let rulesOnce: Rule[] | undefined;

/** The rules, read and checked once per process however many targets there are. */
export function rules(): Rule[] {
  rulesOnce ??= loadRules();
  return rulesOnce;
}

/** An AnalysedTarget is one target's findings, and its model when the caller asked to keep it. */
export interface AnalysedTarget {
  readonly kind: ConfigModel['kind'];
  readonly files: readonly string[];
  readonly findings: readonly Finding[];
  readonly model?: ConfigModel;
}

/** An Analysis is every target with its findings, the inventory, and the findings about the run as a whole. */
export interface Analysis {
  readonly targets: readonly AnalysedTarget[];
  readonly inventory: Inventory | undefined;
  readonly runFindings: readonly Finding[];
  /** What the run could not do but went on without (an unreadable --base). */
  readonly notices: readonly string[];
}

/**
 * Read the targets and the nodes and run every rule. Targets are read one at a time and, unless keepModels
 * is set, dropped once their findings are known, so that memory does not grow with the number of files.
 * Throws a CilintError (exit 2) on unreadable input.
 */
export function analyse(options: LintOptions, keepModels = false): Analysis {
  const all = rules();
  const fileInventory = options.nodes === undefined ? undefined : readInventory(options.nodes, options.maxFileBytes);
  const inventory = overlayInventory(options.cluster?.nodes, fileInventory);
  const checks = new InputChecks(all);
  const applicable = all.filter((rule) => inRange(options.version.minor, rule.versions?.from, rule.versions?.to));
  const bases = options.base ? new BaseModels({ ...options, minor: options.version.minor }, options.base) : undefined;
  const analysed: AnalysedTarget[] = [];
  for (const target of allTargets(options)) {
    const findings: Finding[] = [];
    const base = bases?.modelOf(target);
    for (const rule of applicable) {
      if (rule['for-each'] === 'input' || (rule.readsHelm && target.model.kind !== 'helm-values')) continue;
      const subjects: Subject[] =
        rule['for-each'] === 'node'
          ? (inventory?.nodes ?? []).map((node) => ({ model: target.model, version: options.version, node }))
          : rule['for-each'] === 'change'
            ? withBase(target, base, options.version)
            : [{ model: target.model, version: options.version }];
      const when = rule['for-each'] === 'node' && subjects.length > 0 ? targetWhen(rule, { model: target.model, version: options.version }) : undefined;
      // No node violates a rule whose `when` fails for the whole target.
      if (when?.truth === false) continue;
      const outcomes = subjects.flatMap((subject) => evaluateRule(rule, subject, target, when) ?? []);
      findings.push(...outcomes.filter((finding) => finding.outcome === 'violation'), ...notEvaluatedOnce(outcomes.filter((finding) => finding.outcome === 'not-evaluated')));
    }
    if (options.cluster && target.model.kind === 'helm-values') findings.push(...configDrift(target.model, options.cluster.configMap, checks));
    findings.push(...checks.duplicates(target.duplicates), ...checks.skipped(target.skipped), ...checks.shadowed(target.shadowed, target.model.files[0]), ...checks.keys(target.keyIssues, target.model.files[0]));
    analysed.push({ kind: target.model.kind, files: target.model.files, findings, ...(keepModels && { model: target.model }) });
  }
  const runFindings: Finding[] = [];
  if (fileInventory) runFindings.push(...checks.duplicates(fileInventory.duplicates));
  if (!inventory || inventory.nodes.length === 0) {
    const nodeRules = applicable.filter((rule) => rule['for-each'] === 'node').length;
    const refused = options.cluster?.nodesRefused;
    runFindings.push(...(refused === undefined ? checks.nodesNotGiven(nodeRules, analysed[0]?.files[0]) : checks.nodesRefused(nodeRules, refused)));
  }
  runFindings.push(...(options.cluster?.findings ?? []));
  return { targets: analysed, inventory, runFindings, notices: bases?.notices ?? [] };
}

/** The targets the files make, then the live cluster's ConfigMap (--kube), one at a time. */
function* allTargets(options: LintOptions): Generator<Target> {
  yield* readTargets({ ...options, minor: options.version.minor });
  if (options.cluster) yield options.cluster.target;
}

/** Lint the targets the options name. Throws a CilintError (exit 2) on unreadable input. */
export function lint(options: LintOptions): LintResult {
  const analysis = analyse(options);
  return {
    toolVersion: toolVersion(),
    ciliumVersion: options.version.text,
    targets: analysis.targets.map(({ kind, files }) => ({ kind, files })),
    findings: applyDecisions([...analysis.targets.flatMap((analysed) => analysed.findings), ...analysis.runFindings], {
      // Directives live in files: the cluster's ConfigMap (--kube) has none to read.
      files: [...analysis.targets.filter((analysed) => analysed.files !== options.cluster?.target.model.files).flatMap((analysed) => analysed.files), ...(options.nodes === undefined ? [] : [displayPath(options.nodes)])],
      config: options.config,
      rules: rules(),
      baseline: options.baseline,
      maxFileBytes: options.maxFileBytes,
    }).sort(compareFindings),
    rules: rules().map(summarize),
    ...(analysis.notices.length > 0 ? { notices: analysis.notices } : {}),
  };
}

/**
 * One note for a rule that could not be evaluated on several nodes (a kubectl or live inventory has no
 * sysctls, say), naming a few of them: a note per node would bury the findings of a large fleet.
 */
function notEvaluatedOnce(findings: readonly Finding[]): Finding[] {
  const [first] = findings;
  if (!first || findings.length === 1) return [...findings];
  const names = findings.flatMap((finding) => (finding.node === undefined ? [] : [finding.node]));
  const shown = names.slice(0, 3).join(', ') + (names.length > 3 ? `, and ${names.length - 3} more` : '');
  return [{ ...first, node: undefined, message: `On ${findings.length} nodes (${shown}): ${first.message}` }];
}

/** A change rule's subject: the target with its base model; none when the target is new or no --base was given. */
function withBase(target: Target, base: ConfigModel | undefined, version: CiliumVersion): Subject[] {
  return base ? [{ model: target.model, version, base }] : [];
}

function evaluateRule(rule: Rule, subject: Subject, target: Target, when: Outcome | undefined): Finding | undefined {
  const outcome = violation(rule, subject, when);
  if (outcome.truth === false) return undefined;
  const placement = placeFinding(outcome.evidence);
  const location = placement.location ?? (target.model.files[0] ? firstLine(target.model.files[0]) : undefined);
  const node = subject.node?.name;
  if (outcome.truth === 'unknown') {
    const reasons = [...new Set(outcome.reasons)].join('; ');
    return { ruleId: rule.id, level: 'note', outcome: 'not-evaluated', message: `Not evaluated (${reasons}): ${rule.title}.`, location, key: placement.key, related: placement.related, node };
  }
  const override = rule.overrides?.find((candidate) => evaluate(candidate.when, subject, rule).truth === true);
  const message = renderMessage(override?.message ?? rule.message, subject);
  return { ruleId: rule.id, level: override?.level ?? rule.level, outcome: 'violation', message, location, key: placement.key, related: placement.related, node };
}

function readInventory(file: string, maxFileBytes: number | undefined): Inventory & { duplicates: (DuplicateKey & { file: string })[] } {
  const text = readTextFile(file, maxFileBytes);
  const parsed = parseYamlFile(text.path, text.text);
  return { ...inventoryFromFile(parsed), duplicates: parsed.duplicates.map((duplicate) => ({ ...duplicate, file: parsed.path })) };
}

function summarize(rule: Rule): RuleSummary {
  const { id, title, level, description, remediation, references, category } = rule;
  return { id, title, level, description, remediation, references, category };
}
