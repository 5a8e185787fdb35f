// What the built bundle loads: the files a start of dist/cli.js reads before it runs, and the chunks it may load later.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { ROOT } from './project.js';

const STATIC_IMPORT = /^(?:import|export)\s[^;]*?from\s*"(\.{1,2}\/[^"]+)";|^import\s*"(\.{1,2}\/[^"]+)";/gm;

/** The bundle files (relative to the repository) that loading `entry` loads at once: it and its static imports, transitively. */
export function staticallyLoaded(entry = 'dist/cli.js'): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string): void => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const match of readFileSync(join(ROOT, file), 'utf8').matchAll(STATIC_IMPORT)) {
      visit(relative(ROOT, join(ROOT, dirname(file), match[1] ?? match[2] ?? '')));
    }
  };
  visit(entry);
  return seen;
}

/** The chunks esbuild split off, relative to the repository. */
export function chunks(): string[] {
  return readdirSync(join(ROOT, 'dist', 'chunks')).map((name) => `dist/chunks/${name}`);
}

/** The chunks whose code contains a text. */
export function chunksContaining(text: string): string[] {
  return chunks().filter((file) => readFileSync(join(ROOT, file), 'utf8').includes(text));
}
