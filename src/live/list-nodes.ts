// List the cluster's Nodes one page at a time, as plain JSON, through the client's own transport and errors.
import type { KubeConfig } from '@kubernetes/client-node';
import type { KubeClient } from './kubeconfig.js';

/** One page of a NodeList: its Nodes as the API server sent them, and the token of the next page. */
export interface NodePage {
  readonly items: readonly unknown[];
  readonly continue: string | undefined;
}

/** kubectl's page size: 5,000 nodes are ten requests, and no answer is very large. */
export const PAGE = 500;

/**
 * GET /api/v1/nodes?limit=500&continue=…, as CoreV1Api.listNode sends it. listNode turns every Node into
 * the client's typed model (each nested object copied, each timestamp parsed): for 5,000 real Nodes,
 * ~25 MB of JSON, that took longer than linting them, to read seven fields. So the page goes through the
 * same pieces listNode uses (the client's HTTP library, the kubeconfig's authentication with its TLS,
 * tokens, exec plugins and proxy, and ApiException for an HTTP error), but is only parsed as JSON.
 */
export async function listNodePage(k8s: KubeClient, config: KubeConfig, token: string | undefined, timeoutSeconds: number): Promise<NodePage> {
  const server = (config.getCurrentCluster()?.server ?? '').replace(/\/+$/, '');
  const context = new k8s.RequestContext(`${server}/api/v1/nodes`, k8s.HttpMethod.GET);
  context.setHeaderParam('Accept', 'application/json');
  context.setQueryParam('limit', String(PAGE));
  if (token !== undefined) context.setQueryParam('continue', token);
  await config.applySecurityAuthentication(context);
  context.setSignal(AbortSignal.timeout(timeoutSeconds * 1000));
  const response = await new k8s.IsomorphicFetchHttpLibrary().send(context).toPromise();
  const body = await response.body.text();
  const status = response.httpStatusCode;
  if (status < 200 || status > 299) throw new k8s.ApiException(status, `HTTP-Code: ${status}`, body, response.headers);
  const list = JSON.parse(body) as { items?: unknown; metadata?: { continue?: unknown } } | null;
  const next = list?.metadata?.continue;
  return { items: Array.isArray(list?.items) ? list.items : [], continue: typeof next === 'string' && next !== '' ? next : undefined };
}
