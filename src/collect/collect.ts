// cilint inventory collect: one node's inventory entry, read from its /proc, /sys, /boot and /etc.
import { CilintError } from '../errors.js';
import type { NodeFacts } from '../nodes/node-facts.js';
import { HostFiles } from './host-files.js';
import { interfacesOf } from './interfaces.js';
import type { CollectedInterface } from './interfaces.js';
import { kernelConfigOf } from './kernel-config.js';
import { sysctlsOf } from './sysctls.js';
import { archOf, kernelOf, osImageOf, providerOf } from './system.js';
import { cpuGovernorOf, irqbalanceOf, tunedOf } from './tuning.js';

/**
 * A CollectedNode is one node's entry of cilint's inventory format (schemas/inventory.schema.json): the facts
 * a node can tell about itself (not its pod CIDRs or labels, which only the API server knows).
 */
export type CollectedNode = Omit<NodeFacts, 'location' | 'podCIDRs' | 'labels' | 'interfaces'> & {
  readonly interfaces?: readonly CollectedInterface[];
};

/**
 * Collect the node under `root`. Its name is the one given (a DaemonSet passes spec.nodeName as NODE_NAME),
 * else the host name. Every fact the files do not give is left out, so the rules that need it say so.
 */
export function collectNode(root: string, name: string | undefined): CollectedNode {
  const host = new HostFiles(root);
  const kernel = kernelOf(host);
  const interfaces = interfacesOf(host, kernel);
  const sysctls = sysctlsOf(host, interfaces.map((entry) => entry.name));
  const nodeName = name || host.text('proc/sys/kernel/hostname');
  if (!nodeName) throw new CilintError(`cannot tell the node's name under ${root}: give --name or set NODE_NAME`);
  const entry: Record<string, unknown> = {
    name: nodeName,
    kernel,
    arch: archOf(kernel),
    provider: providerOf(host),
    osImage: osImageOf(host),
    interfaces: interfaces.length > 0 ? interfaces : undefined,
    sysctls: Object.keys(sysctls).length > 0 ? sysctls : undefined,
    kernelConfig: kernelConfigOf(host, kernel),
    tuned: tunedOf(host),
    cpuGovernor: cpuGovernorOf(host),
    irqbalance: irqbalanceOf(host),
  };
  return Object.fromEntries(Object.entries(entry).filter(([, value]) => value !== undefined)) as unknown as CollectedNode;
}
