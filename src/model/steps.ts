// Values that change from one Cilium minor release to the next, written as steps.
import { SUPPORTED_MINORS } from '../version.js';
import type { Minor } from '../version.js';

/** Steps: each pair says "from this minor on, the value is ..."; before the first step there is none. */
export type Steps<T> = readonly (readonly [Minor, T])[];

/** The value in force at a minor release, or undefined before the first step. */
export function stepAt<T>(steps: Steps<T>, minor: Minor): T | undefined {
  let value: T | undefined;
  for (const [from, stepValue] of steps) {
    if (minorIndex(from) <= minorIndex(minor)) value = stepValue;
  }
  return value;
}

/** True when minor lies within [from, to] (either bound may be left open). */
export function inRange(minor: Minor, from?: Minor, to?: Minor): boolean {
  const index = minorIndex(minor);
  return (from === undefined || index >= minorIndex(from)) && (to === undefined || index <= minorIndex(to));
}

/** The position of a minor among the supported releases (1.13 is 0). */
export function minorIndex(minor: Minor): number {
  return SUPPORTED_MINORS.indexOf(minor);
}
