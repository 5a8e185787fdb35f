// The JSON report: a stable, documented shape (schemas/report.schema.json).
import { activeFindings } from './finding.js';
import type { Finding, LintResult } from './finding.js';

/** Render the report as JSON; key order is fixed so that the output is byte-for-byte reproducible. */
export function formatJson(result: LintResult): string {
  const report = {
    tool: { name: 'cilint', version: result.toolVersion },
    ciliumVersion: result.ciliumVersion,
    targets: result.targets.map((target) => ({ kind: target.kind, files: [...target.files] })),
    // The counts are of the findings that count; suppressed ones are listed, marked, and counted apart.
    summary: {
      errors: count(activeFindings(result.findings), 'error'),
      warnings: count(activeFindings(result.findings), 'warning'),
      notes: count(activeFindings(result.findings), 'note'),
      suppressed: result.findings.length - activeFindings(result.findings).length,
    },
    findings: result.findings.map((finding) => ({
      ruleId: finding.ruleId,
      level: finding.level,
      outcome: finding.outcome,
      message: finding.message,
      location: finding.location ?? null,
      key: finding.key ?? null,
      node: finding.node ?? null,
      related: finding.related.map((related) => ({ message: related.message, location: related.location ?? null })),
      suppressed: finding.suppression ? { kind: finding.suppression.kind, justification: finding.suppression.justification ?? null } : null,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function count(findings: readonly Finding[], level: Finding['level']): number {
  return findings.filter((finding) => finding.level === level).length;
}
