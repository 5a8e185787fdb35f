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
