// The typed errors that end a run with exit status 2, each with a one-line message.

/** A CilintError is a problem with the invocation or an input; the CLI prints its message and exits 2. */
export class CilintError extends Error {
  override readonly name: string = 'CilintError';
}

/** A UsageError is a bad flag, flag value or combination of flags. */
export class UsageError extends CilintError {
  override readonly name = 'UsageError';
}

/** An InputError is an input file that cannot be read or does not have the expected shape. */
export class InputError extends CilintError {
  override readonly name = 'InputError';
  constructor(file: string, detail: string, line?: number, column?: number) {
    super(`${file}${line === undefined ? '' : `:${line}${column === undefined ? '' : `:${column}`}`}: ${detail}`);
  }
}

/** A RuleDefinitionError is a rule file that fails its schema or its load-time checks. */
export class RuleDefinitionError extends CilintError {
  override readonly name = 'RuleDefinitionError';
  constructor(file: string, pointer: string, detail: string) {
    super(`${file}${pointer ? ` at ${pointer}` : ''}: ${detail}`);
  }
}

/** The first line of an error's message (or of any thrown value), for one-line reports. */
export function firstLineOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).trim().split('\n')[0] ?? '';
}

/** How a run that failed says so, in one line: a CilintError's message, else an internal error's first line, never a stack. */
export function errorLine(error: unknown): string {
  return error instanceof CilintError ? `cilint: ${error.message}` : `cilint: internal error: ${firstLineOf(error)}`;
}
