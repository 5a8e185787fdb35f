// The output formats by name (the CLI refuses any other --format, never falling back silently).
import type { LintResult } from './finding.js';
import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import { formatText } from './text.js';

/** The formats --format accepts. */
export const FORMATS = ['text', 'json', 'sarif', 'github'] as const;
export type FormatName = (typeof FORMATS)[number];

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
