// Find and load the kubeconfig as kubectl does: --kubeconfig, else the files of $KUBECONFIG, else ~/.kube/config.
import { existsSync } from 'node:fs';
import { homedir } from 'node:os';
import { delimiter, join } from 'node:path';
import type { KubeConfig } from '@kubernetes/client-node';
import { CilintError, firstLineOf, UsageError } from '../errors.js';

/** The client library's module, loaded by the caller only in live mode. */
export type KubeClient = typeof import('@kubernetes/client-node');

/** Which kubeconfig and context to use. */
export interface KubeconfigRequest {
  readonly file: string | undefined;
  readonly context: string | undefined;
}

/**
 * Load the kubeconfig. As kubectl does, missing $KUBECONFIG entries are skipped and, across several files,
 * the first file to name a cluster, user or context wins. In a pod with neither, the in-cluster service
 * account is used. A file that does not parse or a context that does not exist is one line and exit 2.
 */
export function loadKubeconfig(k8s: KubeClient, request: KubeconfigRequest, env: NodeJS.ProcessEnv = process.env): KubeConfig {
  const config = new k8s.KubeConfig();
  const files = request.file !== undefined ? [request.file] : defaultFiles(env);
  if (files.length === 0) {
    if (!env['KUBERNETES_SERVICE_HOST']) throw new UsageError('no kubeconfig: give --kubeconfig, set KUBECONFIG or create ~/.kube/config');
    config.loadFromCluster();
  }
  files.forEach((file, index) => {
    const one = index === 0 ? config : new k8s.KubeConfig();
    try {
      one.loadFromFile(file);
    } catch (error) {
      const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : firstLineOf(error);
      throw new CilintError(`${file}: cannot read the kubeconfig: ${reason}`);
    }
    if (one !== config) mergeFirstWins(config, one);
  });
  if (request.context !== undefined) {
    if (!config.getContextObject(request.context)) throw new UsageError(`--context ${request.context}: no such context in ${files.join(', ') || 'the kubeconfig'}`);
    config.setCurrentContext(request.context);
  }
  if (!config.getCurrentCluster()) throw new UsageError(`the kubeconfig (${files.join(', ')}) has no current context with a cluster: give --context`);
  return config;
}

function defaultFiles(env: NodeJS.ProcessEnv): string[] {
  const list = env['KUBECONFIG'];
  if (list) return list.split(delimiter).filter((file) => file !== '' && existsSync(file));
  const home = env['HOME'] ?? homedir();
  const file = join(home, '.kube', 'config');
  return existsSync(file) ? [file] : [];
}

/** Merge a later file into the config: names already present keep their first definition (kubectl's rule). */
function mergeFirstWins(config: KubeConfig, later: KubeConfig): void {
  for (const cluster of later.clusters) if (!config.getCluster(cluster.name)) config.addCluster(cluster);
  for (const user of later.users) if (!config.getUser(user.name)) config.addUser(user);
  for (const context of later.contexts) if (!config.getContextObject(context.name)) config.addContext(context);
  if (!config.currentContext && later.currentContext) config.setCurrentContext(later.currentContext);
}
