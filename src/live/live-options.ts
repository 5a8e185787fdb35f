// The flags of live mode (cilint lint --kube), kept here so that the CLI only wires them in.
import type { Command } from 'commander';
import { UsageError } from '../errors.js';

/** The live flags as commander parses them. */
export interface LiveFlags {
  kube?: boolean;
  kubeconfig?: string;
  context?: string;
  namespace: string;
  timeout: string;
}

/** Add the live flags to a command. */
export function withLiveOptions(command: Command): Command {
  return command
    .option('--kube', 'lint the running cluster: its cilium-config ConfigMap, cilium DaemonSet and nodes (read-only)')
    .option('--kubeconfig <file>', 'with --kube: the kubeconfig (default: $KUBECONFIG, then ~/.kube/config)')
    .option('--context <name>', 'with --kube: the kubeconfig context (default: the current context)')
    .option('--namespace <namespace>', 'with --kube: the namespace Cilium is installed in', 'kube-system')
    .option('--timeout <seconds>', 'with --kube: give up when one API request takes longer than this', '10');
}

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
