// Helm's --set, --set-string and --set-json syntax (a port of the behaviour of helm/helm pkg/strvals/parser.go).
import { UsageError } from '../errors.js';
import { shownSetText } from '../redact.js';
import type { Scalar } from '../inputs/yaml-tree.js';
import type { Origin, SetFlag, VMap, VNode, VSeq } from './values-tree.js';

/** Helm's limits: list indexes up to 65536, dotted names up to 30 levels. */
const MAX_INDEX = 65536;
const MAX_NESTED_NAME_LEVEL = 30;
/** cilint's own bound on --set-json nesting, so that no value exhausts the stack. */
const MAX_JSON_DEPTH = 200;

/** Apply one flag's text (`a.b=1,c[0]=x`) to a release's values, as Helm would after the -f files. */
export function applySetFlag(values: VMap, flag: SetFlag, text: string): void {
  const parser = new SetParser(text, flag);
  try {
    while (parser.key(values, 0)) {
      /* one key=value pair per turn, until the text is used up */
    }
  } catch (error) {
    if (error instanceof SetSyntaxError) {
      // The text may carry a secret (tls.key=…): show it, and the parser's detail, only when it does not.
      const shown = shownSetText(text);
      throw new UsageError(`${flag} "${shown}": ${shown === text ? error.message : 'cannot be parsed'}`);
    }
    throw error;
  }
}

class SetSyntaxError extends Error {}

class SetParser {
  private readonly runes: string[];
  private position = 0;
  private readonly origin: Origin;
  private readonly flag: SetFlag;

  constructor(text: string, flag: SetFlag) {
    this.flag = flag;
    this.runes = Array.from(text);
    this.origin = { kind: 'set', flag, text };
  }

  /** Parse one key and its value into data; false at the end of the text. */
  key(data: VMap, level: number): boolean {
    const { text: k, stop } = this.until(new Set(['=', '[', ',', '.']));
    if (stop === undefined) {
      if (k.length === 0) return false;
      throw new SetSyntaxError(`key "${k}" has no value`);
    }
    if (stop === '[') {
      const index = this.index();
      const existing = data.entries.get(k)?.value;
      if (existing && existing.kind !== 'seq') throw new SetSyntaxError(`key "${k}" is not a list`);
      const list = this.listItem(existing ? { kind: 'seq', items: [...existing.items] } : { kind: 'seq', items: [] }, index, level);
      this.set(data, k, list);
      return true;
    }
    if (stop === '=') {
      this.set(data, k, this.value());
      return true;
    }
    if (stop === ',') {
      this.set(data, k, { kind: 'scalar', value: '' });
      throw new SetSyntaxError(`key "${k}" has no value (cannot end with ,)`);
    }
    // stop === '.': a nested map
    if (++level > MAX_NESTED_NAME_LEVEL) {
      throw new SetSyntaxError(`value name nested level is greater than maximum supported nested level of ${MAX_NESTED_NAME_LEVEL}`);
    }
    const existing = data.entries.get(k)?.value;
    if (existing && existing.kind !== 'map') throw new SetSyntaxError(`key "${k}" is not a map, so "${k}." cannot be set`);
    const inner: VMap = existing ?? { kind: 'map', entries: new Map() };
    const more = this.key(inner, level);
    if (more && inner.entries.size === 0) throw new SetSyntaxError(`key map "${k}" has no value`);
    if (inner.entries.size > 0) this.set(data, k, inner);
    return more;
  }

  private listItem(list: VSeq, index: number, level: number): VSeq {
    const { text: k, stop } = this.until(new Set(['[', '.', '=']));
    if (k.length > 0) throw new SetSyntaxError(`unexpected data at end of array index: "${k}"`);
    if (stop === undefined) throw new SetSyntaxError('unexpected end of text after an array index');
    if (stop === '=') return setIndex(list, index, this.value());
    if (stop === '[') {
      const next = this.index();
      const existing = list.items[index];
      const nested = existing?.kind === 'seq' ? { kind: 'seq' as const, items: [...existing.items] } : { kind: 'seq' as const, items: [] };
      return setIndex(list, index, this.listItem(nested, next, level));
    }
    const existing = list.items[index];
    const inner: VMap = existing?.kind === 'map' ? existing : { kind: 'map', entries: new Map() };
    this.key(inner, level);
    return setIndex(list, index, inner);
  }

  /** The value after `=`: JSON for --set-json, otherwise a `{a,b}` list or a typed scalar up to the next comma. */
  private value(): VNode {
    if (this.flag === '--set-json') return this.jsonValue();
    if (this.peek() === undefined) return { kind: 'scalar', value: '' };
    if (this.peek() === '{') {
      this.position++;
      const items: VNode[] = [];
      for (;;) {
        const { text, stop } = this.until(new Set([',', '}']));
        if (stop === undefined) throw new SetSyntaxError("list must terminate with '}'");
        items.push({ kind: 'scalar', value: this.typed(text) });
        if (stop === '}') {
          if (this.peek() === ',') this.position++;
          return { kind: 'seq', items };
        }
      }
    }
    return { kind: 'scalar', value: this.typed(this.until(new Set([','])).text) };
  }

