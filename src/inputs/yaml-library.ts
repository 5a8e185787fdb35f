// The yaml library, loaded the first time a file needs it: common-yaml.ts reads most files without it, and
// parsing its 250 KB of code was a tenth of every cold start.
import { requireLazily } from '../require-lazily.js';

/**
 * The yaml library, required on first use (a synchronous load: lint() is synchronous). It resolves from
 * node_modules, a dependency of every install; the Action, which runs from its repository without one,
 * bundles the library in its place (scripts/bundle-action.mjs).
 */
export function yamlLibrary(): typeof import('yaml') {
  return requireLazily('yaml');
}
