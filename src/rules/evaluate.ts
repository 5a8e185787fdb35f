// Evaluate a rule's conditions over one subject (the cluster, or one node) in three-valued logic.
import { CONFIG_KEYS } from '../model/config-keys.js';
import type { ConfigModel } from '../model/config-model.js';
import type { HelmValue } from '../model/helm-keymap.js';
import { renderText } from '../model/go-template.js';
import { isExplicit, isPlaceholder } from '../model/setting.js';
import type { Setting } from '../model/setting.js';
import type { NodeFacts } from '../nodes/node-facts.js';
import type { CiliumVersion } from '../version.js';
import { DERIVED_FACTS } from './facts.js';
import { parseKernelVersion } from '../nodes/kernel-version.js';
import { nodeFact } from './node-facts-lookup.js';
import { compareWithBase } from './base-compare.js';
import { applyOperator } from './operators.js';
import type { ValueType } from './operators.js';
import type { Condition, Predicate, Rule } from './rule-definition.js';

/** Three-valued truth: a fact the inputs do not give makes a condition unknown, never false. */
export type Truth = true | false | 'unknown';

/** Evidence is what a condition read: a config setting, a Helm value, or a fact of a node. */
export type Evidence =
  | { readonly kind: 'setting'; readonly setting: Setting }
  | { readonly kind: 'helm'; readonly path: string; readonly value: HelmValue }
  | { readonly kind: 'node'; readonly node: NodeFacts; readonly fact: string };

/** An Outcome is a truth, the evidence that decided it, and why it is unknown when it is. */
export interface Outcome {
  readonly truth: Truth;
  readonly evidence: readonly Evidence[];
  readonly reasons: readonly string[];
}

/** The Subject a rule is evaluated for: a target's model, its version, one node for node rules, the base model for change rules. */
export interface Subject {
  readonly model: ConfigModel;
  readonly version: CiliumVersion;
  readonly node?: NodeFacts;
  /** The same target at the --base revision. */
  readonly base?: ConfigModel;
  /**
   * The outcomes of the conditions that read no node fact, shared by the subjects of one node rule on one
   * target (see node-verdicts.ts): they are the same for every node, so a fleet computes them once.
   */
  readonly shared?: Map<Condition, Outcome>;
}

/**
 * The rule's verdict for a subject: `when ∧ ¬expect ∧ ¬unless`. True is a violation, unknown means the
 * rule could not be evaluated. The evidence lists `when` first, then `expect`, as a rule author orders them.
 */
export function violation(rule: Rule, subject: Subject): Outcome {
  const node = subject.node;
  if (rule['node-facts-missing'] === 'skip' && node && rule.nodeFacts.some((fact) => nodeFact(node, fact, subject.model).values === undefined)) return FALSE;
  const when = rule.when ? evaluate(rule.when, subject, rule) : TRUE;
  if (when.truth === false) return when;
  const expect = rule.expect ? evaluate(rule.expect, subject, rule) : TRUE;
  const unless = rule.unless ? evaluate(rule.unless, subject, rule) : FALSE;
  return all([when, invert(expect), invert(unless)]);
}

const TRUE: Outcome = { truth: true, evidence: [], reasons: [] };
const FALSE: Outcome = { truth: false, evidence: [], reasons: [] };

/** Evaluate a condition; one that reads no node fact is taken from the subject's shared outcomes when it has them. */
export function evaluate(condition: Condition, subject: Subject, rule: Rule): Outcome {
  const shared = subject.shared;
  if (shared === undefined || readsNode(condition)) return evaluateNow(condition, subject, rule);
  let outcome = shared.get(condition);
  if (outcome === undefined) {
    outcome = evaluateNow(condition, subject, rule);
    shared.set(condition, outcome);
  }
  return outcome;
}

const nodeReading = new WeakMap<Condition, boolean>();

/** Does the condition read a node fact anywhere? Known once per condition object, as rules are loaded once. */
function readsNode(condition: Condition): boolean {
  let reads = nodeReading.get(condition);
  if (reads === undefined) {
    if ('all' in condition) reads = condition.all.some(readsNode);
    else if ('any' in condition) reads = condition.any.some(readsNode);
    else if ('not' in condition) reads = readsNode(condition.not);
    else reads = condition.node !== undefined;
    nodeReading.set(condition, reads);
  }
  return reads;
}

