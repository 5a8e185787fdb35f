// Decide a node rule over a fleet: which nodes it reports, and which it cannot evaluate, without evaluating each node.
import type { ConfigModel } from '../model/config-model.js';
import type { NodeFacts } from '../nodes/node-facts.js';
import type { CiliumVersion } from '../version.js';
import { evaluate, violation } from './evaluate.js';
import type { Outcome, Subject, Truth } from './evaluate.js';
import { nodeFact } from './node-facts-lookup.js';
import type { Condition, Rule } from './rule-definition.js';

/** The subjects of the nodes a rule violates, and of those it cannot evaluate, in the inventory's order. */
export interface NodeVerdicts {
  readonly violating: readonly Subject[];
  readonly notEvaluated: readonly Subject[];
}

/**
 * A fleet of thousands is mostly alike, so each node's verdict is decided cheaply:
 *
 * - The subjects share one map of the outcomes that read no node fact (a key's value, a derived fact, the
 *   version), so that those are evaluated once, not once per node.
 * - When the rule's `when` is false with every node fact unknown, every verdict is false: three-valued
 *   logic is monotonic (knowing a fact never turns false into true).
 * - Otherwise a node's verdict depends only on the values of the node facts the rule's conditions read
 *   (rule.nodeFacts; its name and location go only into evidence and messages), so one node per distinct
 *   set of values is evaluated, and the nodes that share its values share its verdict.
 *
 * The caller builds each violation's finding from its own subject, so evidence and messages stay per node.
 */
export function nodeVerdicts(rule: Rule, model: ConfigModel, version: CiliumVersion, nodes: readonly NodeFacts[]): NodeVerdicts {
  const violating: Subject[] = [];
  const notEvaluated: Subject[] = [];
  if (nodes.length === 0) return { violating, notEvaluated };
  const shared = new Map<Condition, Outcome>();
  if (rule.when && evaluate(rule.when, { model, version, shared }, rule).truth === false) return { violating, notEvaluated };
  const verdicts = new Map<string, Truth>();
  for (const node of nodes) {
    const subject: Subject = { model, version, node, shared };
    const facts = JSON.stringify(rule.nodeFacts.map((fact) => nodeFact(node, fact, model).values ?? null));
    let verdict = verdicts.get(facts);
    if (verdict === undefined) verdicts.set(facts, (verdict = violation(rule, subject).truth));
    if (verdict === true) violating.push(subject);
    else if (verdict === 'unknown') notEvaluated.push(subject);
  }
  return { violating, notEvaluated };
}
