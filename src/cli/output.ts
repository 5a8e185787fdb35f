// Where a command's output goes: standard output, or the file --output names.
import { writeFileSync } from 'node:fs';
import type { CliIo } from '../cli.js';
import { UsageError } from '../errors.js';

/** Print `text`, or write it to the --output file; a file that cannot be written is a usage error. */
export function emit(text: string, output: string | undefined, io: CliIo): void {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