function evaluateNow(condition: Condition, subject: Subject, rule: Rule): Outcome {
  if ('all' in condition) return all(condition.all.map((c) => evaluate(c, subject, rule)));
  if ('any' in condition) return any(condition.any.map((c) => evaluate(c, subject, rule)));
  if ('not' in condition) return invert(evaluate(condition.not, subject, rule));
  return predicate(condition, subject, rule);
}

function all(outcomes: readonly Outcome[]): Outcome {
  return combine(outcomes, false);
}

function any(outcomes: readonly Outcome[]): Outcome {
  return combine(outcomes, true);
}

/**
 * `all` (decisive: false) and `any` (decisive: true) in three-valued logic. A decisive outcome decides, with
 * the evidence of the decisive ones; else an unknown makes it unknown, with every evidence and the unknowns'
 * reasons; else it is the other value, with every evidence. Loops, not filter and flatMap: node rules run
 * this for every node of the fleet, several times each.
 */
function combine(outcomes: readonly Outcome[], decisive: boolean): Outcome {
  let decided = false;
  let unknown = false;
  for (const outcome of outcomes) {
    if (outcome.truth === decisive) decided = true;
    else if (outcome.truth === 'unknown') unknown = true;
  }
  const evidence: Evidence[] = [];
  const reasons: string[] = [];
  for (const outcome of outcomes) {
    if (decided && outcome.truth !== decisive) continue;
    evidence.push(...outcome.evidence);
    if (!decided && outcome.truth === 'unknown') reasons.push(...outcome.reasons);
  }
  return { truth: decided ? decisive : unknown ? 'unknown' : !decisive, evidence, reasons };
}

function invert(outcome: Outcome): Outcome {
  return { ...outcome, truth: outcome.truth === 'unknown' ? 'unknown' : !outcome.truth };
}

function predicate(p: Predicate, subject: Subject, rule: Rule): Outcome {
  const operand = resolveOperand(p, subject);
  if (operand.unknown !== undefined) return { truth: 'unknown', evidence: operand.evidence, reasons: [operand.unknown] };
  const outcome = subjectPredicate(operand.predicate, subject, rule);
  return operand.evidence.length === 0 ? outcome : { ...outcome, evidence: [...outcome.evidence, ...operand.evidence] };
}

/** A predicate with a literal operand; the operand's setting is evidence too; unknown says why it has no value. */
interface ResolvedOperand {
  readonly predicate: Predicate;
  readonly evidence: readonly Evidence[];
  readonly unknown?: string;
}

/** Replace a config reference operand (`below: { config: mtu }`) by the key's effective value. */
function resolveOperand(p: Predicate, subject: Subject): ResolvedOperand {
  const name = (['at-least', 'below', 'outside'] as const).find((candidate) => p[candidate] !== undefined);
  const operand = name === undefined ? undefined : p[name];
  if (name === undefined || typeof operand !== 'object') return { predicate: p, evidence: [] };
  const setting = subject.model.setting(operand.config);
  const evidence: Evidence[] = [{ kind: 'setting', setting }];
  if (setting.value === undefined || setting.value === '') return { predicate: p, evidence, unknown: `${operand.config} is not set` };
  if (setting.unknown) return { predicate: p, evidence, unknown: `${operand.config} is a placeholder (${setting.value})` };
  return { predicate: { ...p, [name]: setting.value }, evidence };
}

