// Find the project's .cilint.yaml: the nearest one upward from the working directory, as ESLint and Spectral do.
import { existsSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/** The names a config file may have, in the order they are tried in each directory. */
export const CONFIG_NAMES = ['.cilint.yaml', '.cilint.yml'] as const;

/** The nearest config file at or above a directory, or undefined when there is none up to the root. */
export function findConfig(start: string): string | undefined {
  let dir = resolve(start);
  for (;;) {
    for (const name of CONFIG_NAMES) {
      const candidate = join(dir, name);
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
