// Live findings have no file: move those located in the cluster's objects to resource locations.
import { nodeResource } from '../nodes/from-api.js';
import { compareFindings } from '../report/finding.js';
import type { Finding, LintResult, Location } from '../report/finding.js';

/**
 * Findings placed in a live object (its resource name stands as the file name) take `resource` and `key`
 * instead of a location. A node finding that no ConfigMap key placed is located at its node. Findings in
 * real files (values files for drift, a --nodes inventory) keep their lines.
 */
export function relocate(result: LintResult, configMap: string, nodes: ReadonlySet<string>): LintResult {
  const live = (location: Location | undefined): location is Location => location !== undefined && (location.file === configMap || nodes.has(location.file));
  const findings = result.findings.map((finding): Finding => {
    const related = finding.related.map((item) => (live(item.location) ? { message: item.message, resource: item.location.file } : item));
    if (!live(finding.location)) return { ...finding, related };
    const atNode = finding.key === undefined && finding.node !== undefined && finding.location.file === configMap;
    const resource = atNode ? nodeResource(finding.node ?? '') : finding.location.file;
    return { ...finding, location: undefined, resource, related };
  });
  return { ...result, findings: findings.sort(compareFindings) };
}
