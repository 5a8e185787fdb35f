// The predicate operators (is, in, matches, present, at-least, below, outside), each over a typed value.
import { parseGoBool } from '../model/config-keys.js';
import type { KeyType } from '../model/config-keys.js';
import { compareVersions, versionParts } from '../version.js';
import { contains, parseCidr } from './cidr.js';
import type { Predicate } from './rule-definition.js';

/** A ValueType tells an operator how to compare: as the agent parses a key, or as a version. */
export type ValueType = KeyType | 'version' | 'kernel';

/**
 * Apply a predicate's operator to a value (undefined: no value). `present` and `explicit` are handled by the
 * caller, which also replaces a config reference operand by the key's value before calling.
 */
export function applyOperator(
  predicate: Predicate,
  actual: string | undefined,
  type: ValueType,
  patterns: ReadonlyMap<string, RegExp>,
  parseVersion: (text: string) => number[] | undefined = versionParts,
): boolean | 'unknown' {
  if (predicate.is !== undefined) return equals(actual, predicate.is, type);
  if (predicate.in !== undefined) {
    const results = predicate.in.map((expected) => equals(actual, expected, type));
    return results.includes(true) ? true : results.includes('unknown') ? 'unknown' : false;
  }
  if (predicate.matches !== undefined) {
    const pattern = patterns.get(predicate.matches);
    // Bound the text a pattern sees (load-rules refuses nested quantifiers), so that no rule's expression can take long.
    return pattern !== undefined && pattern.test((actual ?? '').slice(0, 256));
  }
  if (predicate.outside !== undefined) return outside(actual, predicate.outside);
  const bound = predicate['at-least'] ?? predicate.below;
  if (bound === undefined || typeof bound === 'object') return 'unknown';
  if (actual === undefined || actual === '') return 'unknown';
  const order = compareOrdered(actual, String(bound), type, parseVersion);
  if (order === undefined) return 'unknown';
  return predicate['at-least'] !== undefined ? order >= 0 : order < 0;
}

/**
 * True when the value (one CIDR, or several separated by spaces or commas) holds a CIDR of the operand's
 * family that the operand does not contain; CIDRs of the other family are not compared.
 */
function outside(actual: string | undefined, operand: unknown): boolean | 'unknown' {
  const network = typeof operand === 'string' ? parseCidr(operand) : undefined;
  const cidrs = (actual ?? '').split(/[\s,]+/).filter((text) => text !== '').map(parseCidr);
  if (network === undefined || cidrs.length === 0 || cidrs.includes(undefined)) return 'unknown';
  return cidrs.some((cidr) => cidr !== undefined && cidr.family === network.family && !contains(network, cidr));
}

/** Typed equality; a boolean key whose text the agent cannot parse is unknown (the agent refuses it anyway). */
function equals(actual: string | undefined, expected: string | number | boolean, type: ValueType): boolean | 'unknown' {
  if (actual === undefined) return false;
  if (type === 'bool') {
    const parsed = parseGoBool(actual);
    const wanted = typeof expected === 'boolean' ? expected : parseGoBool(String(expected));
    return parsed === undefined ? 'unknown' : parsed === wanted;
  }
  if (type === 'int' || type === 'float') {
    const number = Number(actual);
    return actual.trim() !== '' && !Number.isNaN(number) && number === Number(expected);
  }
  return actual === String(expected);
}

function compareOrdered(
  actual: string,
  bound: string,
  type: ValueType,
  parseVersion: (text: string) => number[] | undefined,
): number | undefined {
  if (type === 'int' || type === 'float') {
    const a = Number(actual);
    const b = Number(bound);
    return Number.isNaN(a) || Number.isNaN(b) ? undefined : a - b;
  }
  const a = parsed(parseVersion, actual);
  const b = parsed(versionParts, bound);
  return a && b ? compareVersions(a, b) : undefined;
}

const versions = new Map<(text: string) => number[] | undefined, Map<string, readonly number[] | undefined>>();

/**
 * A version parsed once per text and parser (a kernel release and a dotted version parse differently):
 * a fleet repeats a few kernel releases, and the rules a few bounds, across thousands of nodes.
 */
function parsed(parse: (text: string) => number[] | undefined, text: string): readonly number[] | undefined {
  let byText = versions.get(parse);
  if (byText === undefined) versions.set(parse, (byText = new Map()));
  if (!byText.has(text)) byText.set(text, parse(text));
  return byText.get(text);
}
