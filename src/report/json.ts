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
      location: finding.location ?? liveLocation(finding.resource, finding.key),
      key: finding.key ?? null,
      node: finding.node ?? null,
      related: finding.related.map((related) => ({ message: related.message, location: related.location ?? liveLocation(related.resource, undefined) })),
      suppressed: finding.suppression ? { kind: finding.suppression.kind, justification: finding.suppression.justification ?? null } : null,
    })),
  };
  return `${JSON.stringify(report, null, 2)}\n`;
}

/** A live finding's place: the cluster object and, for a ConfigMap, the key (schemas/report.schema.json resourceLocation). */
function liveLocation(resource: string | undefined, key: string | undefined): { resource: string; key: string | null } | null {
  return resource === undefined ? null : { resource, key: key ?? null };
}

function count(findings: readonly Finding[], level: Finding['level']): number {
  return findings.filter((finding) => finding.level === level).length;
}
