// Parse the common `cilint lint …` command line without loading commander, which was a tenth of a cold start
// (its code, and node:child_process that it loads). Only known flags and file names are read here, exactly as
// commander reads them; anything else, from --help to a typo, is declined and left to commander, so that its
// help and error messages stay the only ones. test/unit/fast-lint-args.test.ts holds the two to one result.
import { flagParts, LINT_FLAGS } from './flags.js';
import type { FlagParts } from './flags.js';

/** A lint command line read: the files, every flag's value (defaults included) and the flags given. */
export interface LintArgs {
  readonly files: string[];
  readonly flags: Record<string, string | boolean | string[]>;
  /** The attributes set on the command line, not by default (a config file fills in the others). */
  readonly given: ReadonlySet<string>;
}

const PARTS = LINT_FLAGS.map((spec) => ({ spec, parts: flagParts(spec) }));
const BY_NAME = new Map<string, FlagParts & { repeatable: boolean }>();
for (const { spec, parts } of PARTS) {
  const flag = { ...parts, repeatable: spec.repeatable === true };
  BY_NAME.set(parts.long, flag);
  if (parts.short) BY_NAME.set(parts.short, flag);
}

/**
 * Arguments this parser leaves to commander wherever they stand, even as a flag's value: commander's program
 * reads -v, --version, -h, --help (and short groups starting -v or -h) before `lint` sees them, and `--` ends
 * the flags.
 */
const LEFT_TO_COMMANDER = /^(-[vh]|--version$|--help$|--$)/;

/** The lint command line read, or undefined when it holds anything but known flags, their values and files. */
export function parseLintArgs(argv: readonly string[]): LintArgs | undefined {
  if (argv[0] !== 'lint' || argv.some((arg) => LEFT_TO_COMMANDER.test(arg))) return undefined;
  const flags: Record<string, string | boolean | string[]> = {};
  for (const { spec, parts } of PARTS) {
    if (spec.repeatable) flags[parts.attribute] = [];
    else if (spec.default !== undefined) flags[parts.attribute] = spec.default;
    else if (parts.negated) flags[parts.attribute] = true;
  }
  const given = new Set<string>();
  const files: string[] = [];
  for (let i = 1; i < argv.length; i++) {
    const arg = argv[i] ?? '';
    // As in commander: an argument is a flag when it is a dash and more; a lone `-` is a file name.
    if (arg.length < 2 || !arg.startsWith('-')) {
      files.push(arg);
      continue;
    }
    const equals = arg.startsWith('--') ? arg.indexOf('=') : -1;
    const flag = BY_NAME.get(equals > 2 ? arg.slice(0, equals) : arg);
    if (!flag || (equals > 2 && !flag.takesValue)) return undefined;
    let value: string | boolean;
    if (equals > 2) value = arg.slice(equals + 1);
    else if (flag.takesValue) {
      // commander takes the next argument as the value, whatever it looks like; at the end, it is an error.
      if (i + 1 >= argv.length) return undefined;
      value = argv[++i] ?? '';
    } else value = !flag.negated;
    const previous = flags[flag.attribute];
    flags[flag.attribute] = flag.repeatable && Array.isArray(previous) ? [...previous, String(value)] : value;
    given.add(flag.attribute);
  }
  return { files, flags, given };
}
