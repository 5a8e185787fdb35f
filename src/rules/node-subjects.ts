// The subjects of a node rule on one target: one per node, sharing what no node fact decides.
import type { ConfigModel } from '../model/config-model.js';
import type { NodeFacts } from '../nodes/node-facts.js';
import type { CiliumVersion } from '../version.js';
import { evaluate } from './evaluate.js';
import type { Outcome, Subject } from './evaluate.js';
import type { Condition, Rule } from './rule-definition.js';

/**
 * One subject per node. They share one map of the outcomes that read no node fact (a key's value, a derived
 * fact, the version), so that a fleet of thousands evaluates those once. When the rule's `when` is false
 * with every node fact unknown, there are no subjects at all: three-valued logic is monotonic (knowing a
 * fact never turns false into true), so that `when` is false for every node, and evaluating 5,000 of them
 * would find nothing.
 */
export function nodeSubjects(rule: Rule, model: ConfigModel, version: CiliumVersion, nodes: readonly NodeFacts[]): Subject[] {
  if (nodes.length === 0) return [];
  const shared = new Map<Condition, Outcome>();
  if (rule.when && evaluate(rule.when, { model, version, shared }, rule).truth === false) return [];
  return nodes.map((node) => ({ model, version, node, shared }));
}
