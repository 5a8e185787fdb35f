// GitHub Actions workflow commands: one annotation per finding, on its file and line.
import { activeFindings } from './finding.js';
import type { LintResult } from './finding.js';

const COMMAND = { error: 'error', warning: 'warning', note: 'notice' } as const;

/** Render, for each unsuppressed finding, `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` lines. */
export function formatGithub(result: LintResult): string {
  return activeFindings(result.findings)
    .map((finding) => {
      const properties: string[] = [];
      if (finding.location) {
        const { file, line, column, endLine, endColumn } = finding.location;
        properties.push(`file=${escapeProperty(file)}`, `line=${line}`, `col=${column}`, `endLine=${endLine}`, `endColumn=${endColumn}`);
      }
      properties.push(`title=${escapeProperty(`cilint ${finding.ruleId}`)}`);
      // Without a file (live mode) the annotation names the cluster object in its message instead.
      const where = !finding.location && finding.resource ? `${finding.resource}${finding.key ? ` ${finding.key}` : ''}: ` : '';
      const message = `${where}${finding.node ? `[${finding.node}] ` : ''}${finding.message}`;
      return `::${COMMAND[finding.level]} ${properties.join(',')}::${escapeData(message)}\n`;
    })
    .join('');
}

/** Escape message data as the runner expects (actions/toolkit command.ts escapeData). */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Property values must also escape the separators `:` and `,` (actions/toolkit command.ts escapeProperty). */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
