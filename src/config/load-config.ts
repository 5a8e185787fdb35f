// Read and validate a .cilint.yaml; every problem is an InputError naming the file and the line (exit 2).
import { dirname, relative, resolve } from 'node:path';
import picomatch from 'picomatch';
import type { ErrorObject } from 'ajv';
import { InputError } from '../errors.js';
import { validateConfig } from '../generated/validate-config.cjs';
import { spanAtPointer } from '../inputs/pointer.js';
import { readTextFile } from '../inputs/read-text.js';
import { parseYamlFile, toPlain } from '../inputs/yaml-tree.js';
import type { PNode } from '../inputs/yaml-tree.js';
import type { FailOn } from '../report/finding.js';
import type { CilintConfig, Override, RuleSetting, RuleSettings } from './config.js';
import { findConfig } from './find-config.js';
import { parseCiliumVersion, unsupportedVersion } from '../version.js';

/** The file as written, before its paths are resolved. */
interface ConfigFile {
  readonly 'cilium-version'?: string | number;
  readonly 'fail-on'?: FailOn;
  readonly nodes?: string;
  readonly rules?: Readonly<Record<string, RuleSetting | boolean>>;
  readonly overrides?: readonly { readonly files: string | readonly string[]; readonly rules: Readonly<Record<string, RuleSetting | boolean>> }[];
  readonly suppressions?: { readonly 'require-reason'?: boolean };
}

/** The config named by --config, else the nearest one upward from `cwd`; undefined when there is none. */
export function loadConfigFor(explicit: string | undefined, cwd: string, ruleIds: readonly string[]): CilintConfig | undefined {
  const file = explicit ?? findConfig(cwd);
  return file === undefined ? undefined : loadConfig(file, ruleIds);
}

/** Load one config file, checking its rule ids against the catalogue. */
export function loadConfig(file: string, ruleIds: readonly string[]): CilintConfig {
  const text = readTextFile(file);
  const parsed = parseYamlFile(text.path, text.text);
  const root = parsed.documents[0]?.root;
  const data = toPlain(root) ?? {};
  if (!validateConfig(data)) {
    const problem = deepest(validateConfig.errors ?? []);
    throw located(text.path, root, problem.pointer, problem.message);
  }
  const config = data as ConfigFile;
  const known = new Set(ruleIds);
  const settings = (rules: ConfigFile['rules'], pointer: string): RuleSettings => {
    const map = new Map<string, RuleSetting>();
    for (const [id, value] of Object.entries(rules ?? {})) {
      if (!known.has(id)) throw located(text.path, root, `${pointer}/${id}`, `unknown rule "${id}" (cilint rules lists them)`);
      // YAML 1.1, as Helm reads it, turns a bare off/on into false/true.
      map.set(id, value === false ? 'off' : value === true ? 'on' : value);
    }
    return map;
  };
  const dir = dirname(resolve(file));
  const version = config['cilium-version'];
  if (version !== undefined && !parseCiliumVersion(String(version))) {
    throw located(text.path, root, '/cilium-version', unsupportedVersion('cilium-version', String(version)));
  }
  return {
    file: text.path,
    dir,
    ciliumVersion: version === undefined ? undefined : String(version),
    failOn: config['fail-on'],
    nodes: config.nodes === undefined ? undefined : relative(process.cwd(), resolve(dir, config.nodes)) || '.',
    rules: settings(config.rules, '/rules'),
    overrides: (config.overrides ?? []).map((override, i): Override => {
      const files = typeof override.files === 'string' ? [override.files] : [...override.files];
      const matcher = picomatch(files, { dot: true });
      return { files, rules: settings(override.rules, `/overrides/${i}/rules`), matches: (path) => matcher(path) };
    }),
    requireReason: config.suppressions?.['require-reason'] ?? true,
  };
}

function located(file: string, root: PNode | undefined, pointer: string, message: string): InputError {
  return new InputError(file, message, spanAtPointer(root, pointer)?.line);
}

/** The error deepest in the file says most; for an unknown field, point at that field. */
function deepest(errors: readonly ErrorObject[]): { pointer: string; message: string } {
  const error = [...errors].sort((a, b) => b.instancePath.length - a.instancePath.length)[0];
  if (!error) return { pointer: '', message: 'does not match schemas/config.schema.json' };
  const where = error.instancePath === '' ? 'the config' : error.instancePath.slice(1).replace(/\//g, '.');
  if (error.keyword === 'additionalProperties') {
    const field = String(error.params['additionalProperty']);
    return { pointer: `${error.instancePath}/${field}`, message: `unknown field "${field}" in ${where}` };
  }
  if (error.keyword === 'enum') return { pointer: error.instancePath, message: `${where} must be one of ${(error.params['allowedValues'] as unknown[]).map((v) => JSON.stringify(v)).join(', ')}` };
  return { pointer: error.instancePath, message: `${where} ${error.message ?? 'is invalid'}` };
}
