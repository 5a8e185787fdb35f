// The flags of live mode (cilint lint --kube), kept here so that the CLI only wires them in.
import type { FlagSpec } from '../cli/flags.js';
import { UsageError } from '../errors.js';

/** The live flags as parsed. */
export interface LiveFlags {
  kube?: boolean;
  kubeconfig?: string;
  context?: string;
  namespace: string;
  timeout: string;
}

/** The live flags of `cilint lint`. */
export const LIVE_FLAGS: readonly FlagSpec[] = [
  { flags: '--kube', description: 'lint the running cluster: its cilium-config ConfigMap, cilium DaemonSet and nodes (read-only)' },
  { flags: '--kubeconfig <file>', description: 'with --kube: the kubeconfig (default: $KUBECONFIG, then ~/.kube/config)' },
  { flags: '--context <name>', description: 'with --kube: the kubeconfig context (default: the current context)' },
  { flags: '--namespace <namespace>', description: 'with --kube: the namespace Cilium is installed in', default: 'kube-system' },
  { flags: '--timeout <seconds>', description: 'with --kube: give up when one API request takes longer than this', default: '10' },
];

/** The --timeout in seconds; --kubeconfig and --context mean nothing without --kube, so they are refused. */
export function liveTimeout(flags: LiveFlags): number {
  if (!flags.kube) {
    const stray = flags.kubeconfig !== undefined ? '--kubeconfig' : flags.context !== undefined ? '--context' : undefined;
    if (stray) throw new UsageError(`${stray} needs --kube`);
  }
  const seconds = Number(flags.timeout);
  if (!Number.isFinite(seconds) || seconds <= 0) throw new UsageError(`--timeout must be a positive number of seconds, not "${flags.timeout}"`);
  return seconds;
}
