// Turn what was read from the cluster into lint()'s inputs: the ConfigMap as a target, the nodes, kube-proxy.
import { findCiliumConfig } from '../inputs/classify.js';
import { configMapTarget } from '../inputs/targets.js';
import { parseYamlFile } from '../inputs/yaml-tree.js';
import { rules } from '../lint.js';
import type { ClusterInputs } from '../lint.js';
import { DERIVED_FACTS } from '../rules/facts.js';
import { InputChecks } from '../rules/input-checks.js';
import { inRange } from '../model/steps.js';
import type { Minor } from '../version.js';
import type { ClusterState } from './read-cluster.js';

/**
 * Does the agent know the API server's real address? Without kube-proxy nothing serves the kubernetes
 * Service's ClusterIP until the agent itself does, so it needs KUBERNETES_SERVICE_HOST (k8sServiceHost) or,
 * from 1.18, k8s-api-server-urls; k8s-api-server has always been an agent option too. When the DaemonSet
 * could not be read this is unknown, and nothing is reported.
 */
function knowsApiServer(state: ClusterState, minor: Minor): boolean {
  if ('problem' in state.cilium || state.cilium.apiServerHost) return true;
  const keys = ['k8s-api-server', ...(inRange(minor, '1.18', undefined) ? ['k8s-api-server-urls'] : [])];
  return keys.some((key) => (state.configMap[key] ?? '').trim() !== '');
}

/** The resource name live ConfigMap findings are located at. */
export function configMapResource(namespace: string): string {
  return `configmap/${namespace}/cilium-config`;
}

/**
 * Build the inputs. The ConfigMap goes through the very reader a ConfigMap file does, as a file named after
 * its resource (JSON is YAML), so live and file targets cannot disagree; relocate() later turns that name
 * back into a resource location.
 */
export function clusterInputs(state: ClusterState, minor: Minor): ClusterInputs {
  const resource = configMapResource(state.namespace);
  const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cilium-config', namespace: state.namespace }, data: state.configMap };
  const parsed = parseYamlFile(resource, JSON.stringify(manifest, null, 1));
  const match = findCiliumConfig(parsed);
  if (!match) throw new Error(`the ConfigMap read from ${resource} was not recognised`);
  const target = configMapTarget(parsed, match, minor);
  const findings = [];
  const kpr = DERIVED_FACTS['kpr-full'](target.model);
  const checks = new InputChecks(rules());
  const kprValue = target.model.setting('kube-proxy-replacement').value ?? 'unset';
  if (state.kubeProxy === true && kpr.value === 'true') findings.push(...checks.kubeProxyPresent('daemonset/kube-system/kube-proxy', kprValue));
  if (state.kubeProxy === false && kpr.value === 'true' && !knowsApiServer(state, minor)) {
    findings.push(...checks.apiServerAddressMissing(`daemonset/${state.namespace}/cilium`, kprValue));
  }
  return {
    target,
    configMap: { resource, data: new Map(Object.entries(state.configMap)) },
    nodes: state.nodes,
    nodesRefused: state.nodesRefused,
    findings,
  };
}
