// The change operators: compare a value with the same value at the --base revision, typed as the agent parses it.
import { parseGoBool } from '../model/config-keys.js';
import type { ValueType } from './operators.js';
import type { Predicate } from './rule-definition.js';

/** Apply `changed` or `keeps-base` to the head and base values (undefined: no value). */
export function compareWithBase(predicate: Predicate, head: string | undefined, base: string | undefined, type: ValueType): boolean {
  if (predicate['keeps-base'] !== undefined) {
    // Order does not matter: a CIDR list may be reordered, or grown, without moving an allocated pod.
    const kept = new Set(items(head));
    return items(base).every((item) => kept.has(item)) === predicate['keeps-base'];
  }
  return !same(head, base, type) === predicate.changed;
}

function same(head: string | undefined, base: string | undefined, type: ValueType): boolean {
  if (head === undefined || base === undefined) return head === base;
  if (type === 'bool') return (parseGoBool(head) ?? head) === (parseGoBool(base) ?? base);
  if ((type === 'int' || type === 'float') && head.trim() !== '' && base.trim() !== '' && !Number.isNaN(Number(head)) && !Number.isNaN(Number(base))) {
    return Number(head) === Number(base);
  }
  return head === base;
}

function items(value: string | undefined): string[] {
  return (value ?? '').split(/[\s,]+/).filter((item) => item !== '');
}
