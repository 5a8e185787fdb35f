// Read one named fact of a node, typed for the operators, with a reason when it is missing.
import type { ConfigModel } from '../model/config-model.js';
import { isRhel810 } from '../nodes/kernel-version.js';
import type { NodeFacts } from '../nodes/node-facts.js';
import { nodePortRangePosition, parseEphemeralRange, parseNodePortRange, reservedPortsCover } from '../nodes/port-ranges.js';
import { nativeXdpSupport } from '../nodes/xdp-drivers.js';
import type { ValueType } from './operators.js';

/** A NodeFactValue is the value(s) of one fact of a node; undefined values mean the inventory does not say. */
export interface NodeFactValue {
  readonly values: readonly string[] | undefined;
  readonly type: ValueType;
}

/**
 * Look a fact up; list facts (driver, mtu, pod-cidrs) hold one value per interface or CIDR. The two
 * node-port-range facts compare the target's node-port-range with the node's sysctls, as the agent on
 * that node does.
 */
export function nodeFact(node: NodeFacts, fact: string, model: ConfigModel): NodeFactValue {
  const one = (value: string | number | boolean | undefined, type: ValueType = 'string'): NodeFactValue => ({
    values: value === undefined ? undefined : [String(value)],
    type,
  });
  const [kind, name = ''] = splitFact(fact);
  switch (kind) {
    case 'name':
      return one(node.name);
    case 'kernel':
      return one(node.kernel, 'kernel');
    case 'arch':
      return one(node.arch);
    case 'provider':
      return one(node.provider);
    case 'os-image':
      return one(node.osImage);
    case 'tuned':
      return one(node.tuned);
    case 'cpu-governor':
      return one(node.cpuGovernor);
    case 'irqbalance':
      return one(node.irqbalance, 'bool');
    case 'rhel-8-10':
      return node.kernel === undefined && node.osImage === undefined
        ? one(undefined, 'bool')
        : one(isRhel810(node.kernel, node.osImage), 'bool');
    case 'native-xdp':
      return one(nativeXdpSupport(node), 'bool');
    case 'driver':
      return list(node.interfaces?.flatMap((i) => (i.driver === undefined ? [] : [i.driver])), 'string');
    case 'ena-mtu':
      // The MTUs of the ena devices only: another NIC's jumbo frames do not stop ena's XDP.
      return list(node.interfaces?.flatMap((i) => (i.driver === 'ena' && i.mtu !== undefined ? [String(i.mtu)] : [])), 'int');
    case 'mtu':
      return list(node.interfaces?.flatMap((i) => (i.mtu === undefined ? [] : [String(i.mtu)])), 'int');
    case 'pod-cidrs':
      return list(node.podCIDRs ? [...node.podCIDRs] : undefined, 'string');
    case 'sysctl':
      return one(node.sysctls?.[name]);
    case 'kernel-config':
      return one(node.kernelConfig?.[name]);
    case 'label':
      return one(node.labels?.[name]);
    case 'node-port-range-position': {
      const nodePorts = nodePortRange(model);
      const ephemeral = parseEphemeralRange(node.sysctls?.['net.ipv4.ip_local_port_range']);
      return one(nodePorts && ephemeral ? nodePortRangePosition(nodePorts, ephemeral) : undefined);
    }
    case 'node-port-range-reserved': {
      const nodePorts = nodePortRange(model);
      const reserved = node.sysctls?.['net.ipv4.ip_local_reserved_ports'];
      return one(nodePorts && reserved !== undefined ? reservedPortsCover(nodePorts, reserved) : undefined, 'bool');
    }
    default:
      return one(undefined);
  }
}

/** The NodePort range in force; undefined for a placeholder or a value the agent would not parse. */
function nodePortRange(model: ConfigModel) {
  const setting = model.setting('node-port-range');
  return setting.unknown ? undefined : parseNodePortRange(setting.value);
}

function list(values: string[] | undefined, type: ValueType): NodeFactValue {
  return { values: values && values.length > 0 ? values : undefined, type };
}

function splitFact(fact: string): [string, string?] {
  const colon = fact.indexOf(':');
  return colon < 0 ? [fact] : [fact.slice(0, colon), fact.slice(colon + 1)];
}
