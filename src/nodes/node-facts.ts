// NodeFacts: what the inventory says about one node, and where in the inventory file it says it.
import type { Span } from '../inputs/yaml-tree.js';

/** One network interface of a node. */
export interface NodeInterface {
  readonly name: string;
  readonly driver?: string;
  readonly mtu?: number;
  /** What inventory collect found for this driver at this kernel; informational, rules use driver and kernel. */
  readonly nativeXdp?: boolean;
}

/** A NodeFacts is one node of the inventory; every fact but the name may be missing. */
export interface NodeFacts {
  readonly name: string;
  readonly kernel?: string;
  readonly arch?: string;
  readonly provider?: string;
  readonly osImage?: string;
  readonly interfaces?: readonly NodeInterface[];
  readonly sysctls?: Readonly<Record<string, string>>;
  readonly kernelConfig?: Readonly<Record<string, string>>;
  readonly tuned?: string;
  readonly cpuGovernor?: string;
  readonly irqbalance?: boolean;
  readonly podCIDRs?: readonly string[];
  readonly labels?: Readonly<Record<string, string>>;
  /** The node's entry in the inventory file. */
  readonly location: { readonly file: string; readonly span: Span };
}

/** An Inventory is the nodes of one --nodes file. */
export interface Inventory {
  readonly file: string;
  readonly nodes: readonly NodeFacts[];
}
