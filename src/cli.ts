// The command-line shell: parse flags, call lint(), print, and return ESLint's exit codes (0, 1, 2).
import { writeFileSync } from 'node:fs';
import { Command, CommanderError, Option } from 'commander';
import { CilintError, UsageError } from './errors.js';
import { rules } from './lint.js';
import type { LintOptions } from './lint.js';
import { EXPLAIN_FORMATS, formatExplanation } from './explain/format.js';
import type { ExplainFormat } from './explain/format.js';
import type { SetValue } from './inputs/targets.js';
import { DEFAULT_MAX_FILE_BYTES } from './inputs/read-text.js';
import { exitCodeFor } from './report/finding.js';
import type { FailOn, LintResult } from './report/finding.js';
import { format, FORMATS, parseFormat } from './report/formatters.js';
import { formatRules, RULE_FORMATS } from './report/rules-list.js';
import { DEFAULT_MINOR, parseCiliumVersion, SUPPORTED_MINORS } from './version.js';
import type { CiliumVersion } from './version.js';
import { readChart } from './chart/chart-dir.js';
import type { LocalChart } from './chart/chart-dir.js';
import { toolVersion } from './package-root.js';
import type { CilintConfig } from './config/config.js';
import { findConfig } from './config/find-config.js';
import { liveTimeout, withLiveOptions } from './live/live-options.js';
import type { LiveFlags } from './live/live-options.js';
import { addInventoryCommands } from './collect/inventory-command.js';
import { lintConcurrently, parseConcurrency } from './threads/lint-concurrently.js';

/** Where the CLI writes, and what it knows of its terminal. */
export interface CliIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly color: boolean;
}

const FAIL_ON = ['error', 'warning', 'note', 'none'] as const;

