// Tests over the rule catalogue itself: names, metadata style, cases for every rule, and current docs.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { rules } from '../src/lint.js';
import { loadRule, loadRules, precompiledRulesFresh } from '../src/rules/load-rules.js';
import { formatRules } from '../src/report/rules-list.js';

const all = rules();
const casesFiles = new Set(readdirSync(new URL('./rules/', import.meta.url)).map((name) => name.replace('.cases.yaml', '')));

describe('the rule catalogue', () => {
  it('has unique ids equal to the file names', () => {
    expect(new Set(all.map((rule) => rule.id)).size).toBe(all.length);
    for (const rule of all) expect(rule.file).toBe(`rules/${rule.id}.yaml`);
  });

  it.each(all.map((rule) => [rule.id, rule] as const))('%s is well formed', (_, rule) => {
    expect(rule.title).not.toMatch(/\.$/);
    expect(rule.remediation.trim()).toMatch(/\.$/);
    expect(rule.references.length).toBeGreaterThan(0);
    if (rule['for-each'] !== 'input') {
      expect(casesFiles.has(rule.id), `test/rules/${rule.id}.cases.yaml is missing`).toBe(true);
      // Every verdict cites Cilium itself: its source, its docs, or its chart.
      expect(rule.references.some((url) => /github\.com\/cilium\/cilium\/|docs\.cilium\.io/.test(url))).toBe(true);
    }
  });

  it('has a rule for every cases file', () => {
    for (const id of casesFiles) expect(all.map((rule) => rule.id)).toContain(id);
  });

  it('docs/rules.md is what `npm run docs` writes', () => {
    const committed = readFileSync(new URL('../docs/rules.md', import.meta.url), 'utf8');
    expect(committed, 'docs/rules.md is stale: run npm run docs').toBe(formatRules(all, 'markdown'));
  });
});

describe('rule loading', () => {
  const good = readFileSync(new URL('../rules/hubble-disabled.yaml', import.meta.url), 'utf8');
  const load = (text: string) => () => loadRule('rules/hubble-disabled.yaml', 'rules/hubble-disabled.yaml', text);

  it('accepts a valid rule', () => {
    expect(load(good)().id).toBe('hubble-disabled');
  });

  it.each([
    ['an unknown field', good.replace('level: warning', 'level: warning\nseverity: high'), /at \/: unknown field "severity"/],
    ['a bad level', good.replace('level: warning', 'level: info'), /:4 at \/level: must be equal to one of the allowed values/],
    ['an unknown config key', good.replace('config: enable-hubble', 'config: enable-hubbel'), /at \/expect\/config: unknown cilium-config key "enable-hubbel"/],
    ['an unknown placeholder', good.replace('{{config.enable-hubble}}', '{{config.nope}}'), /at \/message: unknown placeholder \{\{config\.nope\}\}/],
    ['an id that is not the file name', good.replace('id: hubble-disabled', 'id: hubble-off'), /id "hubble-off" must equal the file name/],
    ['invalid YAML', 'id: [', /rules\/hubble-disabled\.yaml/],
    ['a base comparison outside a change rule', good.replace('expect: { config: enable-hubble, is: true }', 'expect: { config: enable-hubble, changed: false }'), /at \/expect: changed and keeps-base compare with the --base revision: only for-each: change rules may use them/],
    ['an unknown base placeholder', good.replace('{{config.enable-hubble}}', '{{base.config.nope}}'), /at \/message: unknown placeholder \{\{base\.config\.nope\}\}/],
  ])('rejects %s with the file and JSON pointer', (_, text, message) => {
    expect(load(text)).toThrow(message);
  });

  it('docs/coverage.md gives every catalogue constraint a rule or a reason, and is fresh', () => {
    const check = spawnSync(process.execPath, ['scripts/coverage.mjs', '--check'], { cwd: new URL('..', import.meta.url), encoding: 'utf8' });
    expect(check.stderr).toBe('');
    expect(check.status).toBe(0);
  });
});

describe('precompiled rules (dist/rules.json)', () => {
  it('are the rule files, checked: the same rules as loading the YAML', () => {
    const dir = new URL('../rules/', import.meta.url);
    const fromYaml = readdirSync(dir).filter((name) => name.endsWith('.yaml')).sort().map((name) => loadRule(name, `rules/${name}`, readFileSync(new URL(name, dir), 'utf8')));
    expect(precompiledRulesFresh()).toBe(true);
    expect(loadRules()).toEqual(fromYaml);
  });
});
