// SARIF 2.1.0 for GitHub code scanning: one run, every rule described, every result on its real line.
import { createHash } from 'node:crypto';
import { ruleDocsUrl } from './docs-url.js';
import type { Finding, LintResult, Location, RuleSummary } from './finding.js';

/** Render the report as one SARIF run. */
export function formatSarif(result: LintResult): string {
  const index = new Map(result.rules.map((rule, i) => [rule.id, i]));
  const located = result.findings.filter((finding) => finding.location !== undefined || finding.resource !== undefined);
  const unlocated = result.findings.filter((finding) => finding.location === undefined && finding.resource === undefined);
  const fingerprints = numberOccurrences(located.map(fingerprintBase));
  const log = {
    $schema: 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'cilint',
            version: result.toolVersion,
            semanticVersion: result.toolVersion,
            informationUri: ruleDocsUrl(),
            rules: result.rules.map(describeRule),
          },
        },
        automationDetails: { id: 'cilint/' },
        columnKind: 'utf16CodeUnits',
        properties: { ciliumVersion: result.ciliumVersion },
        // GitHub rejects a whole upload if one result has no location: such findings become notifications.
        invocations: [{ executionSuccessful: true, toolExecutionNotifications: unlocated.map(describeNotification) }],
        results: located.map((finding, i) => describeResult(finding, index.get(finding.ruleId) ?? -1, fingerprints[i] ?? '')),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function describeRule(rule: RuleSummary) {
  const references = rule.references.map((url) => `- <${url}>`).join('\n');
  return {
    id: rule.id,
    name: rule.id,
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.description },
    // GitHub does not display helpUri, so the links are repeated in the help text itself.
    help: {
      text: `${rule.remediation}\n\nReferences:\n${rule.references.join('\n')}\n\nDocumentation: ${ruleDocsUrl(rule.id)}`,
      markdown: `${rule.description}\n\n**Remediation:** ${rule.remediation}\n\n**References:**\n${references}\n\n[cilint rule documentation](${ruleDocsUrl(rule.id)})`,
    },
    helpUri: ruleDocsUrl(rule.id),
    defaultConfiguration: { level: rule.level },
    properties: { tags: ['cilium', rule.category], precision: 'very-high', 'problem.severity': rule.level === 'note' ? 'recommendation' : rule.level },
  };
}

function describeNotification(finding: Finding) {
  return { level: finding.level, message: { text: finding.message }, associatedRule: { id: finding.ruleId } };
}

function describeResult(finding: Finding, ruleIndex: number, fingerprint: string) {
  const result: Record<string, unknown> = {
    ruleId: finding.ruleId,
    ...(ruleIndex >= 0 ? { ruleIndex } : {}),
    level: finding.level,
    message: { text: finding.node ? `[${finding.node}] ${finding.message}` : finding.message },
  };
  if (finding.location) result['locations'] = [{ physicalLocation: physical(finding.location) }];
  else if (finding.resource) result['locations'] = [{ logicalLocations: [logical(finding.resource, finding.key)] }];
  if (finding.related.length > 0) {
    result['relatedLocations'] = finding.related.map((related, id) => ({
      id,
      message: { text: related.message },
      ...(related.location ? { physicalLocation: physical(related.location) } : {}),
      ...(related.resource ? { logicalLocations: [logical(related.resource, undefined)] } : {}),
    }));
  }
  result['partialFingerprints'] = { primaryLocationLineHash: fingerprint };
  // Suppressed findings stay in the log, marked, so that code scanning shows them as dismissed rather than open.
  if (finding.suppression) {
    const { kind, justification } = finding.suppression;
    result['suppressions'] = [{ kind, status: 'accepted', ...(justification ? { justification } : {}) }];
  }
  result['properties'] = { outcome: finding.outcome, ...(finding.node ? { node: finding.node } : {}), ...(finding.key ? { key: finding.key } : {}) };
  return result;
}

function physical(location: Location) {
  return {
    artifactLocation: { uri: location.file.split('/').map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' },
    region: { startLine: location.line, startColumn: location.column, endLine: location.endLine, endColumn: Math.max(location.endColumn, location.column) },
  };
}

/**
 * A live finding has no file: it is about a cluster object, or one key of a ConfigMap. Live SARIF is for
 * reading, not code scanning (GitHub wants a physical location), so logical locations say where it is.
 */
function logical(resource: string, key: string | undefined) {
  return key === undefined
    ? { name: resource, fullyQualifiedName: resource, kind: 'resource' }
    : { name: key, fullyQualifiedName: `${resource}/data/${key}`, kind: 'property' };
}

/** A fingerprint from rule, file, key and node, never the line, so that edits elsewhere keep alerts stable. */
export function fingerprintBase(finding: Finding): string {
  const parts = [finding.ruleId, finding.location?.file ?? finding.resource ?? '', finding.key ?? '', finding.node ?? '', finding.outcome];
  return createHash('sha256').update(parts.join('\u0000')).digest('hex').slice(0, 32);
}

/** GitHub's form "hash:n": the n-th finding with the same hash, so that no two alerts merge. */
function numberOccurrences(bases: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return bases.map((base) => {
    const occurrence = (seen.get(base) ?? 0) + 1;
    seen.set(base, occurrence);
    return `${base}:${occurrence}`;
  });
}
