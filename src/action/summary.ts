// The job summary: counts, then one markdown table of findings per file, each rule linked to its documentation.
import { ruleDocsUrl } from '../report/docs-url.js';
import { activeFindings } from '../report/finding.js';
import type { Finding, LintResult } from '../report/finding.js';

const ICON = { error: '❌', warning: '⚠️', note: 'ℹ️' } as const;
// GitHub accepts a summary of up to 1 MiB per step; a table this long is read in the SARIF file instead.
const MAX_ROWS = 500;

/** What the summary says besides the findings. */
export interface SummaryContext {
  readonly hiddenAnnotations: number;
  readonly notices: readonly string[];
  readonly sarifFile: string;
}

/** Render the summary as GitHub-flavoured markdown. */
export function formatSummary(result: LintResult, context: SummaryContext): string {
  const findings = activeFindings(result.findings);
  const count = (level: Finding['level']) => findings.filter((finding) => finding.level === level).length;
  const suppressed = result.findings.length - findings.length;
  const out: string[] = [
    `## cilint: ${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}, ${plural(count('note'), 'note')}`,
    '',
    `Cilium ${result.ciliumVersion} · ${plural(result.targets.length, 'target')}${suppressed > 0 ? ` · ${suppressed} suppressed (not listed)` : ''}`,
    '',
  ];
  for (const notice of context.notices) out.push(`> [!NOTE]`, `> ${cell(notice)}`, '');
  if (findings.length === 0) out.push('✔ No problems.', '');
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings.slice(0, MAX_ROWS)) {
    const file = finding.location?.file ?? '(command line)';
    byFile.set(file, [...(byFile.get(file) ?? []), finding]);
  }
  for (const [file, rows] of byFile) {
    out.push(`### \`${file}\``, '', '| Line | Level | Rule | Message |', '|---:|---|---|---|');
    for (const finding of rows) {
      const message = finding.node ? `[${finding.node}] ${finding.message}` : finding.message;
      out.push(`| ${finding.location?.line ?? ''} | ${ICON[finding.level]} ${finding.level} | [${finding.ruleId}](${ruleDocsUrl(finding.ruleId)}) | ${cell(message)} |`);
    }
    out.push('');
  }
  if (findings.length > MAX_ROWS) out.push(`…and ${findings.length - MAX_ROWS} more findings, in the SARIF file \`${context.sarifFile}\`.`, '');
  if (context.hiddenAnnotations > 0) {
    out.push(`${plural(context.hiddenAnnotations, 'finding')} not annotated in the diff: GitHub shows about 10 annotations per level per step, so the most severe were annotated. Every finding is in the table above and in \`${context.sarifFile}\`.`, '');
  }
  return out.join('\n');
}

/** Text safe in a table cell: no pipes, line breaks or raw HTML. */
function cell(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
