// The host tuning Cilium's performance guide asks for: the tuned profile, the CPU governor, irqbalance.
import type { HostFiles } from './host-files.js';

/** `tuned-adm active`, which reads the profile tuned wrote to /etc/tuned/active_profile. */
export function tunedOf(host: HostFiles): string | undefined {
  return host.text('etc/tuned/active_profile') || undefined;
}

/** The scaling governor of the CPUs; several, comma-separated, when they differ. Absent without cpufreq. */
export function cpuGovernorOf(host: HostFiles): string | undefined {
  const cpus = (host.list('sys/devices/system/cpu') ?? []).filter((name) => /^cpu\d+$/.test(name));
  const governors = new Set(cpus.flatMap((cpu) => host.text(`sys/devices/system/cpu/${cpu}/cpufreq/scaling_governor`) ?? []));
  return governors.size === 0 ? undefined : [...governors].sort().join(',');
}

/** Whether a process named irqbalance runs; undefined when the process table cannot be read. */
export function irqbalanceOf(host: HostFiles): boolean | undefined {
  const pids = (host.list('proc') ?? []).filter((name) => /^\d+$/.test(name));
  if (pids.length === 0) return undefined;
  return pids.some((pid) => host.text(`proc/${pid}/comm`) === 'irqbalance');
}
