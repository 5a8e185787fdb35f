// Rewrite the rules column of docs/coverage.md from the `constraints:` of rules/*.yaml (part of npm run docs).
// With --check, write nothing and exit 1 when the file is stale or a constraint has neither a rule nor a reason.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The coverage table with its rules column recomputed, and the constraints left with neither rule nor reason. */
export function coverage() {
  const rulesByConstraint = new Map();
  for (const name of readdirSync(join(root, 'rules')).filter((file) => file.endsWith('.yaml')).sort()) {
    const rule = parse(readFileSync(join(root, 'rules', name), 'utf8'));
    for (const id of rule.constraints ?? []) rulesByConstraint.set(id, [...(rulesByConstraint.get(id) ?? []), rule.id]);
  }
  const file = join(root, 'docs', 'coverage.md');
  const lines = readFileSync(file, 'utf8').split('\n');
  const listed = new Set();
  const uncovered = [];
  const rewritten = lines.map((line) => {
    const cells = line.match(/^\| ([A-Z]+-\d+) \| (.*?) \| (.*?) \| (.*?) \|$/);
    if (!cells) return line;
    const [, id, entry, , reason] = cells;
    listed.add(id);
    const rules = (rulesByConstraint.get(id) ?? []).map((rule) => `[${rule}](rules.md#${rule})`).join(', ');
    if (!rules && !reason.trim()) uncovered.push(id);
    return `| ${id} | ${entry} | ${rules} | ${reason.trim()} |`;
  });
  const unknown = [...rulesByConstraint.keys()].filter((id) => !listed.has(id));
  return { file, current: lines.join('\n'), text: rewritten.join('\n'), uncovered, unknown };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const result = coverage();
  if (process.argv.includes('--check')) {
    const problems = [
      ...(result.text !== result.current ? ['docs/coverage.md is stale: run npm run docs'] : []),
      ...result.uncovered.map((id) => `${id} has neither a rule nor a reason in docs/coverage.md`),
      ...result.unknown.map((id) => `a rule names constraint ${id}, which docs/coverage.md does not list`),
    ];
    for (const problem of problems) console.error(problem);
    process.exit(problems.length > 0 ? 1 : 0);
  }
  writeFileSync(result.file, result.text);
}