/**
 * Run the CLI with arguments (without `node` and the script) and return the exit status.
 * Only what linting files needs is loaded up front: every module loaded is parsed at each start, so what
 * other commands, live mode, a config file and SARIF need comes from src/on-demand.ts when used.
 */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  let status = 0;
  const errors: string[] = [];
  const program = new Command('cilint')
    .description('Lint Cilium Helm values, cilium-config ConfigMaps and node inventories against what Cilium really does.')
    .version(toolVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => errors.push(text), outputError: (text) => errors.push(text) });

  withLiveOptions(withInputOptions(
    program
      .command('lint')
      .description('lint configurations (each FILE is its own target; -f files merge into one Helm release)'),
  ))
    .addOption(new Option('--format <format>', `output format: ${FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .addOption(new Option('--fail-on <level>', `exit 1 when a finding is at or above this level: ${FAIL_ON.join(', ')}`).default('error'))
    .option('--no-color', 'never colour the text report')
    .option('--config <file>', 'a .cilint.yaml to use (default: the nearest one upward from the working directory)')
    .option('--baseline <file>', 'accept the findings recorded in this baseline file; report its entries that match nothing')
    .option('--update-baseline', 'rewrite the --baseline file with every finding of this run (and exit 0)')
    .option('--base <ref>', 'also read the files at this git revision and flag datapath-disruptive changes (routing, IPAM, KPR, encryption, cluster identity, pod CIDRs, MTU)')
    .option('--concurrency <threads>', 'lint files on this many threads, auto (several only for thousands of files) or off', 'auto')
    .action(async (files: string[], options: LintFlags, command: Command) => {
      status = await runLint(files, await withConfigFile(options, command), io);
    });

  withInputOptions(
    program
      .command('explain')
      .description('print the effective datapath per node, as cilium status --verbose would report it after the rollout'),
  )
    .addOption(new Option('--format <format>', `output format: ${EXPLAIN_FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the explanation to a file instead of standard output')
    .action(async (files: string[], options: ExplainFlags) => {
      if (!(EXPLAIN_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`unknown --format "${options.format}" (expected one of: ${EXPLAIN_FORMATS.join(', ')})`);
      }
      const { explain } = await import('./on-demand.js');
      emit(formatExplanation(explain(lintOptions(files, options)), options.format as ExplainFormat), options.output, io);
    });

  program
    .command('rules')
    .description('list the rules: id, level, title and Cilium versions')
    .addOption(new Option('--format <format>', `output format: ${RULE_FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the list to a file instead of standard output')
    .action((options: { format: string; output?: string }) => {
      if (!(RULE_FORMATS as readonly string[]).includes(options.format)) {
        throw new UsageError(`unknown --format "${options.format}" (expected one of: ${RULE_FORMATS.join(', ')})`);
      }
      emit(formatRules(rules(), options.format as (typeof RULE_FORMATS)[number]), options.output, io);
    });

  addInventoryCommands(program, io.stdout);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return 0;
      if (error.code === 'commander.help') {
        // `cilint` alone: show what it takes, as a usage error.
        io.stderr(`cilint: a command is required (lint, explain, rules or inventory); see cilint --help\n`);
        return 2;
      }
      const text = errors.join(' ').replace(/\s+/g, ' ').replace(/^error: /, '').trim() || error.message;
      io.stderr(`cilint: ${text}\n`);
      return 2;
    }
    return reportError(error, io);
  }
}

/** The options that say what to read, shared by lint and explain. */
function withInputOptions(command: Command): Command {
  return command
    .argument('[files...]', 'Helm values files or cilium-config ConfigMap manifests, each its own target')
    .option('-f, --values <file>', 'Helm values file merged into one release, in order (repeatable)', collect, [])
    .option('--set <key=value>', "set a Helm value, with Helm's syntax (repeatable)", collect, [])
    .option('--set-string <key=value>', 'set a Helm value as a string (repeatable)', collect, [])
    .option('--set-json <key=json>', 'set a Helm value from JSON (repeatable)', collect, [])
    .option('--config-map <file>', 'a cilium-config ConfigMap manifest (kubectl get cm cilium-config -o yaml)', collect, [])
    .option('--nodes <file>', "a node inventory: cilint's format or kubectl get nodes -o yaml|json")
    .option('--cilium-version <version>', `Cilium release to lint for: ${SUPPORTED_MINORS[0]} to ${SUPPORTED_MINORS.at(-1)}, with or without a patch (default: the --chart's version, else ${DEFAULT_MINOR})`)
    .option('--chart <dir>', "a local copy of the Cilium chart (helm pull cilium/cilium --untar): its keys and defaults replace cilint's")
    .option('--values-root <key>', 'the key the Cilium values sit under in an umbrella chart (found by itself when it is cilium)')
    .option('--max-file-size <bytes>', 'refuse input files larger than this', String(DEFAULT_MAX_FILE_BYTES));
}

interface InputFlags {
  values: string[];
  set: string[];
  setString: string[];
  setJson: string[];
  configMap: string[];
  nodes?: string;
  ciliumVersion?: string;
  chart?: string;
  valuesRoot?: string;
  maxFileSize: string;
}

interface LintFlags extends InputFlags, LiveFlags {
  format: string;
  output?: string;
  failOn: string;
  color: boolean;
  config?: string;
  configFile?: CilintConfig | undefined;
  baseline?: string;
  updateBaseline?: boolean;
  base?: string;
  concurrency: string;
}

/** Fill the flags not given on the command line from the config file: flags win, as in ESLint. */
async function withConfigFile(flags: LintFlags, command: Command): Promise<LintFlags> {
  const file = flags.config ?? findConfig(process.cwd());
  if (file === undefined) return flags;
  const { loadConfig } = await import('./on-demand.js');
  const configFile = loadConfig(file, rules().map((rule) => rule.id));
  const given = (name: string) => command.getOptionValueSource(name) === 'cli';
  return {
    ...flags,
    configFile,
    ...(given('ciliumVersion') || configFile.ciliumVersion === undefined ? {} : { ciliumVersion: configFile.ciliumVersion }),
    failOn: given('failOn') ? flags.failOn : configFile.failOn ?? flags.failOn,
    ...(flags.nodes === undefined && configFile.nodes !== undefined ? { nodes: configFile.nodes } : {}),
  };
}

interface ExplainFlags extends InputFlags {
  format: string;
  output?: string;
}

async function runLint(files: string[], flags: LintFlags, io: CliIo): Promise<number> {
  const formatName = parseFormat(flags.format);
  if (!(FAIL_ON as readonly string[]).includes(flags.failOn)) {
    throw new UsageError(`unknown --fail-on "${flags.failOn}" (expected one of: ${FAIL_ON.join(', ')})`);
  }
  if (flags.updateBaseline && flags.baseline === undefined) throw new UsageError('--update-baseline needs --baseline FILE (the file to write)');
  const baseline = flags.baseline === undefined ? undefined : { file: flags.baseline, update: flags.updateBaseline === true };
  const base = flags.base === undefined ? undefined : { ref: flags.base, ifUnavailable: 'fail' as const };
  const decisions = { config: flags.configFile, baseline, base };
  liveTimeout(flags);
  const concurrency = parseConcurrency(flags.concurrency);
  const result = flags.kube ? await lintLive(files, flags, decisions) : await lintConcurrently({ ...lintOptions(files, flags), ...decisions }, concurrency);
  const color = io.color && flags.color && flags.output === undefined && formatName === 'text';
  emit(await format(result, formatName, { color }), flags.output, io);
  return exitCodeFor(result, flags.failOn as FailOn);
}

/** Live mode (--kube): the cluster is an input, read first. */
async function lintLive(files: string[], flags: LintFlags, decisions: Pick<LintOptions, 'config' | 'baseline' | 'base'>): Promise<LintResult> {
  const { lintCluster } = await import('./on-demand.js');
  return lintCluster(flags, (ciliumVersion) => ({ ...lintOptions(files, { ...flags, ciliumVersion }, true), ...decisions }));
}

/** Check the input flags and turn them into lint()'s options; in live mode (--kube) the cluster is an input. */
function lintOptions(files: string[], flags: InputFlags, live = false): LintOptions {
  const maxFileBytes = Number(flags.maxFileSize);
  if (!Number.isSafeInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`--max-file-size must be a positive number of bytes, not "${flags.maxFileSize}"`);
  const sets: SetValue[] = [
    ...flags.set.map((text) => ({ flag: '--set' as const, text })),
    ...flags.setString.map((text) => ({ flag: '--set-string' as const, text })),
    ...flags.setJson.map((text) => ({ flag: '--set-json' as const, text })),
  ];
  if (!live && files.length === 0 && flags.values.length === 0 && sets.length === 0 && flags.configMap.length === 0) {
    throw new UsageError('no input: give values files, -f/--values, --set, --config-map or --kube (see --help)');
  }
  const chart = flags.chart === undefined ? undefined : readChart(flags.chart, maxFileBytes);
  const version = ciliumVersion(flags.ciliumVersion, chart);
  return { files, values: flags.values, sets, configMaps: flags.configMap, nodes: flags.nodes, version, maxFileBytes, ...(chart && { chart }), ...(flags.valuesRoot !== undefined && { valuesRoot: flags.valuesRoot }) };
}

/** The release to lint for: --cilium-version, else the --chart's own version, else the newest supported. */
function ciliumVersion(flag: string | undefined, chart: LocalChart | undefined): CiliumVersion {
  const text = flag ?? chart?.version ?? DEFAULT_MINOR;
  const version = parseCiliumVersion(text);
  if (!version) {
    const from = flag === undefined ? `the chart in ${chart?.dir ?? ''} is version` : '--cilium-version';
    throw new UsageError(`unsupported ${from} "${text}" (supported: ${SUPPORTED_MINORS.join(', ')})`);
  }
  const chartMinor = chart?.version === undefined ? undefined : parseCiliumVersion(chart.version)?.minor;
  if (flag !== undefined && chartMinor !== undefined && chartMinor !== version.minor) {
    throw new UsageError(`--cilium-version ${flag} does not match the chart in ${chart?.dir ?? ''} (version ${chart?.version ?? ''})`);
  }
  return version;
}

function emit(text: string, output: string | undefined, io: CliIo): void {
  if (output === undefined) {
    io.stdout(text);
    return;
  }
  try {
    writeFileSync(output, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CilintError) io.stderr(`cilint: ${error.message}\n`);
  else {
    // A bug, not a bad input: still one line, with the stack only on request.
    const message = error instanceof Error ? error.message : String(error);
    io.stderr(`cilint: internal error: ${message.split('\n')[0] ?? ''}\n`);
    if (process.env['CILINT_DEBUG'] && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
  }
  return 2;
}
