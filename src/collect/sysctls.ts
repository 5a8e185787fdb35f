// The sysctls Cilium's checks and guides read, from /proc/sys, printed as `sysctl -n` would (tabs as spaces).
import type { HostFiles } from './host-files.js';

/**
 * The NodePort range must not overlap the ephemeral ports unless they are reserved (the agent refuses to start
 * otherwise); DSR with several devices wants rp_filter 0 or 2 on them; the datapath needs forwarding and the
 * BPF JIT.
 */
const SYSCTLS = [
  'net.ipv4.ip_local_port_range',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.ip_forward',
  'net.ipv4.conf.all.rp_filter',
  'net.ipv4.conf.default.rp_filter',
  'net.core.bpf_jit_enable',
];

/** The sysctls, plus rp_filter of each collected interface; those the files lack are left out. */
export function sysctlsOf(host: HostFiles, interfaces: readonly string[]): Record<string, string> {
  const names = [...SYSCTLS, ...interfaces.map((name) => `net.ipv4.conf.${name}.rp_filter`)];
  const found: Record<string, string> = {};
  for (const name of names) {
    // sysctl names use dots for slashes; an interface name with a dot (eth0.100) is written with a slash there.
    const parts = name.split('.');
    const path = name.startsWith('net.ipv4.conf.') ? ['net', 'ipv4', 'conf', parts.slice(3, -1).join('.'), parts.at(-1) ?? ''] : parts;
    const value = host.text(`proc/sys/${path.join('/')}`);
    if (value !== undefined) found[name] = value.replace(/\s+/g, ' ');
  }
  return found;
}
