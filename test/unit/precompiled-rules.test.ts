// dist/rules.json stands in for the rule files only while they are the files the build read: judged by time and size, else by content.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { precompileRules } from '../../src/rules/load-rules.js';
import { readPrecompiled } from '../../src/rules/precompiled-rules.js';
import { ROOT } from '../support/project.js';

const NAMES = ['bbr-kernel.yaml', 'hubble-disabled.yaml'];
// The date npm pack gives every file of a package.
const PACKED = new Date('1985-10-26T08:15:00Z');

/** A rules directory and its rules.json, with every file dated as an installed package's are. */
function installed(): { rules: string; stored: string; read: (names?: string[]) => unknown } {
  const dir = mkdtempSync(join(tmpdir(), 'cilint-precompiled-'));
  const rules = join(dir, 'rules');
  mkdirSync(rules);
  for (const name of NAMES) copyFileSync(join(ROOT, 'rules', name), join(rules, name));
  const stored = join(dir, 'rules.json');
  writeFileSync(stored, precompileRules(rules));
  for (const file of [stored, ...NAMES.map((name) => join(rules, name))]) utimesSync(file, PACKED, PACKED);
  return { rules, stored, read: (names = NAMES) => readPrecompiled(stored, rules, names) };
}

/** Rewrite a rule file with one character changed: the same length, another text. */
function sameLengthEdit(file: string): void {
  const text = readFileSync(file, 'utf8');
  const at = text.indexOf('title: ') + 'title: '.length;
  writeFileSync(file, text.slice(0, at) + (text[at] === 'X' ? 'Y' : 'X') + text.slice(at + 1));
}

describe('precompiled rules', () => {
  it('are used when every file ties with rules.json, as in an installed package', () => {
    expect(installed().read()).toHaveLength(2);
  });

  it('are used when a file is newer but its text is the one stored (touched, checked out again)', () => {
    const { rules, read } = installed();
    utimesSync(join(rules, NAMES[0] ?? ''), new Date(), new Date());
    expect(read()).toHaveLength(2);
  });

  it('are not used when a file was edited, even to the same length', () => {
    const { rules, read } = installed();
    sameLengthEdit(join(rules, NAMES[0] ?? ''));
    expect(read()).toBeUndefined();
  });

  it('are not used when a file kept an older time but changed length (cp -p, rsync -a)', () => {
    const { rules, read } = installed();
    const file = join(rules, NAMES[1] ?? '');
    writeFileSync(file, `${readFileSync(file, 'utf8')}# edited\n`);
    utimesSync(file, PACKED, PACKED);
    expect(read()).toBeUndefined();
  });

  it('are not used when a rule file was added or removed, or rules.json is missing', () => {
    const { stored, read } = installed();
    expect(read([...NAMES, 'new-rule.yaml'])).toBeUndefined();
    expect(read(NAMES.slice(1))).toBeUndefined();
    rmSync(stored);
    expect(read()).toBeUndefined();
  });
});
