// Turn what a failed API request throws (HTTP status, timeout, network error) into one line for the user.
import { CilintError, firstLineOf } from '../errors.js';

/** A Request names one read: its verb, resource and namespace, for the messages. */
export interface Request {
  readonly verb: 'get' | 'list';
  readonly resource: string;
  readonly namespace?: string;
  readonly name?: string;
}

/** The HTTP status of a failed request, or undefined when the request got no answer. */
export function statusOf(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** Was this request aborted by --timeout? node-fetch reports the abort as an AbortError. */
export function isTimeout(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === 'AbortError' || (error as { type?: unknown } | null)?.type === 'aborted';
}

/** The one-line error that ends the run. */
export function describeFailure(error: unknown, request: Request, server: string, timeoutSeconds: number): CilintError {
  if (isTimeout(error)) return new CilintError(`no answer from the API server at ${server} within ${timeoutSeconds} s (${describe(request)}; see --timeout)`);
  const status = statusOf(error);
  if (status === 401) return new CilintError(`the API server at ${server} rejected the credentials (401 Unauthorized): check the kubeconfig's user or token`);
  if (status === 403) {
    const scope = request.namespace === undefined ? 'cluster-wide' : `in namespace ${request.namespace}`;
    return new CilintError(`the API server refused to ${request.verb} ${request.resource} ${scope} (403 Forbidden): grant "${request.verb}" on "${request.resource}" (examples/live-rbac.yaml)`);
  }
  if (status !== undefined) return new CilintError(`${describe(request)}: the API server at ${server} answered ${status}${statusMessage(error)}`);
  const code = (error as { code?: unknown } | null)?.code;
  const reason = typeof code === 'string' ? code : firstLineOf(error);
  return new CilintError(`cannot reach the API server at ${server}: ${reason}`);
}

/** The refusal in words, for the not-fatal 403 on nodes. */
export function describeRefusal(request: Request): string {
  return `the API server refused to ${request.verb} ${request.resource} (403 Forbidden)`;
}

function describe(request: Request): string {
  const name = request.name === undefined ? '' : ` ${request.name}`;
  const where = request.namespace === undefined ? '' : ` in ${request.namespace}`;
  return `${request.verb} ${request.resource}${name}${where}`;
}

/** The message of a Kubernetes Status body, when the answer has one. */
function statusMessage(error: unknown): string {
  let body = (error as { body?: unknown } | null)?.body;
  if (typeof body === 'string') {
    try {
      body = JSON.parse(body) as unknown;
    } catch {
      return '';
    }
  }
  const message = (body as { message?: unknown } | null)?.message;
  return typeof message === 'string' ? `: ${firstLineOf(message)}` : '';
}
