// Live mode: load the Kubernetes client, read the cluster, lint it with lint(), and locate findings at resources.
import { CilintError, firstLineOf } from '../errors.js';
import { lint } from '../lint.js';
import type { LintOptions } from '../lint.js';
import type { LintResult } from '../report/finding.js';
import { parseCiliumVersion, SUPPORTED_MINORS } from '../version.js';
import { clusterInputs } from './cluster-inputs.js';
import { versionFromImage } from './image-version.js';
import type { KubeClient } from './kubeconfig.js';
import type { LiveFlags } from './live-options.js';
import { readCluster } from './read-cluster.js';
import type { ClusterState } from './read-cluster.js';
import { relocate } from './relocate.js';

/**
 * Lint the cluster the kubeconfig points at, each request bounded by `timeoutSeconds` (--timeout, checked by
 * the caller). `optionsFor` turns the Cilium version (--cilium-version, else the cilium DaemonSet's image
 * tag) into lint()'s options for the other inputs (-f values for drift, --nodes).
 */
export async function lintCluster(
  flags: LiveFlags & { ciliumVersion?: string },
  timeoutSeconds: number,
  optionsFor: (ciliumVersion: string) => LintOptions,
): Promise<LintResult> {
  const k8s = await loadClient();
  const state = await readCluster(k8s, { file: flags.kubeconfig, context: flags.context, namespace: flags.namespace, timeoutSeconds });
  const options = optionsFor(flags.ciliumVersion ?? versionOf(state));
  const cluster = clusterInputs(state, options.version.minor);
  const nodes = new Set(cluster.nodes?.map((node) => node.location.file));
  return relocate(lint({ ...options, cluster }), cluster.configMap.resource, nodes);
}

/** The client is loaded here only, so that linting files never pays for it (the build keeps it in dist/kube-client.cjs). */
async function loadClient(): Promise<KubeClient> {
  try {
    return await import('@kubernetes/client-node');
  } catch (error) {
    throw new CilintError(`cannot load @kubernetes/client-node: ${firstLineOf(error)}`);
  }
}

/** The Cilium version the cilium DaemonSet runs, from its image tag; never guessed. */
function versionOf(state: ClusterState): string {
  const daemonSet = `daemonset/${state.namespace}/cilium`;
  if ('problem' in state.cilium) throw new CilintError(`cannot tell the Cilium version: ${state.cilium.problem}; give --cilium-version`);
  const image = state.cilium.image ?? '';
  const version = versionFromImage(image);
  if (version === undefined) throw new CilintError(`cannot tell the Cilium version from the image "${image}" of ${daemonSet}: give --cilium-version`);
  if (!parseCiliumVersion(version)) {
    throw new CilintError(`${daemonSet} runs Cilium ${version} (${image}), which cilint does not know (supported: ${SUPPORTED_MINORS.join(', ')}): give --cilium-version`);
  }
  return version;
}
