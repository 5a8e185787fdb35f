// Expand the `files` input's globs from the workspace: sorted, without duplicates, and never silently empty.
import { globSync, isDynamicPattern } from 'tinyglobby';
import { UsageError } from '../errors.js';

/**
 * Each glob must match at least one file: a pattern that matches nothing is a typo or a moved directory,
 * and passing on it would report a clean lint of nothing (kube-linter#209, kubeconform#230). A plain path
 * is kept as it is, so that a missing file is reported as one.
 */
export function expandFiles(patterns: readonly string[], cwd: string): string[] {
  const files: string[] = [];
  for (const pattern of patterns) {
    if (!isDynamicPattern(pattern)) {
      files.push(pattern);
      continue;
    }
    const matches = globSync(pattern, { cwd, onlyFiles: true, dot: true, expandDirectories: false }).sort();
    if (matches.length === 0) throw new UsageError(`input files: "${pattern}" matches no file`);
    files.push(...matches);
  }
  return [...new Set(files)];
}
