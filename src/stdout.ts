// Standard output written with fs.writeSync, not process.stdout: creating that stream loads Node's net and
// stream modules (or tty's), about a tenth of what a cold lint adds to Node's own start.
import { fstatSync, writeSync } from 'node:fs';
import { CilintError } from './errors.js';

const STDOUT = 1;
let closed = false;
let pause: Int32Array | undefined;

/**
 * Write all of `text` to standard output before returning. A non-blocking pipe (one a parent process shares)
 * takes part of it or none (EAGAIN): wait a millisecond and go on. A reader that stops early (`cilint … | head`)
 * closes the pipe (EPIPE): stop writing quietly, as other CLIs do. Any other failure (a full disk) is an
 * error of the run, exit status 2.
 */
export function writeStdout(text: string): void {
  if (closed) return;
  if (process.platform === 'win32') return writeStream(text);
  const bytes = Buffer.from(text);
  let offset = 0;
  while (offset < bytes.length) {
    try {
      offset += writeSync(STDOUT, bytes, offset);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        pause ??= new Int32Array(new SharedArrayBuffer(4));
        Atomics.wait(pause, 0, 0, 1);
        continue;
      }
      if (code === 'EPIPE') {
        closed = true;
        return;
      }
      throw new CilintError(`cannot write the report: ${code ?? String(error)}`);
    }
  }
}

/**
 * On Windows, through process.stdout: only the stream converts text to UTF-16 for a console, and a report's
 * symbols (✖, arrows, dashes) would show garbled without it. A closed pipe still stops quietly.
 */
function writeStream(text: string): void {
  if (process.stdout.listenerCount('error') === 0) {
    process.stdout.on('error', (error: NodeJS.ErrnoException) => {
      closed = true;
      if (error.code === 'EPIPE') return;
      process.stderr.write(`cilint: cannot write the report: ${error.code ?? error.message}\n`);
      process.exitCode = 2;
    });
  }
  process.stdout.write(text);
}

/**
 * True when standard output is a terminal. A character device stands for one: tty.isatty() would load the
 * net module, and the other character devices (/dev/null) show no colour anyway.
 */
export function stdoutIsTerminal(): boolean {
  try {
    return fstatSync(STDOUT).isCharacterDevice();
  } catch {
    return false;
  }
}
