// The ESLint "stylish" text report: findings grouped by file, then a summary count.
import { activeFindings } from './finding.js';
import type { Finding, LintResult } from './finding.js';

/** Colours for a terminal; empty strings when colour is off. */
interface Palette {
  readonly bold: (text: string) => string;
  readonly dim: (text: string) => string;
  readonly level: (level: Finding['level'], text: string) => string;
}

const PLAIN: Palette = { bold: (t) => t, dim: (t) => t, level: (_, t) => t };
const ANSI: Palette = {
  bold: (t) => `\u001b[1m${t}\u001b[22m`,
  dim: (t) => `\u001b[2m${t}\u001b[22m`,
  level: (level, t) => `\u001b[${level === 'error' ? 31 : level === 'warning' ? 33 : 36}m${t}\u001b[39m`,
};

/** Render the report; colour only when asked (the CLI asks on a TTY without NO_COLOR). */
export function formatText(result: LintResult, options: { color: boolean } = { color: false }): string {
  const palette = options.color ? ANSI : PLAIN;
  // Suppressed findings are left out, as ESLint's stylish leaves out its suppressedMessages; the count says so.
  const findings = activeFindings(result.findings);
  const suppressed = result.findings.length - findings.length;
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const file = finding.location?.file ?? finding.resource ?? '<command line>';
    const group = byFile.get(file);
    if (group) group.push(finding);
    else byFile.set(file, [finding]);
  }
  const lines: string[] = [];
  for (const [file, findings] of byFile) {
    lines.push('', palette.bold(file));
    const rows = findings.map((f) => [
      // A live finding has no line: its ConfigMap key stands in the position column.
      f.location || f.resource === undefined ? `${f.location?.line ?? 0}:${f.location?.column ?? 0}` : (f.key ?? '-'),
      f.level,
      f.node ? `[${f.node}] ${f.message}` : f.message,
      f.ruleId,
    ] as const);
    const width = (i: 0 | 1) => Math.max(...rows.map((row) => row[i].length));
    const [positionWidth, levelWidth] = [width(0), width(1)];
    for (const [position, level, message, ruleId] of rows) {
      lines.push(`  ${palette.dim(position.padEnd(positionWidth))}  ${palette.level(level, level.padEnd(levelWidth))}  ${message}  ${palette.dim(ruleId)}`);
    }
  }
  const count = (level: Finding['level']) => findings.filter((f) => f.level === level).length;
  const [errors, warnings, notes] = [count('error'), count('warning'), count('note')];
  const total = findings.length;
  const hidden = suppressed > 0 ? `, ${suppressed} suppressed` : '';
  if (total > 0) {
    const summary = `${errors > 0 ? '✖' : '⚠'} ${plural(total, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${plural(notes, 'note')}${hidden})`;
    lines.push('', palette.bold(errors > 0 ? palette.level('error', summary) : summary));
  } else {
    const files = result.targets.flatMap((target) => target.files).length;
    lines.push(`✔ no problems (${plural(files, 'file')} linted for Cilium ${result.ciliumVersion}${hidden})`);
  }
  return `${lines.join('\n').replace(/^\n/, '')}\n`;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}
