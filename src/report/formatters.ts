// The output formats by name; an unknown name is a usage error, never a silent fallback.
import { UsageError } from '../errors.js';
import type { LintResult } from './finding.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

/** The formats --format accepts. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

/** Check a --format value. */
export function parseFormat(name: string): FormatName {
  if ((FORMATS as readonly string[]).includes(name)) return name as FormatName;
  throw new UsageError(`unknown --format "${name}" (expected one of: ${FORMATS.join(', ')})`);
}

/** Render a result in a format. SARIF is imported when asked for: its fingerprints need node:crypto, slow to load. */
export async function format(result: LintResult, name: FormatName, options: { color: boolean }): Promise<string> {
  switch (name) {
    case 'text':
      return formatText(result, options);
    case 'json':
      return formatJson(result);
    case 'sarif':
      return (await import('../on-demand.js')).formatSarif(result);
    case 'github':
      return formatGithub(result);
  }
}
