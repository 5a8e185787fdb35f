// The command-line shell: read the command line, run the command, and return ESLint's exit codes (0, 1, 2).
import { errorLine } from './errors.js';
import { parseLintArgs } from './cli/fast-lint-args.js';
import { runLint } from './cli/lint-command.js';
import type { LintFlags } from './cli/lint-command.js';

/** Where the CLI writes, and what it knows of its terminal. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly color: boolean;
}

/**
 * Run the CLI with arguments (without `node` and the script) and return the exit status.
 * Only what linting files needs runs up front. A plain `cilint lint` command line is read without
 * commander; commander, the other commands, live mode, a config file and SARIF initialise when used
 * (src/cli/program.ts, src/on-demand.ts).
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  try {
    const lint = parseLintArgs(argv);
    if (lint) return await runLint(lint.files, lint.flags as unknown as LintFlags, (attribute) => lint.given.has(attribute), io);
    const { runProgram } = await import('./cli/program.js');
    return await runProgram(argv, io);
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  io.stderr(`${errorLine(error)}\n`);
  // A bug is still one line, with the stack only on request.
  if (process.env['CILINT_DEBUG'] && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
  return 2;
}
