// Resolve a plain (unquoted) YAML scalar as YAML 1.1 does, the way Helm's parser and the yaml library read it.
import type { Scalar } from './yaml-tree.js';

// The YAML 1.1 type regexes (yaml.org/type), tried in the order the yaml library's 1.1 schema tries them.
const NULL = /^(?:~|[Nn]ull|NULL)?$/;
const TRUE = /^(?:Y|y|[Yy]es|YES|[Tt]rue|TRUE|[Oo]n|ON)$/;
const FALSE = /^(?:N|n|[Nn]o|NO|[Ff]alse|FALSE|[Oo]ff|OFF)$/;
const INT_BINARY = /^[-+]?0b[0-1_]+$/;
const INT_OCTAL = /^[-+]?0[0-7_]+$/;
const INT_DECIMAL = /^[-+]?[0-9][0-9_]*$/;
const INT_HEX = /^[-+]?0x[0-9a-fA-F_]+$/;
const FLOAT_SPECIAL = /^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/;
const FLOAT_EXPONENT = /^[-+]?(?:[0-9][0-9_]*)?(?:\.[0-9_]*)?[eE][-+]?[0-9]+$/;
const FLOAT = /^[-+]?(?:[0-9][0-9_]*)?\.[0-9_]*$/;
const SEXAGESIMAL = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * The value of a plain scalar: null, a boolean, a number, or the text itself. Timestamps stay text, as the
 * tree keeps the text of every type that is not plain data. The caller declines `<<` (a merge key).
 */
export function resolvePlainScalar(text: string): Scalar {
  const first = text.charCodeAt(0);
  // Only digits, signs, dots and an exponent's e can start a number (`e5` is one, NaN, to the yaml library):
  // most scalars are words and skip every numeric test.
  const numeric = (first >= 48 && first <= 57) || first === 43 || first === 45 || first === 46 || first === 101 || first === 69;
  // Null and boolean words are five letters at most.
  if (text.length <= 5) {
    if (NULL.test(text)) return null;
    if (TRUE.test(text)) return true;
    if (FALSE.test(text)) return false;
  }
  if (!numeric) return text;
  if (INT_BINARY.test(text)) return integer(text, 2, 2);
  if (INT_OCTAL.test(text)) return integer(text, 1, 8);
  if (INT_DECIMAL.test(text)) return integer(text, 0, 10);
  if (INT_HEX.test(text)) return integer(text, 2, 16);
  if (FLOAT_SPECIAL.test(text)) return text.slice(-3).toLowerCase() === 'nan' ? NaN : text.startsWith('-') ? -Infinity : Infinity;
  if (FLOAT_EXPONENT.test(text) || FLOAT.test(text)) return parseFloat(text.replace(/_/g, ''));
  if (SEXAGESIMAL.test(text)) return sexagesimal(text);
  return text;
}

/** An integer in the given radix; prefixLength skips `0b`, `0x` or the octal `0` after any sign. */
function integer(text: string, prefixLength: number, radix: number): number {
  const sign = text[0];
  const signed = sign === '-' || sign === '+';
  const value = parseInt(text.slice(prefixLength + (signed ? 1 : 0)).replace(/_/g, ''), radix);
  return sign === '-' ? -1 * value : value;
}

/** A base-60 number such as 1:30 (90) or 1:30.5, a YAML 1.1 form that Helm still reads as a number. */
function sexagesimal(text: string): number {
  const sign = text[0];
  const digits = sign === '-' || sign === '+' ? text.slice(1) : text;
  const value = digits
    .replace(/_/g, '')
    .split(':')
    .reduce((total, part) => total * 60 + Number(part), 0);
  return sign === '-' ? -1 * value : value;
}
