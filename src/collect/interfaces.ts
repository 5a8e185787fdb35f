// The node's network interfaces: driver, MTU, and whether the driver runs XDP natively at this kernel.
import { parseKernelVersion } from '../nodes/kernel-version.js';
import { driverHasNativeXdp } from '../nodes/xdp-drivers.js';
import type { HostFiles } from './host-files.js';

/** One collected interface; a fact the files do not give is left out. */
export interface CollectedInterface {
  readonly name: string;
  readonly driver?: string;
  readonly mtu?: number;
  readonly nativeXdp?: boolean;
}

/**
 * The interfaces backed by a device driver (NICs, virtio, SR-IOV functions) and bonds, which Cilium may attach
 * to. Purely virtual ones (lo, veth, bridges, Cilium's own) have no driver link and say nothing about the NICs.
 */
export function interfacesOf(host: HostFiles, kernel: string | undefined): CollectedInterface[] {
  const version = kernel === undefined ? undefined : parseKernelVersion(kernel);
  const collected: CollectedInterface[] = [];
  for (const name of host.list('sys/class/net') ?? []) {
    const base = `sys/class/net/${name}`;
    // A bond has no device of its own; its driver is `bonding`, which has native XDP from 5.15.
    const driver = host.linkName(`${base}/device/driver`) ?? (host.list(`${base}/bonding`) ? 'bonding' : undefined);
    if (driver === undefined) continue;
    const mtu = Number(host.text(`${base}/mtu`));
    const nativeXdp = driverHasNativeXdp(driver, version);
    collected.push({ name, driver, ...(Number.isInteger(mtu) && mtu > 0 && { mtu }), ...(nativeXdp !== undefined && { nativeXdp }) });
  }
  return collected;
}
