// Modules most runs never use, required the first time they are needed: importing them cost every start.
import { createRequire } from 'node:module';

/** What may be required lazily, and its type. */
interface Lazy {
  'node:child_process': typeof import('node:child_process');
  'node:crypto': typeof import('node:crypto');
  'node:os': typeof import('node:os');
  yaml: typeof import('yaml');
}

let requireHere: NodeJS.Require | undefined;

/** Require a module now, synchronously (lint() is synchronous); Node caches it for the next call. */
export function requireLazily<K extends keyof Lazy>(specifier: K): Lazy[K] {
  // Made on first use too: creating a require function is itself a measurable part of a start.
  requireHere ??= createRequire(import.meta.url);
  return requireHere(specifier) as Lazy[K];
}
