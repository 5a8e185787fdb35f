// lint(): the single orchestrator. Read the targets and nodes, run every rule, and return the findings.
import type { LocalChart } from './chart/chart-dir.js';
import { readTextFile } from './inputs/read-text.js';
import { buildTargets } from './inputs/targets.js';
import type { SetValue, Target } from './inputs/targets.js';
import { parseYamlFile } from './inputs/yaml-tree.js';
import type { DuplicateKey } from './inputs/yaml-tree.js';
import { inventoryFromFile } from './nodes/load-inventory.js';
import { overlayInventory } from './nodes/overlay-inventory.js';
import type { Inventory, NodeFacts } from './nodes/node-facts.js';
import { configDrift } from './live/drift.js';
import type { LiveConfigMap } from './live/drift.js';
import { inRange } from './model/steps.js';
import { compareFindings } from './report/finding.js';
import type { Finding, LintResult, RuleSummary } from './report/finding.js';
import { evaluate, violation } from './rules/evaluate.js';
import type { Subject } from './rules/evaluate.js';
import { loadRules } from './rules/load-rules.js';
import { firstLine, placeFinding } from './rules/locate.js';
import { InputChecks } from './rules/input-checks.js';
import { renderMessage } from './rules/message.js';
import type { Rule } from './rules/rule-definition.js';
import { toolVersion } from './package-root.js';
import type { CiliumVersion } from './version.js';

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

/** An Analysis is every target with its findings, the inventory, and the findings about the run as a whole. */
export interface Analysis {
  readonly targets: readonly { readonly target: Target; readonly findings: readonly Finding[] }[];
  readonly inventory: Inventory | undefined;
  readonly runFindings: readonly Finding[];
}

/** Read the targets and the nodes and run every rule. Throws a CilintError (exit 2) on unreadable input. */
export function analyse(options: LintOptions): Analysis {
  const all = rules();
  const targets = [...buildTargets({ ...options, minor: options.version.minor }), ...(options.cluster ? [options.cluster.target] : [])];
  const fileInventory = options.nodes === undefined ? undefined : readInventory(options.nodes, options.maxFileBytes);
  const inventory = overlayInventory(options.cluster?.nodes, fileInventory);
  const checks = new InputChecks(all);
  const applicable = all.filter((rule) => inRange(options.version.minor, rule.versions?.from, rule.versions?.to));
  const analysed = targets.map((target) => {
    const findings: Finding[] = [];
    for (const rule of applicable) {
      if (rule['for-each'] === 'input' || (rule.readsHelm && target.model.kind !== 'helm-values')) continue;
      const subjects: Subject[] =
        rule['for-each'] === 'node'
          ? (inventory?.nodes ?? []).map((node) => ({ model: target.model, version: options.version, node }))
          : [{ model: target.model, version: options.version }];
      for (const subject of subjects) {
        const finding = evaluateRule(rule, subject, target);
        if (finding) findings.push(finding);
      }
    }
    if (options.cluster && target.model.kind === 'helm-values') findings.push(...configDrift(target.model, options.cluster.configMap, checks));
    findings.push(...checks.duplicates(target.duplicates), ...checks.skipped(target.skipped), ...checks.shadowed(target.shadowed, target.model.files[0]), ...checks.keys(target.keyIssues, target.model.files[0]));
    return { target, findings };
  });
  const runFindings: Finding[] = [];
  if (fileInventory) runFindings.push(...checks.duplicates(fileInventory.duplicates));
  if (!inventory || inventory.nodes.length === 0) {
    const nodeRules = applicable.filter((rule) => rule['for-each'] === 'node').length;
    const refused = options.cluster?.nodesRefused;
    runFindings.push(...(refused === undefined ? checks.nodesNotGiven(nodeRules, targets[0]?.model.files[0]) : checks.nodesRefused(nodeRules, refused)));
  }
  runFindings.push(...(options.cluster?.findings ?? []));
  return { targets: analysed, inventory, runFindings };
}

/** Lint the targets the options name. Throws a CilintError (exit 2) on unreadable input. */
export function lint(options: LintOptions): LintResult {
  const analysis = analyse(options);
  return {
    toolVersion: toolVersion(),
    ciliumVersion: options.version.text,
    targets: analysis.targets.map(({ target }) => ({ kind: target.model.kind, files: target.model.files })),
    findings: [...analysis.targets.flatMap((analysed) => analysed.findings), ...analysis.runFindings].sort(compareFindings),
    rules: rules().map(summarize),
  };
}

function evaluateRule(rule: Rule, subject: Subject, target: Target): Finding | undefined {
  const outcome = violation(rule, subject);
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
