// dist/rules.json: the rule files as the build parsed and checked them, used for as long as the files are unchanged.
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../package-root.js';
import { requireLazily } from '../require-lazily.js';
import type { Rule } from './rule-definition.js';

/** One rule file as the build stores it: its name, its size and a hash of its text (to tell it is unchanged), and the rule. */
export interface PrecompiledRule {
  readonly name: string;
  readonly bytes: number;
  readonly sha1: string;
  readonly rule: StoredRule;
}

/** A loaded rule as JSON holds it: its patterns by their sources. */
type StoredRule = Omit<Rule, 'patterns'> & { readonly patterns: readonly string[] };

/** Where the build stores the rules, beside the bundle. */
export const precompiledFile = (): string => join(packageRoot(), 'dist', 'rules.json');

/** The stored form of one rule file: its text's size and hash, and the rule loaded from it. */
export function precompiledRule(name: string, text: string, rule: Rule): PrecompiledRule {
  return { name, bytes: Buffer.byteLength(text), sha1: sha1(text), rule: { ...rule, patterns: [...rule.patterns.keys()] } };
}

/** The rule as loading its file gave it, with its patterns compiled again. */
export function storedRule({ rule }: PrecompiledRule): Rule {
  return { ...rule, patterns: new Map(rule.patterns.map((source) => [source, new RegExp(source)])) };
}

/**
 * The rules stored in `file` when they are exactly the rule files of `directory` (same names and texts), else undefined.
 *
 * Hashing every file on every run cost more than the rest of loading the rules, so a file is hashed only
 * when its stat cannot vouch for it. A file no newer than `file` and of the size stored is the one the
 * build read (the build checks that none changed while it ran):
 * - Saving a file, or a git checkout or pull changing it, stamps it with the current time, later than the
 *   build's; it is then hashed, and if its text changed the YAML is read again. A user editing rules/ in a
 *   checkout never gets stale rules.
 * - npm pack stamps every file of a package with one fixed date, `file` included, so an installed
 *   package's files tie with it and are not hashed, while one edited there after install is newer. Times
 *   alone are not enough, which is why texts are hashed at all: a package manager that unpacks with fresh
 *   times, in any order, makes files newer than `file` without a change, and they are judged by content.
 * - A copy that keeps an older time (cp -p, rsync -a, tar x) gets past the time test, but a changed text
 *   of another length still fails the size test.
 */
export function readPrecompiled(file: string, directory: string, files: readonly string[]): PrecompiledRule[] | undefined {
  let stored: PrecompiledRule[];
  let builtAt: number;
  try {
    builtAt = statSync(file).mtimeMs;
    stored = JSON.parse(readFileSync(file, 'utf8')) as PrecompiledRule[];
  } catch {
    return undefined;
  }
  if (stored.length !== files.length || stored.some((rule, index) => rule.name !== files[index])) return undefined;
  const unchanged = (rule: PrecompiledRule): boolean => {
    // Not join(): normalising 121 paths is a measurable part of this check, and a name is one segment.
    const path = `${directory}/${rule.name}`;
    const stat = statSync(path);
    return (stat.mtimeMs <= builtAt && stat.size === rule.bytes) || rule.sha1 === sha1(readFileSync(path, 'utf8'));
  };
  return stored.every(unchanged) ? stored : undefined;
}

// node:crypto is required when first needed: a run whose rule files all pass the time test never hashes.
function sha1(text: string): string {
  const { createHash } = requireLazily('node:crypto');
  return createHash('sha1').update(text).digest('hex');
}
