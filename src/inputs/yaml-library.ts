// The yaml library, loaded the first time a file needs it: common-yaml.ts reads most files without it, and
// parsing its 250 KB of code was a tenth of every cold start.
import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

let library: typeof Yaml | undefined;

/**
 * The yaml library, required on first use (a synchronous load: lint() is synchronous). It resolves from
 * node_modules, a dependency of every install; the Action, which runs from its repository without one,
 * bundles the library in its place (scripts/bundle-action.mjs).
 */
export function yamlLibrary(): typeof Yaml {
  library ??= createRequire(import.meta.url)('yaml') as typeof Yaml;
  return library;
}
