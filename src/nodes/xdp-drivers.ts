// Which NIC drivers run XDP programs natively, and from which kernel: Cilium's driver table.
// Source: cilium/cilium Documentation/reference-guides/bpf/progtypes.rst (xdp_drivers) at v1.16.17 and later,
// which also lists tsne (6.3); sysfs driver names are added where they differ from the table's names.
import { compareVersions, versionParts } from '../version.js';
import { parseKernelVersion } from './kernel-version.js';
import type { NodeFacts } from './node-facts.js';

const NATIVE_XDP_SINCE: Readonly<Record<string, string>> = {
  ena: '5.6', atlantic: '5.19', bnxt_en: '4.11', thunderx: '4.12', nicvf: '4.12', dpaa: '5.11', fsl_dpa: '5.11',
  dpaa2: '5.0', fsl_dpaa2_eth: '5.0', enetc: '5.13', fsl_enetc: '5.13', fec: '6.2', fec_enet: '6.2', fun: '5.18',
  funeth: '5.18', gve: '6.4', ice: '5.5', igb: '5.10', igc: '5.13', i40e: '4.13', ixgbe: '4.12', ixgbevf: '4.17',
  mvneta: '5.5', mvpp2: '5.9', otx2: '5.16', rvu_nicpf: '5.16', rvu_nicvf: '5.16', mtk: '6.0', mtk_soc_eth: '6.0',
  mlx4: '4.8', mlx4_core: '4.8', mlx4_en: '4.8', mlx5: '4.9', mlx5_core: '4.9', lan966x: '6.2',
  lan966x_switch: '6.2', hv_netvsc: '5.6', mana: '5.17', nfp: '4.10', bonding: '5.15', netdevsim: '4.16',
  tun: '4.14', tap: '4.14', virtio_net: '4.10', 'xen-netfront': '5.9', vif: '5.9', veth: '4.19', qede: '4.10',
  netsec: '5.3', sfc: '5.5', stmmac: '5.13', cpsw: '5.3', 'cpsw-switch': '5.3', vmxnet3: '6.6', tsne: '6.3',
};

/**
 * "true" when every interface of the node has a driver with native XDP at the node's kernel, "false" when
 * one has not, undefined when the inventory lacks the interfaces, a driver, or a kernel that parses.
 */
export function nativeXdpSupport(node: NodeFacts): string | undefined {
  const interfaces = node.interfaces ?? [];
  const kernel = node.kernel === undefined ? undefined : parseKernelVersion(node.kernel);
  if (interfaces.length === 0 || interfaces.some((i) => i.driver === undefined)) return undefined;
  for (const { driver } of interfaces) {
    const supported = driverHasNativeXdp(driver ?? '', kernel);
    if (supported !== true) return supported === undefined ? undefined : 'false';
  }
  return 'true';
}

/** Does a driver run XDP natively at a kernel? Undefined when the driver is in the table but the kernel is unknown. */
export function driverHasNativeXdp(driver: string, kernel: readonly number[] | undefined): boolean | undefined {
  const since = NATIVE_XDP_SINCE[driver];
  if (since === undefined) return false;
  if (kernel === undefined) return undefined;
  return compareVersions(kernel, versionParts(since) ?? []) >= 0;
}
