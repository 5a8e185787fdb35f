// Find the base of the pull request the workflow runs for, so that the change rules compare with it.
import { readFileSync } from 'node:fs';

/**
 * The base commit on a pull_request (or pull_request_target) event: pull_request.base.sha from the event
 * payload, else origin/<GITHUB_BASE_REF>. Undefined on any other event, where there is nothing to compare.
 */
export function pullRequestBase(env: NodeJS.ProcessEnv): string | undefined {
  const event = env['GITHUB_EVENT_NAME'];
  if (event !== 'pull_request' && event !== 'pull_request_target') return undefined;
  const payload = env['GITHUB_EVENT_PATH'];
  if (payload) {
    try {
      const sha = (JSON.parse(readFileSync(payload, 'utf8')) as { pull_request?: { base?: { sha?: unknown } } }).pull_request?.base?.sha;
      if (typeof sha === 'string' && /^[0-9a-f]{7,64}$/i.test(sha)) return sha;
    } catch {
      // An unreadable payload: fall back to the base branch's name.
    }
  }
  const ref = env['GITHUB_BASE_REF'];
  return ref ? `origin/${ref}` : undefined;
}
