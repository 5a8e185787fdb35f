// Read what live mode lints with read-only get and list requests, each one bounded by --timeout.
import type { ConfigurationOptions, V1DaemonSet } from '@kubernetes/client-node';
import { CilintError } from '../errors.js';
import { describeFailure, describeRefusal, statusOf } from './api-errors.js';
import type { Request } from './api-errors.js';
import { loadKubeconfig } from './kubeconfig.js';
import type { KubeClient, KubeconfigRequest } from './kubeconfig.js';
import { listNodePage } from './list-nodes.js';
import { nodeFactsFromApi } from '../nodes/from-api.js';
import type { NodeFacts } from '../nodes/node-facts.js';

/** What to read, and how long one request may take. */
export interface ClusterRequest extends KubeconfigRequest {
  readonly namespace: string;
  readonly timeoutSeconds: number;
}

/** The cilium DaemonSet's agent: its image, and the API server address it is given (k8sServiceHost). */
export interface CiliumAgent {
  readonly image: string | undefined;
  /** KUBERNETES_SERVICE_HOST: its value, `valueFrom` when it comes from a ConfigMap (k8sServiceHost auto or Ref). */
  readonly apiServerHost: string | undefined;
}

/** ClusterState is everything read; a part that could not be read says why instead. */
export interface ClusterState {
  readonly namespace: string;
  readonly configMap: Readonly<Record<string, string>>;
  /** The agent, or why the DaemonSet could not be read (needed only without --cilium-version). */
  readonly cilium: CiliumAgent | { readonly problem: string };
  /** The listed nodes' facts; undefined when the API server refused to list them. */
  readonly nodes: readonly NodeFacts[] | undefined;
  readonly nodesRefused: string | undefined;
  /** Whether kube-system has a kube-proxy DaemonSet; undefined when that could not be read. */
  readonly kubeProxy: boolean | undefined;
}

/** Read the cluster. Throws a CilintError (exit 2) for failures that leave nothing to lint. */
export async function readCluster(k8s: KubeClient, request: ClusterRequest): Promise<ClusterState> {
  const config = loadKubeconfig(k8s, request);
  const server = config.getCurrentCluster()?.server ?? 'unknown';
  const core = config.makeApiClient(k8s.CoreV1Api);
  const apps = config.makeApiClient(k8s.AppsV1Api);
  // Each request gets its own abort signal: the first that times out ends the run, however many pages remain.
  const bounded = (): ConfigurationOptions => ({
    middleware: [
      {
        pre: (context) => {
          context.setSignal(AbortSignal.timeout(request.timeoutSeconds * 1000));
          return new k8s.Observable(Promise.resolve(context));
        },
        post: (response) => new k8s.Observable(Promise.resolve(response)),
      },
    ],
    middlewareMergeStrategy: 'append',
  });
  /** Run one read; the statuses in `tolerated` come back as data, anything else ends the run. */
  const read = async <T>(what: Request, run: () => Promise<T>, tolerated: readonly number[] = []): Promise<T | number> => {
    try {
      return await run();
    } catch (error) {
      const status = statusOf(error);
      if (status !== undefined && tolerated.includes(status)) return status;
      throw describeFailure(error, what, server, request.timeoutSeconds);
    }
  };
  const { namespace } = request;

  const configMap = await read({ verb: 'get', resource: 'configmaps', namespace, name: 'cilium-config' }, () => core.readNamespacedConfigMap({ name: 'cilium-config', namespace }, bounded()), [404]);
  if (typeof configMap === 'number') throw new CilintError(`no ConfigMap cilium-config in namespace ${namespace} at ${server}: is Cilium installed there? (see --namespace)`);

  const dsRequest: Request = { verb: 'get', resource: 'daemonsets', namespace, name: 'cilium' };
  const daemonSet = await read(dsRequest, () => apps.readNamespacedDaemonSet({ name: 'cilium', namespace }, bounded()), [403, 404]);
  const cilium = typeof daemonSet === 'number'
    ? { problem: daemonSet === 404 ? `there is no DaemonSet cilium in namespace ${namespace}` : describeRefusal(dsRequest) }
    : agentOf(daemonSet);

  // kube-proxy lives in kube-system whatever namespace Cilium is installed in.
  const kubeProxy = await read({ verb: 'get', resource: 'daemonsets', namespace: 'kube-system', name: 'kube-proxy' }, () => apps.readNamespacedDaemonSet({ name: 'kube-proxy', namespace: 'kube-system' }, bounded()), [403, 404]);

  // Each page becomes facts as it arrives: 5,000 Node objects are ~25 MB, the facts a small part of that.
  const nodesRequest: Request = { verb: 'list', resource: 'nodes' };
  const nodes: NodeFacts[] = [];
  let next: string | undefined;
  do {
    const token = next;
    const page = await read(nodesRequest, () => listNodePage(k8s, config, token, request.timeoutSeconds), [403]);
    if (typeof page === 'number') return { namespace, configMap: configMap.data ?? {}, cilium, nodes: undefined, nodesRefused: describeRefusal(nodesRequest), kubeProxy: presence(kubeProxy) };
    for (const item of page.items) {
      const facts = nodeFactsFromApi(item);
      if (facts) nodes.push(facts);
    }
    next = page.continue;
  } while (next !== undefined);

  return { namespace, configMap: configMap.data ?? {}, cilium, nodes, nodesRefused: undefined, kubeProxy: presence(kubeProxy) };
}

/** The agent container (cilium-agent, else the first) of the cilium DaemonSet. */
function agentOf(daemonSet: V1DaemonSet): CiliumAgent {
  const containers = daemonSet.spec?.template.spec?.containers ?? [];
  const agent = containers.find((container) => container.name === 'cilium-agent') ?? containers[0];
  const host = agent?.env?.find((variable) => variable.name === 'KUBERNETES_SERVICE_HOST');
  return { image: agent?.image, apiServerHost: host?.value || (host?.valueFrom ? 'valueFrom' : undefined) };
}

function presence(answer: V1DaemonSet | number): boolean | undefined {
  return answer === 404 ? false : answer === 403 ? undefined : true;
}
