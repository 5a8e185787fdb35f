// Findings the readers raise themselves (duplicate keys, skipped documents, missing nodes, scalars over chart maps),
// described, like every rule, by a file in rules/.
import type { SkippedDocument } from '../inputs/classify.js';
import type { DuplicateKey } from '../inputs/yaml-tree.js';
import type { Origin } from '../helm/values-tree.js';
import type { KeyIssue } from '../model/key-audit.js';
import type { Finding, Location } from '../report/finding.js';
import { firstLine } from './locate.js';
import { inputFinding } from './input-finding.js';
import type { InputCheck, Rule } from './rule-definition.js';

/** A ShadowedMap is a Helm value the user set to a scalar or list where the chart reads a map beneath it. */
export interface ShadowedMap {
  readonly path: string;
  readonly reads: string;
  readonly origin: Origin;
}

type Located<T> = T & { readonly file: string };

/** Builds the findings of the input rules that are loaded (a rule removed from rules/ raises nothing). */
export class InputChecks {
  private readonly rules: readonly Rule[];

  constructor(rules: readonly Rule[]) {
    this.rules = rules;
  }

  /** A key written twice: reported at the copy that wins, the first copy related. */
  duplicates(duplicates: readonly Located<DuplicateKey>[]): Finding[] {
    return duplicates.map((duplicate) => {
      const key = duplicate.path.join('.');
      const values = { key, first: String(duplicate.first.line), second: String(duplicate.second.line) };
      const related = [{ message: `first ${key}`, location: { file: duplicate.file, ...duplicate.first } }];
      return this.finding('duplicate-keys', values, { file: duplicate.file, ...duplicate.second }, key, related);
    }).flatMap((finding) => (finding ? [finding] : []));
  }

  /** A document of a multi-document file that is not the target. */
  skipped(documents: readonly Located<SkippedDocument>[]): Finding[] {
    return documents
      .map((document) => this.finding('skipped-documents', { document: String(document.index + 1), kind: document.kind }, { file: document.file, ...document.span }, `document:${document.index + 1}`))
      .flatMap((finding) => (finding ? [finding] : []));
  }

  /** A scalar where the chart reads a map: Helm keeps the scalar and the chart fails to render. */
  shadowed(values: readonly ShadowedMap[], firstFile: string | undefined): Finding[] {
    return values
      .map((value) => {
        const location = value.origin.kind === 'file' ? { file: value.origin.file, ...value.origin.span } : firstFile ? firstLine(firstFile) : undefined;
        return this.finding('shadowed-maps', { key: value.path, reads: value.reads }, location, value.path);
      })
      .flatMap((finding) => (finding ? [finding] : []));
  }

  /** Removed, ignored or misspelt keys, at the line of the key (or the first file's first line for --set). */
  keys(issues: readonly KeyIssue[], firstFile: string | undefined): Finding[] {
    return issues
      .map((issue) => {
        const location = issue.origin.kind === 'file' ? { file: issue.origin.file, ...issue.origin.span } : firstFile ? firstLine(firstFile) : undefined;
        return this.finding(issue.check, { key: issue.key, release: issue.release, ...issue.words }, location, issue.key);
      })
      .flatMap((finding) => (finding ? [finding] : []));
  }

  /** One note when node rules exist but no node (or an empty inventory) was given. */
  nodesNotGiven(nodeRules: number, file: string | undefined): Finding[] {
    const finding = this.finding('nodes-not-given', { count: String(nodeRules) }, file ? firstLine(file) : undefined, undefined);
    return finding && nodeRules > 0 ? [{ ...finding, outcome: 'not-evaluated' }] : [];
  }

  /** One note when the API server refused to list the nodes (live mode): lint the configuration anyway. */
  nodesRefused(nodeRules: number, reason: string): Finding[] {
    const finding = this.finding('nodes-not-readable', { count: String(nodeRules), reason }, undefined, undefined);
    return finding && nodeRules > 0 ? [{ ...finding, outcome: 'not-evaluated', resource: 'nodes' }] : [];
  }

  /** kube-proxy still runs while Cilium replaces it (live mode): both program the services. */
  kubeProxyPresent(resource: string, kpr: string): Finding[] {
    const finding = this.finding('kube-proxy-present', { resource, kpr }, undefined, undefined);
    return finding ? [{ ...finding, resource }] : [];
  }

  /** Full kube-proxy replacement, no kube-proxy, and an agent that is not told where the API server is (live mode). */
  apiServerAddressMissing(resource: string, kpr: string): Finding[] {
    const finding = this.finding('api-server-address-missing', { resource, kpr }, undefined, undefined);
    return finding ? [{ ...finding, resource }] : [];
  }

  /** A key the values would render differently from the live ConfigMap, at the values line. */
  drift(key: string, values: Record<string, string>, location: Location | undefined, related: Finding['related']): Finding[] {
    const finding = this.finding('config-drift', { key, ...values }, location, key, related);
    return finding ? [finding] : [];
  }

  private finding(check: InputCheck, values: Record<string, string>, location: Location | undefined, key: string | undefined, related: Finding['related'] = []): Finding | undefined {
    const finding = inputFinding(this.rules, check, values, location, key);
    return finding && { ...finding, related };
  }
}
