// Load every rules/<id>.yaml once: validate it against the schema, then check what a schema cannot.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ErrorObject } from 'ajv';
import { CilintError, RuleDefinitionError } from '../errors.js';
import { validateRule } from '../generated/validate-rule.cjs';
import { spanAtPointer } from '../inputs/pointer.js';
import { parseYamlFile, toPlain } from '../inputs/yaml-tree.js';
import { CONFIG_KEYS } from '../model/config-keys.js';
import { packageRoot } from '../package-root.js';
import { unknownPlaceholders } from './message.js';
import { precompiledFile, precompiledRule, readPrecompiled, storedRule } from './precompiled-rules.js';
import type { PrecompiledRule } from './precompiled-rules.js';
import type { Condition, Rule, RuleDefinition } from './rule-definition.js';

/** Load the built-in rules (or those of another directory), sorted by id. */
export function loadRules(directory = join(packageRoot(), 'rules')): Rule[] {
  const files = ruleFiles(directory);
  const precompiled = directory === join(packageRoot(), 'rules') ? readPrecompiled(precompiledFile(), directory, files) : undefined;
  if (precompiled) return precompiled.map(storedRule);
  return files.map((name) => loadRule(join(directory, name), `rules/${name}`, readFileSync(join(directory, name), 'utf8')));
}

const ruleFiles = (directory: string): string[] => readdirSync(directory).filter((name) => name.endsWith('.yaml')).sort();

/**
 * Load every rule file of a directory, for the build to store in dist/rules.json: parsing YAML, checking
 * and compiling each rule would be most of a cold start.
 */
