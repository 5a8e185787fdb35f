// The flags of `cilint lint` and `cilint explain` as data: commander builds --help from them (program.ts), and
// the fast path parses them without loading commander (fast-lint-args.ts).
import { UsageError } from '../errors.js';
import { DEFAULT_MAX_FILE_BYTES } from '../inputs/read-text.js';
import { LIVE_FLAGS } from '../live/live-options.js';
import { FAIL_ON } from '../report/finding.js';
import { FORMATS } from '../report/formatters.js';
import { DEFAULT_MINOR, SUPPORTED_MINORS } from '../version.js';

/** One flag: commander's syntax (`-o, --output <file>`), its help, its default, and whether it repeats into a list. */
export interface FlagSpec {
  readonly flags: string;
  readonly description: string;
  readonly default?: string;
  /** Each use adds one value to a list (default: empty). */
  readonly repeatable?: true;
}

/** A flag's parts, as commander reads its syntax. */
export interface FlagParts {
  readonly short: string | undefined;
  readonly long: string;
  readonly takesValue: boolean;
  /** `--no-x`: sets x to false, and x defaults to true. */
  readonly negated: boolean;
  /** The key of its value, camel-cased without `no-`: `--set-string` is setString, `--no-color` color. */
  readonly attribute: string;
}

const SYNTAX = /^(?:(-\w), )?--([a-z][\w-]*)(?: <[^>]+>)?$/;

/** Read a flag's syntax; only the forms cilint uses (`-x, --long <value>`, `--long`, `--no-long`). */
export function flagParts(spec: FlagSpec): FlagParts {
  const match = SYNTAX.exec(spec.flags);
  if (!match) throw new Error(`unsupported flag syntax: ${spec.flags}`);
  const name = match[2] ?? '';
  const negated = name.startsWith('no-');
  const attribute = (negated ? name.slice(3) : name).replace(/-(\w)/g, (_, letter: string) => letter.toUpperCase());
  return { short: match[1], long: `--${name}`, takesValue: spec.flags.includes('<'), negated, attribute };
}

/** A flag's value when it is one of `allowed`; any other is a usage error that lists them. */
export function oneOf<T extends string>(flag: string, value: string, allowed: readonly T[]): T {
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`unknown ${flag} "${value}" (expected one of: ${allowed.join(', ')})`);
}

/** What to read, shared by lint and explain. */
export const INPUT_FLAGS: readonly FlagSpec[] = [
  { flags: '-f, --values <file>', description: 'Helm values file merged into one release, in order (repeatable)', repeatable: true },
  { flags: '--set <key=value>', description: "set a Helm value, with Helm's syntax (repeatable)", repeatable: true },
  { flags: '--set-string <key=value>', description: 'set a Helm value as a string (repeatable)', repeatable: true },
  { flags: '--set-json <key=json>', description: 'set a Helm value from JSON (repeatable)', repeatable: true },
  { flags: '--config-map <file>', description: 'a cilium-config ConfigMap manifest (kubectl get cm cilium-config -o yaml)', repeatable: true },
  { flags: '--nodes <file>', description: "a node inventory: cilint's format or kubectl get nodes -o yaml|json" },
  {
    flags: '--cilium-version <version>',
    description: `Cilium release to lint for: ${SUPPORTED_MINORS[0]} to ${SUPPORTED_MINORS.at(-1)}, with or without a patch (default: the --chart's version, else ${DEFAULT_MINOR})`,
  },
  { flags: '--chart <dir>', description: "a local copy of the Cilium chart (helm pull cilium/cilium --untar): its keys and defaults replace cilint's" },
  { flags: '--values-root <key>', description: 'the key the Cilium values sit under in an umbrella chart (found by itself when it is cilium)' },
  { flags: '--max-file-size <bytes>', description: 'refuse input files larger than this', default: String(DEFAULT_MAX_FILE_BYTES) },
];

/** Every flag of `cilint lint`, in the order --help lists them. */
export const LINT_FLAGS: readonly FlagSpec[] = [
  ...INPUT_FLAGS,
  ...LIVE_FLAGS,
  { flags: '--format <format>', description: `output format: ${FORMATS.join(', ')}`, default: 'text' },
  { flags: '-o, --output <file>', description: 'write the report to a file instead of standard output' },
  { flags: '--fail-on <level>', description: `exit 1 when a finding is at or above this level: ${FAIL_ON.join(', ')}`, default: 'error' },
  { flags: '--no-color', description: 'never colour the text report' },
  { flags: '--config <file>', description: 'a .cilint.yaml to use (default: the nearest one upward from the working directory)' },
  { flags: '--baseline <file>', description: 'accept the findings recorded in this baseline file; report its entries that match nothing' },
  { flags: '--update-baseline', description: 'rewrite the --baseline file with every finding of this run (and exit 0)' },
  {
    flags: '--base <ref>',
    description: 'also read the files at this git revision and flag datapath-disruptive changes (routing, IPAM, KPR, encryption, cluster identity, pod CIDRs, MTU)',
  },
  { flags: '--concurrency <threads>', description: 'lint files on this many threads, auto (several only for thousands of files) or off', default: 'auto' },
];
