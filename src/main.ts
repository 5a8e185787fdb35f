// The process glue of the `cilint` binary: wire the CLI to stdout, stderr and the exit code.
import { runCli } from './cli.js';
import { stdoutIsTerminal, writeStdout } from './stdout.js';

/** True when colour suits this terminal: a TTY, unless NO_COLOR is set (FORCE_COLOR forces it). */
function wantsColor(): boolean {
  if (process.env['NO_COLOR'] !== undefined && process.env['NO_COLOR'] !== '') return false;
  if (process.env['FORCE_COLOR'] !== undefined && process.env['FORCE_COLOR'] !== '0') return true;
  return stdoutIsTerminal();
}

/** Run `cilint` with the process's arguments, and set its exit code. */
export async function main(): Promise<void> {
  // On newer Node the Kubernetes client (live mode) trips deprecation warnings (punycode DEP0040, url.parse
  // DEP0169) that a cilint user can do nothing about, and that break the one-line error contract. Other
  // warnings still show.
  const defaultWarningHandlers = process.listeners('warning');
  process.removeAllListeners('warning');
  process.on('warning', (warning: Error) => {
    if (warning.name !== 'DeprecationWarning') for (const handler of defaultWarningHandlers) handler(warning);
  });

  process.exitCode = await runCli(process.argv.slice(2), {
    stdout: writeStdout,
    stderr: (text) => process.stderr.write(text),
    color: wantsColor(),
  });
}
