// Audit the keys a user wrote: removed values the chart refuses, values this release ignores, and misspellings.
import { helmValueReleases, chartConfigKeys, configKeyReleases } from '../chart/known-keys.js';
import type { HelmKeySet } from '../chart/known-keys.js';
import type { Origin, VMap, VNode } from '../helm/values-tree.js';
import { plainValue } from '../helm/values-tree.js';
import type { Span } from '../inputs/yaml-tree.js';
import { inRange, minorIndex } from './steps.js';
import type { Minor } from '../version.js';
import { CONFIG_KEYS } from './config-keys.js';
import { truthy } from './go-template.js';
import type { HelmReader } from './helm-keymap.js';
import { CONFIG_KEY_SUCCESSORS, HELM_VALUE_SUCCESSORS, REFUSED_HELM_VALUES, RETIRED_CONFIG_KEYS } from './removed-keys.js';
import { suggest } from './suggest.js';

/** The kinds of key findings; each is raised by the input rule whose `check` has the same name. */
export type KeyCheck = 'refused-helm-values' | 'ignored-helm-values' | 'misspelt-helm-values' | 'ignored-config-keys' | 'misspelt-config-keys';

/** A KeyIssue is one finding about a key the user wrote, with the words its rule's message needs. */
export interface KeyIssue {
  readonly check: KeyCheck;
  readonly key: string;
  readonly origin: Origin;
  /** The release the key was checked against. */
  readonly release: Minor;
  readonly words: Readonly<Record<string, string>>;
}

/**
 * Maps whose keys are the user's own (labels, annotations, Kubernetes objects such as resources or affinity):
 * the chart passes them through, so their keys are never unknown.
 */
const FREE_FORM = /(annotations|labels|selector|affinity|resources|securitycontext|tolerations|env|args|strategy|probe|capabilities|options|extraconfig)$/i;

/** Audit a release's merged values against the chart of its release. */
export function auditHelmValues(values: VMap, keys: HelmKeySet, reader: HelmReader): KeyIssue[] {
  const issues: KeyIssue[] = [];
  const walk = (map: VMap, prefix: string): void => {
    for (const [key, entry] of map.entries) {
      const path = prefix ? `${prefix}.${key}` : key;
      const refused = refusal(path, entry.value, reader);
      if (refused) {
        issues.push({ check: 'refused-helm-values', key: path, origin: entry.origin, release: reader.minor, words: refused });
        continue;
      }
      if (keys.has(path)) {
        if (entry.value.kind === 'map' && !FREE_FORM.test(key) && keys.hasChildren(path)) walk(entry.value, path);
        continue;
      }
      const issue = unknownHelmValue(path, entry.value, keys, reader.minor);
      if (issue) issues.push({ ...issue, origin: entry.origin, release: reader.minor });
    }
  };
  walk(values, '');
  return issues;
}

/** The chart of this release fails on this removed value. */
function refusal(path: string, value: VNode, reader: HelmReader): Record<string, string> | undefined {
  for (const refused of REFUSED_HELM_VALUES) {
    if (refused.path !== path || !inRange(reader.minor, refused.from, refused.until)) continue;
    const plain = plainValue(value);
    const fails = refused.failsWhen === 'present' || truthy(plain);
    if (fails && (!refused.onlyIf || refused.onlyIf(reader))) return { from: refused.from, instead: refused.instead, chart: refused.chartSays };
  }
  return undefined;
}

function unknownHelmValue(path: string, value: VNode, keys: HelmKeySet, minor: Minor): Omit<KeyIssue, 'origin' | 'release'> | undefined {
  const releases = helmValueReleases(path);
  if (releases.length > 0) {
    const successor = HELM_VALUE_SUCCESSORS[path];
    return { check: 'ignored-helm-values', key: path, words: { releases: describeReleases(releases, minor), instead: successor ? ` Use ${successor}.` : '' } };
  }
  const dot = path.lastIndexOf('.');
  const parent = dot < 0 ? '' : path.slice(0, dot);
  const near = suggest(path.slice(dot + 1), keys.children(parent)).map((name) => (parent ? `${parent}.${name}` : name));
  // A top-level map whose keys are all top-level values (global.encryption from before Cilium 1.9).
  if (near.length === 0 && parent === '' && value.kind === 'map' && value.entries.size > 0 && [...value.entries.keys()].every((child) => keys.has(child))) {
    near.push(...value.entries.keys());
  }
  if (near.length === 0) return undefined;
  return { check: 'misspelt-helm-values', key: path, words: { suggestion: near.slice(0, 3).join(' or ') } };
}

/** "up to 1.15", "from 1.17", or the list, relative to the release being linted. */
function describeReleases(releases: readonly Minor[], minor: Minor): string {
  const first = releases[0] ?? minor;
  const last = releases[releases.length - 1] ?? minor;
  if (minorIndex(last) < minorIndex(minor)) return `the chart had it up to ${last}`;
  if (minorIndex(first) > minorIndex(minor)) return `the chart has it from ${first}`;
  return `the chart has it in ${releases.join(', ')}`;
}

/** A key of a cilium-config ConfigMap, at its line. */
export interface ConfigMapKey {
  readonly key: string;
  readonly file: string;
  readonly span: Span;
}

/** Audit the keys of a ConfigMap against the agent of a release. */
export function auditConfigKeys(keys: readonly ConfigMapKey[], minor: Minor): KeyIssue[] {
  const issues: KeyIssue[] = [];
  for (const { key, file, span } of keys) {
    const origin: Origin = { kind: 'file', file, span };
    const modelled = CONFIG_KEYS[key];
    const retired = RETIRED_CONFIG_KEYS[key];
    if (modelled) {
      if (inRange(minor, modelled.since, modelled.until)) continue;
      const range = modelled.since && minorIndex(minor) < minorIndex(modelled.since) ? `the agent reads it from ${modelled.since}` : `the agent read it up to ${modelled.until ?? minor}`;
      const successor = CONFIG_KEY_SUCCESSORS[key];
      issues.push({ check: 'ignored-config-keys', key, origin, release: minor, words: { releases: range, instead: successor ? ` Use ${successor}.` : '' } });
    } else if (retired) {
      if (minorIndex(minor) < minorIndex(retired.removedIn)) continue;
      issues.push({ check: 'ignored-config-keys', key, origin, release: minor, words: { releases: `it was removed in ${retired.removedIn}`, instead: ` Use ${retired.instead}.` } });
    } else if (configKeyReleases(key).length === 0) {
      const near = suggest(key, [...new Set([...Object.keys(CONFIG_KEYS), ...chartConfigKeys()])]);
      if (near.length > 0) issues.push({ check: 'misspelt-config-keys', key, origin, release: minor, words: { suggestion: near.slice(0, 3).join(' or ') } });
    }
  }
  return issues;
}
