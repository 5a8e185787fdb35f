// The shape of a rule file (mirrors schemas/rule.schema.json) and of a rule once loaded.
import type { KeyCheck } from '../model/key-audit.js';
import type { Minor } from '../version.js';

/** How serious a finding is: error (Cilium refuses), warning (silently ignored or falls back), note (tuning, not evaluated). */
export type Level = 'error' | 'warning' | 'note';

/** The derived facts a rule may read, computed in code from several keys (see facts.ts). */
export type FactName = 'bpf-nodeport' | 'kpr-full' | 'iptables-masquerading' | 'bpf-host-routing' | 'nat-exceeds-ct';

/** A ConfigReference names a cilium-config key whose value is an operator's operand (to compare a node fact with it). */
export interface ConfigReference {
  readonly config: string;
}

/** An Operand is a literal bound, or the value of a config key. */
export type Operand = string | number | ConfigReference;

/** A Predicate names one subject and one operator. */
export interface Predicate {
  readonly config?: string;
  readonly helm?: string;
  readonly fact?: FactName;
  readonly node?: string;
  readonly cilium?: 'version';
  readonly is?: string | number | boolean;
  readonly in?: readonly (string | number | boolean)[];
  readonly matches?: string;
  readonly present?: boolean;
  readonly explicit?: boolean;
  readonly 'at-least'?: Operand;
  readonly below?: Operand;
  readonly outside?: string | ConfigReference;
  /** Change rules: the effective value differs from the base revision's. */
  readonly changed?: boolean;
  /** Change rules: every space-separated item of the base revision's value is still there (a list may only grow). */
  readonly 'keeps-base'?: boolean;
}

/** A Condition combines predicates with all, any and not. */
export type Condition =
  | { readonly all: readonly Condition[] }
  | { readonly any: readonly Condition[] }
  | { readonly not: Condition }
  | Predicate;

/** The input checks that the readers perform themselves, declared in rules/ like every rule. */
export type InputCheck =
  | 'duplicate-keys'
  | 'skipped-documents'
  | 'nodes-not-given'
  | 'shadowed-maps'
  | 'suppression-missing-reason'
  | 'suppression-unknown-rule'
  | 'suppression-unused'
  | 'baseline-entry-unused'
  | KeyCheck
  | LiveCheck;

/** The checks only live mode (cilint lint --kube) performs. */
export type LiveCheck = 'nodes-not-readable' | 'kube-proxy-present' | 'api-server-address-missing' | 'config-drift';

/** A RuleDefinition is the content of one rules/<id>.yaml file. */
export interface RuleDefinition {
  readonly id: string;
  readonly title: string;
  readonly level: Level;
  readonly category: string;
  readonly constraints?: readonly string[];
  readonly versions?: { readonly from?: Minor; readonly to?: Minor };
  readonly description: string;
  readonly remediation: string;
  readonly references: readonly string[];
  /** change: once per target that also exists at the --base revision, comparing the two. */
  readonly 'for-each': 'cluster' | 'node' | 'input' | 'change';
  readonly check?: InputCheck;
  readonly when?: Condition;
  readonly expect?: Condition;
  readonly unless?: Condition;
  /** skip: a node whose inventory lacks a fact the conditions read gets no finding (default: not evaluated). */
  readonly 'node-facts-missing'?: 'skip' | 'not-evaluated';
  readonly overrides?: readonly { readonly when: Condition; readonly level: Level; readonly message?: string }[];
  readonly message: string;
}

/** A Rule is a definition that passed the schema and the load-time checks, with what the engine needs. */
export interface Rule extends RuleDefinition {
  /** The rule file, relative to the package root, for error messages. */
  readonly file: string;
  /** True when a condition reads Helm values, so the rule does not apply to ConfigMap targets. */
  readonly readsHelm: boolean;
  /** The rule's regular expressions, compiled once. */
  readonly patterns: ReadonlyMap<string, RegExp>;
  /** The node facts its when, expect and unless conditions read (for node-facts-missing: skip). */
  readonly nodeFacts: readonly string[];
}
