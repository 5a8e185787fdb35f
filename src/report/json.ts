// The JSON report: a stable, documented shape (schemas/report.schema.json).
import type { Finding, LintResult } from './finding.js';

/** Render the report as JSON; key order is fixed so that the output is byte-for-byte reproducible. */
export function formatJson(result: LintResult): string {
  const report = {
    tool: { name: 'cilint', version: result.toolVersion },
    ciliumVersion: result.ciliumVersion,
    targets: result.targets.map((target) => ({ kind: target.kind, files: [...target.files] })),
    summary: {
      errors: count(result.findings, 'error'),
      warnings: count(result.findings, 'warning'),
      notes: count(result.findings, 'note'),
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
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

function count(findings: readonly Finding[], level: Finding['level']): number {
  return findings.filter((finding) => finding.level === level).length;
}
