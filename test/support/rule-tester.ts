// The rule tester: run one rule's cases end to end (files written, lint() called) and check the author too.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { stringify } from 'yaml';
import { expect } from 'vitest';
import { lint } from '../../src/lint.js';
import type { Finding } from '../../src/report/finding.js';
import { parseCiliumVersion } from '../../src/version.js';

/** One case of a cases file, as written. */
export interface RuleCase {
  readonly name: string;
  readonly 'near-miss'?: string;
  readonly 'cilium-version'?: string;
  readonly 'helm-values'?: Record<string, unknown>;
  readonly set?: readonly string[];
  readonly config?: Record<string, string>;
  readonly nodes?: readonly Record<string, unknown>[];
  readonly findings?: readonly ExpectedFinding[];
  /** For change rules: the files at the base revision. */
  readonly base?: { readonly 'helm-values'?: Record<string, unknown>; readonly config?: Record<string, string> };
}

/** What a finding must match; unnamed fields are not checked. */
export interface ExpectedFinding {
  readonly level?: string;
  readonly node?: string;
  readonly key?: string;
  readonly line?: number;
  readonly message?: string;
}

/** A cases file. */
export interface RuleCases {
  readonly rule: string;
  readonly valid: readonly RuleCase[];
  readonly invalid: readonly RuleCase[];
  readonly 'not-evaluated'?: readonly RuleCase[];
}

const schema = JSON.parse(readFileSync(new URL('../../schemas/rule-cases.schema.json', import.meta.url), 'utf8')) as object;
// ajv is CommonJS: under NodeNext its class is the default export's `default`.
const validateCases = new Ajv.default({ allErrors: true, strict: false }).compile<RuleCases>(schema);

/** Check a cases file the way ESLint's RuleTester checks its author: schema, names, and one of each kind. */
export function checkCasesFile(cases: unknown): asserts cases is RuleCases {
  if (!validateCases(cases)) throw new Error(`cases file does not match rule-cases.schema.json: ${JSON.stringify(validateCases.errors?.[0])}`);
  const all = [...cases.valid, ...cases.invalid, ...(cases['not-evaluated'] ?? [])];
  const names = all.map((c) => c.name);
  const duplicate = names.find((name, i) => names.indexOf(name) !== i);
  if (duplicate) throw new Error(`two cases are named "${duplicate}"`);
  if (!all.some((c) => c['near-miss'])) throw new Error(`rule ${cases.rule} has no near-miss case`);
  for (const c of all) {
    if (!c['helm-values'] && !c.config && !c.set) throw new Error(`case "${c.name}" has no input`);
    const nodeNames = new Set((c.nodes ?? []).map((node: Record<string, unknown>) => node['name']));
    for (const expected of c.findings ?? []) {
      if (expected.node && !nodeNames.has(expected.node)) throw new Error(`case "${c.name}" expects node ${expected.node}, which it does not define`);
    }
  }
}

/** Write a case's values file and ConfigMap into a directory; return their paths. */
function writeInputs(dir: string, input: Pick<RuleCase, 'helm-values' | 'set' | 'config'>): { files: string[]; configMaps: string[] } {
  const files: string[] = [];
  const configMaps: string[] = [];
  if (input['helm-values'] || input.set) {
    // --set needs a values file to apply to, as in `helm template -f values.yaml --set …`.
    writeFileSync(join(dir, 'values.yaml'), input['helm-values'] ? stringify(input['helm-values']) : '# set on the command line\n');
    files.push(join(dir, 'values.yaml'));
  }
  if (input.config) {
    const manifest = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cilium-config', namespace: 'kube-system' }, data: input.config };
    writeFileSync(join(dir, 'cilium-config.yaml'), stringify(manifest));
    configMaps.push(join(dir, 'cilium-config.yaml'));
  }
  return { files, configMaps };
}

/** Commit a case's base files to a new git repository in the directory, as the --base revision. */
function commitBase(dir: string, base: NonNullable<RuleCase['base']>): void {
  writeInputs(dir, base);
  const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@example.invalid', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@example.invalid' };
  for (const args of [['init', '-q'], ['add', '-A'], ['commit', '-qm', 'base']]) execFileSync('git', args, { cwd: dir, env, stdio: 'ignore' });
}

/** Run one case and return the findings of the rule under test. */
export function runCase(rule: string, c: RuleCase): Finding[] {
  const dir = mkdtempSync(join(tmpdir(), 'cilint-case-'));
  if (c.base) commitBase(dir, c.base);
  const { files, configMaps } = writeInputs(dir, c);
  let nodes: string | undefined;
  if (c.nodes) {
    nodes = join(dir, 'nodes.yaml');
    writeFileSync(nodes, stringify({ nodes: c.nodes }));
  }
  const version = parseCiliumVersion(c['cilium-version'] ?? '1.19');
  if (!version) throw new Error(`case "${c.name}" has an unsupported cilium-version`);
  const sets = (c.set ?? []).map((text) => ({ flag: '--set' as const, text }));
  const result = lint({ files, values: [], sets, configMaps, nodes, version, ...(c.base ? { base: { ref: 'HEAD', ifUnavailable: 'fail' as const } } : {}) });
  const findings = result.findings.filter((finding) => finding.ruleId === rule);
  for (const finding of findings) expect(finding.message, 'a message keeps a {{placeholder}}').not.toMatch(/\{\{/);
  return findings;
}

/** Assert that the findings are exactly the expected ones (each matched on the fields it names). */
export function expectFindings(actual: readonly Finding[], expected: readonly ExpectedFinding[]): void {
  const shown = actual.map((f) => ({ level: f.level, node: f.node, key: f.key, line: f.location?.line, message: f.message }));
  expect(actual.length, `expected ${expected.length} finding(s), got ${JSON.stringify(shown, null, 1)}`).toBe(expected.length);
  const remaining = [...shown];
  for (const wanted of expected) {
    const index = remaining.findIndex(
      (f) =>
        (wanted.level === undefined || f.level === wanted.level) &&
        (wanted.node === undefined || f.node === wanted.node) &&
        (wanted.key === undefined || f.key === wanted.key) &&
        (wanted.line === undefined || f.line === wanted.line) &&
        (wanted.message === undefined || f.message.includes(wanted.message)),
    );
    expect(index, `no finding matches ${JSON.stringify(wanted)} among ${JSON.stringify(remaining, null, 1)}`).toBeGreaterThanOrEqual(0);
    remaining.splice(index, 1);
  }
}
