// Types of fake-kube-api.mjs, the local HTTPS Kubernetes API server shared by the e2e tests and the bench.

/** What the fake cluster holds; each field can also make its request fail. */
export interface Cluster {
  /** The cilium-config data; undefined: there is no such ConfigMap (404). */
  configMap?: Record<string, string> | 'forbidden' | undefined;
  /** The cilium DaemonSet's agent image; undefined: no DaemonSet (404). */
  ciliumImage?: string | undefined;
  kubeProxy?: boolean;
  /** How the cilium DaemonSet sets KUBERNETES_SERVICE_HOST (k8sServiceHost): a value (default), from a ConfigMap, or not at all. */
  apiServerHost?: 'value' | 'valueFrom' | 'none';
  /** The nodes, or a refusal to list them (403), or API Priority and Fairness turning the list away (429). */
  nodes?: object[] | 'forbidden' | 'overloaded';
  /** Accept requests and never answer them; 'nodes': only the node list. */
  hang?: boolean | 'nodes';
}

/** A running fake API server; `requests` lists every method and URL it was asked for. */
export interface FakeApi {
  readonly url: string;
  readonly caFile: string;
  readonly requests: string[];
  close(): Promise<void>;
}

/** The files makeCertificates writes. */
export interface Certificates {
  readonly dir: string;
  readonly ca: string;
  readonly key: string;
  readonly cert: string;
}

export const TOKEN: string;
export function makeCertificates(): Certificates;
export function startFakeApi(cluster: Cluster, tls?: Certificates): Promise<FakeApi>;
export function node(name: string, kernel: string, extra?: { providerID?: string; podCIDR?: string }): object;
export function realisticNode(index: number): object;
export function writeKubeconfig(dir: string, api: Pick<FakeApi, 'url' | 'caFile'>, token?: string): string;
