// The agent's NodePort-range check against a node's ephemeral and reserved ports, as two facts of the node.
// Source: checkNodePortAndEphemeralPortRanges (daemon/cmd/kube_proxy_replacement.go at v1.13.18 to v1.18.4,
// pkg/kpr/initializer/kube_proxy_replacement.go at v1.19.4), and the node-port-range parsing beside it.

/** A PortRange is an inclusive range of ports. */
export interface PortRange {
  readonly min: number;
  readonly max: number;
}

/** Where the NodePort range lies against the ephemeral range: only `below` needs nothing more. */
export type RangePosition = 'below' | 'overlaps' | 'after';

/** The NodePort range as the agent reads node-port-range: "min,max" (a ConfigMap gives one string it splits on commas). */
export function parseNodePortRange(text: string | undefined): PortRange | undefined {
  const match = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(text ?? '');
  return match ? range(Number(match[1]), Number(match[2])) : undefined;
}

/** net.ipv4.ip_local_port_range: two numbers; /proc separates them with a tab, people write a space. */
export function parseEphemeralRange(text: string | undefined): PortRange | undefined {
  const match = /^\s*(\d+)\s+(\d+)\s*$/.exec(text ?? '');
  return match ? range(Number(match[1]), Number(match[2])) : undefined;
}

/**
 * The agent's first two tests: a NodePort range that ends before the ephemeral range is fine; one that
 * starts after it is refused ("is not allowed to be after ephemeral port range"), even with auto-protection.
 */
export function nodePortRangePosition(nodePorts: PortRange, ephemeral: PortRange): RangePosition {
  if (nodePorts.max < ephemeral.min) return 'below';
  if (nodePorts.min > ephemeral.max) return 'after';
  return 'overlaps';
}

/**
 * Does net.ipv4.ip_local_reserved_ports ("30000-32767,8080", possibly empty) protect the whole NodePort
 * range? As the agent reads it: one entry must cover the range, and the sorted list is read only up to the
 * first entry that starts above it. Undefined when an entry does not parse (the agent refuses those).
 */
export function reservedPortsCover(nodePorts: PortRange, reserved: string): boolean | undefined {
  for (const entry of reserved.trim().split(',')) {
    if (entry === '') break;
    const match = /^\s*(\d+)(?:-(\d+))?\s*$/.exec(entry);
    if (!match) return undefined;
    const from = Number(match[1]);
    const to = match[2] === undefined ? from : Number(match[2]);
    if (from <= nodePorts.min && to >= nodePorts.max) return true;
    if (from > nodePorts.max) break;
  }
  return false;
}

function range(min: number, max: number): PortRange | undefined {
  return min <= max ? { min, max } : undefined;
}
