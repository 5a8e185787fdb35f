// Every rule's valid, invalid and not-evaluated cases, run through one harness.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { rules } from '../src/lint.js';
import { checkCasesFile, expectFindings, runCase } from './support/rule-tester.js';

const casesDir = new URL('./rules/', import.meta.url);
const casesFiles = readdirSync(casesDir).filter((name) => name.endsWith('.cases.yaml')).sort();

for (const file of casesFiles) {
  const cases: unknown = parse(readFileSync(new URL(file, casesDir), 'utf8'));
  describe(file.replace('.cases.yaml', ''), () => {
    it('is a well-formed cases file for an existing rule', () => {
      checkCasesFile(cases);
      expect(rules().map((rule) => rule.id)).toContain(cases.rule);
    });
    checkCasesFile(cases);
    for (const c of cases.valid) {
      it(`valid › ${c.name}`, () => expect(runCase(cases.rule, c).filter((f) => f.outcome === 'violation')).toEqual([]));
    }
    for (const c of cases.invalid) {
      it(`invalid › ${c.name}`, () => {
        const findings = runCase(cases.rule, c);
        expect(findings.every((f) => f.outcome === 'violation')).toBe(true);
        expectFindings(findings, c.findings ?? []);
      });
    }
    for (const c of cases['not-evaluated'] ?? []) {
      it(`not evaluated › ${c.name}`, () => {
        const findings = runCase(cases.rule, c);
        expect(findings.every((f) => f.outcome === 'not-evaluated' && f.level === 'note')).toBe(true);
        expectFindings(findings, c.findings ?? []);
      });
    }
  });
}