  private jsonValue(): VNode {
    while (this.peek() !== undefined && /\s/.test(this.peek() as string)) this.position++;
    if (this.peek() === undefined || this.peek() === ',') {
      if (this.peek() === ',') this.position++;
      return { kind: 'scalar', value: null };
    }
    const rest = this.runes.slice(this.position).join('');
    const length = jsonValueLength(rest);
    let parsed: unknown;
    try {
      parsed = JSON.parse(rest.slice(0, length));
    } catch (error) {
      if (error instanceof RangeError) throw new SetSyntaxError(`JSON value nested deeper than ${MAX_JSON_DEPTH} levels`);
      throw new SetSyntaxError(`invalid JSON value: ${rest.slice(0, Math.max(length, 1))}`);
    }
    this.position += Array.from(rest.slice(0, length)).length;
    while (this.peek() !== undefined && /\s/.test(this.peek() as string)) this.position++;
    if (this.peek() === ',') this.position++;
    else if (this.peek() !== undefined) throw new SetSyntaxError(`unexpected text after a JSON value: ${this.runes.slice(this.position).join('')}`);
    return this.fromJson(parsed);
  }

  private fromJson(value: unknown, depth = 0): VNode {
    if (depth > MAX_JSON_DEPTH) throw new SetSyntaxError(`JSON value nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (Array.isArray(value)) return { kind: 'seq', items: value.map((item) => this.fromJson(item, depth + 1)) };
    if (value !== null && typeof value === 'object') {
      const entries = new Map<string, { value: VNode; origin: Origin }>();
      for (const [key, item] of Object.entries(value)) entries.set(key, { value: this.fromJson(item, depth + 1), origin: this.origin });
      return { kind: 'map', entries };
    }
    return { kind: 'scalar', value: value as Scalar };
  }

  /** Helm's typedVal: true/false/null (any case), integers without a leading zero, else the string. */
  private typed(text: string): Scalar {
    if (this.flag === '--set-string') return text;
    const lower = text.toLowerCase();
    if (lower === 'true') return true;
    if (lower === 'false') return false;
    if (lower === 'null') return null;
    if (text === '0') return 0;
    // Go: no leading 0, then strconv.ParseInt, which accepts a sign and zeros after it ("-007" is -7).
    if (!text.startsWith('0') && /^[+-]?\d+$/.test(text)) {
      const number = Number(text);
      if (Number.isSafeInteger(number)) return number === 0 ? 0 : number;
    }
    return text;
  }

  private index(): number {
    const { text, stop } = this.until(new Set([']']));
    if (stop === undefined) throw new SetSyntaxError('error parsing index: missing ]');
    if (!/^[+-]?\d+$/.test(text)) throw new SetSyntaxError(`error parsing index: "${text}" is not a number`);
    const index = Number(text);
    if (index < 0) throw new SetSyntaxError(`negative ${index} index not allowed`);
    if (index > MAX_INDEX) throw new SetSyntaxError(`index of ${index} is greater than maximum supported index of ${MAX_INDEX}`);
    return index;
  }

  private set(data: VMap, key: string, value: VNode): void {
    if (key.length === 0) return; // Helm ignores an empty key
    data.entries.set(key, { value, origin: this.origin });
  }

  private peek(): string | undefined {
    return this.runes[this.position];
  }

  /** Read up to (and consume) the first stop rune; a backslash makes the next rune literal. */
  private until(stops: ReadonlySet<string>): { text: string; stop: string | undefined } {
    let text = '';
    while (this.position < this.runes.length) {
      const rune = this.runes[this.position++] as string;
      if (stops.has(rune)) return { text, stop: rune };
      if (rune === '\\') {
        const next = this.runes[this.position++];
        if (next === undefined) return { text, stop: undefined };
        text += next;
      } else text += rune;
    }
    return { text, stop: undefined };
  }
}

function setIndex(list: VSeq, index: number, value: VNode): VSeq {
  const items = [...list.items];
  while (items.length <= index) items.push(undefined);
  items[index] = value;
  return { kind: 'seq', items };
}

/** The length of the JSON value at the start of text (the part Go's json.Decoder would consume). */
function jsonValueLength(text: string): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (c === '"') inString = true;
    else if (c === '{' || c === '[') depth++;
    else if (c === '}' || c === ']') {
      depth--;
      if (depth <= 0) return i + 1;
    } else if (depth === 0 && (c === ',' || /\s/.test(c as string))) return i;
  }
  return text.length;
}
