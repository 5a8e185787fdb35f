// The kernel build options Cilium's requirements and tuning guide name, from /boot/config-<release> or /proc/config.gz.
import { gunzipSync } from 'node:zlib';
import type { HostFiles } from './host-files.js';

/**
 * From Documentation/operations/system_requirements.rst (base, IPsec, bandwidth manager, netkit) and
 * performance/tuning.rst (CONFIG_PREEMPT_NONE), with the other preemption models for context.
 */
export const KERNEL_OPTIONS = [
  'CONFIG_BPF', 'CONFIG_BPF_SYSCALL', 'CONFIG_BPF_JIT', 'CONFIG_NET_CLS_BPF', 'CONFIG_NET_CLS_ACT', 'CONFIG_NET_SCH_INGRESS',
  'CONFIG_CRYPTO_SHA1', 'CONFIG_CRYPTO_USER_API_HASH', 'CONFIG_CGROUPS', 'CONFIG_CGROUP_BPF', 'CONFIG_PERF_EVENTS', 'CONFIG_SCHEDSTATS',
  'CONFIG_NET_SCH_FQ', 'CONFIG_NETKIT', 'CONFIG_WIREGUARD',
  'CONFIG_XFRM', 'CONFIG_XFRM_OFFLOAD', 'CONFIG_XFRM_STATISTICS', 'CONFIG_XFRM_ALGO', 'CONFIG_XFRM_USER', 'CONFIG_INET_ESP', 'CONFIG_INET6_ESP',
  'CONFIG_CRYPTO_AEAD', 'CONFIG_CRYPTO_GCM', 'CONFIG_CRYPTO_SEQIV', 'CONFIG_CRYPTO_CBC', 'CONFIG_CRYPTO_HMAC', 'CONFIG_CRYPTO_SHA256', 'CONFIG_CRYPTO_AES',
  'CONFIG_PREEMPT_NONE', 'CONFIG_PREEMPT_VOLUNTARY', 'CONFIG_PREEMPT', 'CONFIG_PREEMPT_RT', 'CONFIG_PREEMPT_DYNAMIC',
] as const;

/**
 * The options, each `y`, `m`, a value, or `n` (written "is not set", or absent from a config that was read:
 * the kernel was built without it). Undefined when neither file can be read: then nothing is said.
 */
export function kernelConfigOf(host: HostFiles, kernel: string | undefined): Record<string, string> | undefined {
  const text = (kernel === undefined ? undefined : host.text(`boot/config-${kernel}`)) ?? unzip(host.bytes('proc/config.gz'));
  if (text === undefined) return undefined;
  const set = new Map<string, string>();
  for (const line of text.split('\n')) {
    const match = /^(CONFIG_\w+)=(.*)$/.exec(line.trim());
    if (match) set.set(match[1] ?? '', (match[2] ?? '').replace(/^"(.*)"$/, '$1'));
  }
  return Object.fromEntries(KERNEL_OPTIONS.map((option) => [option, set.get(option) ?? 'n']));
}

function unzip(bytes: Buffer | undefined): string | undefined {
  if (bytes === undefined) return undefined;
  try {
    return gunzipSync(bytes).toString('utf8');
  } catch {
    return undefined;
  }
}