export function precompileRules(directory: string): string {
  const rules: PrecompiledRule[] = ruleFiles(directory).map((name) => {
    const path = join(directory, name);
    const text = readFileSync(path, 'utf8');
    return precompiledRule(name, text, loadRule(path, `rules/${name}`, text));
  });
  // ASCII only, the rest as \u escapes: one en dash in the text made V8 read the whole file as UTF-16,
  // twice the memory, and parse it on its slower path.
  return JSON.stringify(rules).replace(/[^\x00-\x7f]/g, (character) => `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** True when dist/rules.json matches the rule files, so that a run skips the YAML. */
export function precompiledRulesFresh(): boolean {
  const directory = join(packageRoot(), 'rules');
  return readPrecompiled(precompiledFile(), directory, ruleFiles(directory)) !== undefined;
}

/** Load one rule from its text; `file` names it in errors. */
export function loadRule(path: string, file: string, text: string): Rule {
  let tree;
  try {
    tree = parseYamlFile(file, text);
  } catch (error) {
    if (error instanceof CilintError) throw new RuleDefinitionError(file, '', error.message.replace(`${file}: `, ''));
    throw error;
  }
  const root = tree.documents[0]?.root;
  const data = toPlain(root);
  if (!validateRule(data)) {
    const problem = mostSpecific(validateRule.errors ?? []);
    const line = spanAtPointer(root, problem.instancePath)?.line;
    throw new RuleDefinitionError(`${file}${line ? `:${line}` : ''}`, problem.instancePath || '/', schemaMessage(problem));
  }
  const definition = data as RuleDefinition;
  const expectedId = path.replace(/^.*[\\/]/, '').replace(/\.yaml$/, '');
  if (definition.id !== expectedId) throw new RuleDefinitionError(file, '/id', `id "${definition.id}" must equal the file name "${expectedId}"`);
  return compileRule(definition, file);
}

/** Check what the schema cannot say (known config keys, safe patterns, known placeholders) and work out what evaluation needs once. */
function compileRule(definition: RuleDefinition, file: string): Rule {
  const patterns = new Map<string, RegExp>();
  const conditions: [string, Condition | undefined][] = [
    ['/when', definition.when],
    ['/expect', definition.expect],
    ['/unless', definition.unless],
    ...(definition.overrides ?? []).map((o, i): [string, Condition] => [`/overrides/${i}/when`, o.when]),
  ];
  let readsHelm = false;
  const nodeFacts = new Set<string>();
  for (const [pointer, condition] of conditions) {
    if (!condition) continue;
    walk(condition, pointer, (predicate, at) => {
      if (predicate.config !== undefined && !(predicate.config in CONFIG_KEYS)) {
        throw new RuleDefinitionError(file, `${at}/config`, `unknown cilium-config key "${predicate.config}"`);
      }
      for (const name of ['at-least', 'below', 'outside'] as const) {
        const operand = predicate[name];
        if (typeof operand === 'object' && !(operand.config in CONFIG_KEYS)) {
          throw new RuleDefinitionError(file, `${at}/${name}/config`, `unknown cilium-config key "${operand.config}"`);
        }
      }
      // Overrides only change a level, so a fact they alone read does not decide whether a node is skipped.
      if (predicate.node !== undefined && !pointer.startsWith('/overrides/')) nodeFacts.add(predicate.node);
      if (predicate.helm !== undefined) readsHelm = true;
      const comparesBase = predicate.changed !== undefined || predicate['keeps-base'] !== undefined;
      if (comparesBase && definition['for-each'] !== 'change') {
        throw new RuleDefinitionError(file, at, 'changed and keeps-base compare with the --base revision: only for-each: change rules may use them');
      }
      if (comparesBase && predicate.config === undefined && (predicate.fact === undefined || predicate['keeps-base'] !== undefined)) {
        throw new RuleDefinitionError(file, at, 'changed applies to a config key or a fact, keeps-base to a config key');
      }
      if (predicate.matches !== undefined) {
        const unsafe = backtrackingRisk(predicate.matches);
        if (unsafe) throw new RuleDefinitionError(file, `${at}/matches`, `regular expression ${predicate.matches} ${unsafe}`);
        try {
          patterns.set(predicate.matches, new RegExp(predicate.matches));
        } catch {
          throw new RuleDefinitionError(file, `${at}/matches`, `invalid regular expression ${predicate.matches}`);
        }
      }
    });
  }
  const messages: [string, string][] = [['/message', definition.message], ...(definition.overrides ?? []).flatMap((o, i): [string, string][] => (o.message ? [[`/overrides/${i}/message`, o.message]] : []))];
  for (const [pointer, message] of messages) {
    const bad = unknownPlaceholders(message, definition.check);
    if (bad.length > 0) throw new RuleDefinitionError(file, pointer, `unknown placeholder {{${bad[0]}}}`);
  }
  if (definition['for-each'] === 'input' ? !definition.check : !definition.expect) {
    throw new RuleDefinitionError(file, '', definition['for-each'] === 'input' ? 'an input rule needs a check' : 'a rule needs an expect condition');
  }
  return { ...definition, file, readsHelm, patterns, nodeFacts: [...nodeFacts] };
}

function walk(condition: Condition, at: string, visit: (predicate: Exclude<Condition, { all: unknown } | { any: unknown } | { not: unknown }>, at: string) => void): void {
  if ('all' in condition) condition.all.forEach((c, i) => walk(c, `${at}/all/${i}`, visit));
  else if ('any' in condition) condition.any.forEach((c, i) => walk(c, `${at}/any/${i}`, visit));
  else if ('not' in condition) walk(condition.not, `${at}/not`, visit);
  else visit(condition, at);
}

/** Of the errors a failed oneOf reports, the one deepest in the document says most. */
function mostSpecific(errors: readonly ErrorObject[]): ErrorObject {
  const ranked = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length || rank(a) - rank(b));
  return ranked[0] ?? ({ instancePath: '', message: 'does not match the rule schema', keyword: 'schema', params: {}, schemaPath: '' } as ErrorObject);
}

function rank(error: ErrorObject): number {
  return error.keyword === 'oneOf' || error.keyword === 'required' ? 1 : 0;
}

function schemaMessage(error: ErrorObject): string {
  if (error.keyword === 'additionalProperties') return `unknown field "${String(error.params['additionalProperty'])}"`;
  if (error.keyword === 'enum') return `${error.message ?? 'must be one of'}: ${JSON.stringify(error.params['allowedValues'])}`;
  return error.message ?? 'does not match the rule schema';
}

/**
 * Why a pattern could backtrack for exponential time, if it could: a quantified group that itself holds a
 * quantifier ((a+)+), or a backreference. With the text also cut to 256 characters, the rest stays polynomial.
 */
export function backtrackingRisk(pattern: string): string | undefined {
  if (/\\[1-9]|\\k</.test(pattern)) return 'uses a backreference, which can take exponential time';
  if (/\((?:[^()\\]|\\.)*(?:[+*]|\{\d+,\d*\})(?:[^()\\]|\\.)*\)(?:[+*]|\{\d+,\d*\})/.test(pattern)) return 'nests quantifiers, which can take exponential time';
  return undefined;
}