function subjectPredicate(p: Predicate, subject: Subject, rule: Rule): Outcome {
  if (p.config !== undefined) {
    const setting = subject.model.setting(p.config);
    const type = CONFIG_KEYS[p.config]?.type ?? 'string';
    if (comparesBase(p)) {
      const base = subject.base?.setting(p.config);
      return versusBase(p, [{ kind: 'setting', setting }], setting.value, base?.value, type, setting.unknown || base?.unknown === true, subject, `${p.config} is a placeholder`);
    }
    return judge(p, rule, [{ kind: 'setting', setting }], setting.value, type, setting.unknown, isExplicit(setting.source), `${p.config} is a placeholder (${setting.value ?? ''})`);
  }
  if (p.fact !== undefined) {
    const fact = DERIVED_FACTS[p.fact](subject.model);
    const evidence = fact.evidence.map((setting): Evidence => ({ kind: 'setting', setting }));
    if (comparesBase(p)) {
      const base = subject.base ? DERIVED_FACTS[p.fact](subject.base) : undefined;
      return versusBase(p, evidence, fact.value, base?.value, 'bool', fact.unknown || base?.unknown === true, subject, `${p.fact} depends on a placeholder`);
    }
    const explicit = fact.evidence.some((setting) => isExplicit(setting.source));
    return judge(p, rule, evidence, fact.value, 'bool', fact.unknown, explicit, `${p.fact} depends on a placeholder`);
  }
  if (p.helm !== undefined) {
    const found = subject.model.helm?.get(p.helm);
    const text = found === undefined || found.value === null || found.value === undefined ? undefined : renderText(found.value);
    const evidence: Evidence[] = found ? [{ kind: 'helm', path: p.helm, value: found }] : [];
    const unknown = text !== undefined && isPlaceholder(text);
    const type: ValueType = typeof found?.value === 'boolean' ? 'bool' : typeof found?.value === 'number' ? 'float' : 'string';
    return judge(p, rule, evidence, text, type, unknown, found !== undefined && isExplicit(found.source), `${p.helm} is a placeholder (${text ?? ''})`);
  }
  if (p.node !== undefined) return nodePredicate(p, p.node, subject, rule);
  // p.cilium === 'version': compared on its numbers, so "1.18.0-rc.1" counts as 1.18.0.
  return judge(p, rule, [], subject.version.parts.join('.'), 'version', false, true, '');
}

function comparesBase(p: Predicate): boolean {
  return p.changed !== undefined || p['keeps-base'] !== undefined;
}

/** A change operator: unknown without a base model, or when a placeholder stands on either side. */
function versusBase(p: Predicate, evidence: readonly Evidence[], head: string | undefined, base: string | undefined, type: ValueType, unknown: boolean, subject: Subject, reason: string): Outcome {
  if (!subject.base) return { truth: 'unknown', evidence, reasons: ['no base revision to compare with'] };
  if (unknown) return { truth: 'unknown', evidence, reasons: [reason] };
  return { truth: compareWithBase(p, head, base, type), evidence, reasons: [] };
}

function judge(
  p: Predicate,
  rule: Rule,
  evidence: readonly Evidence[],
  value: string | undefined,
  type: ValueType,
  unknown: boolean,
  explicit: boolean,
  unknownReason: string,
): Outcome {
  if (p.explicit !== undefined) return { truth: explicit === p.explicit, evidence, reasons: [] };
  if (p.present !== undefined) return { truth: (value !== undefined && value !== '') === p.present, evidence, reasons: [] };
  if (unknown) return { truth: 'unknown', evidence, reasons: [unknownReason] };
  const truth = applyOperator(p, value, type, rule.patterns);
  return { truth, evidence, reasons: truth === 'unknown' ? [`${describe(p)} could not be compared`] : [] };
}

function nodePredicate(p: Predicate, fact: string, subject: Subject, rule: Rule): Outcome {
  const node = subject.node;
  if (!node) return { truth: 'unknown', evidence: [], reasons: ['no node inventory was given'] };
  const evidence: Evidence[] = [{ kind: 'node', node, fact }];
  const found = nodeFact(node, fact, subject.model);
  if (p.present !== undefined) return { truth: (found.values !== undefined) === p.present, evidence, reasons: [] };
  if (found.values === undefined) {
    return { truth: 'unknown', evidence, reasons: [`the inventory gives no ${fact} for node ${node.name}`] };
  }
  const results = found.values.map((value) => applyOperator(p, value, found.type, rule.patterns, parseKernelVersion));
  if (results.includes(true)) return { truth: true, evidence, reasons: [] };
  if (results.includes('unknown')) {
    const reason = found.type === 'kernel'
      ? `the kernel "${found.values[0] ?? ''}" of node ${node.name} could not be parsed`
      : `${fact} of node ${node.name} could not be compared`;
    return { truth: 'unknown', evidence, reasons: [reason] };
  }
  return { truth: false, evidence, reasons: [] };
}

function describe(p: Predicate): string {
  return p.config ?? p.helm ?? p.fact ?? p.node ?? 'the Cilium version';
}
