// The node's identity: kernel release, architecture, OS image and cloud provider, as far as its files tell.
import { arch as nodeArch, machine, release } from 'node:os';
import type { HostFiles } from './host-files.js';

/** `uname -m` names as Kubernetes names architectures (status.nodeInfo.architecture). */
const ARCH: Readonly<Record<string, string>> = { x86_64: 'amd64', aarch64: 'arm64', armv7l: 'arm', ppc64le: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };

/** The kernel release, as `uname -r` prints it. */
export function kernelOf(host: HostFiles): string | undefined {
  return host.text('proc/sys/kernel/osrelease') || undefined;
}

/**
 * The architecture. No file under /proc or /sys names it on every kernel, but a container shares its node's
 * kernel: when the root's kernel is the one this process runs on, uname's answer is the node's. Otherwise
 * (a copied tree) it is left out.
 */
export function archOf(kernel: string | undefined): string | undefined {
  if (kernel === undefined || kernel !== release()) return undefined;
  const name = typeof machine === 'function' ? machine() : nodeArch();
  return ARCH[name] ?? name;
}

/** PRETTY_NAME of /etc/os-release, which is what the kubelet reports as osImage. */
export function osImageOf(host: HostFiles): string | undefined {
  const text = host.text('etc/os-release') ?? host.text('usr/lib/os-release');
  const line = text?.split('\n').find((entry) => entry.startsWith('PRETTY_NAME='));
  const value = line?.slice('PRETTY_NAME='.length).replace(/^(["'])(.*)\1$/, '$2');
  return value || undefined;
}

/** Azure's fixed chassis asset tag (Azure documents it for detecting that a VM runs in Azure). */
const AZURE_ASSET_TAG = '7783-7084-3265-9085-8269-3286-77';

/**
 * The cloud, from the DMI data the hypervisor fills in: aws, azure or gcp (the names Kubernetes providerIDs
 * use). Anything else, bare metal included, cannot be told apart reliably and is left out.
 */
export function providerOf(host: HostFiles): string | undefined {
  const dmi = (name: string) => host.text(`sys/class/dmi/id/${name}`) ?? '';
  if (dmi('sys_vendor') === 'Amazon EC2' || dmi('bios_vendor') === 'Amazon EC2' || /^ec2/i.test(host.text('sys/hypervisor/uuid') ?? '')) return 'aws';
  if (dmi('chassis_asset_tag') === AZURE_ASSET_TAG) return 'azure';
  if (dmi('product_name') === 'Google Compute Engine' || dmi('bios_vendor') === 'Google') return 'gcp';
  return undefined;
}
