// `cilint lint` once its command line is read: check the flags, lint, print, and return the exit status.
import type { CliIo } from '../cli.js';
import { readChart } from '../chart/chart-dir.js';
import type { LocalChart } from '../chart/chart-dir.js';
import type { CilintConfig } from '../config/config.js';
import { findConfig } from '../config/find-config.js';
import { UsageError } from '../errors.js';
import type { SetValue } from '../inputs/targets.js';
import { rules } from '../lint.js';
import type { LintOptions } from '../lint.js';
import { liveTimeout } from '../live/live-options.js';
import type { LiveFlags } from '../live/live-options.js';
import { exitCodeFor, FAIL_ON } from '../report/finding.js';
import type { LintResult } from '../report/finding.js';
import { format, FORMATS } from '../report/formatters.js';
import { lintConcurrently, parseConcurrency } from '../threads/lint-concurrently.js';
import { DEFAULT_MINOR, parseCiliumVersion, unsupportedVersion } from '../version.js';
import type { CiliumVersion } from '../version.js';
import { oneOf } from './flags.js';
import { emit } from './output.js';

/** The input flags (flags.ts INPUT_FLAGS) as parsed: what to read, shared by lint and explain. */
export interface InputFlags {
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

/** Every lint flag (flags.ts LINT_FLAGS) as parsed. */
export interface LintFlags extends InputFlags, LiveFlags {
  format: string;
  output?: string;
  failOn: string;
  color: boolean;
  config?: string;
  baseline?: string;
  updateBaseline?: boolean;
  base?: string;
  concurrency: string;
}

/** Lint `files` with `flags`; `given` tells the flags set on the command line from defaults. */
export async function runLint(files: string[], parsed: LintFlags, given: (attribute: string) => boolean, io: CliIo): Promise<number> {
  const { flags, configFile } = await withConfigFile(parsed, given);
  const formatName = oneOf('--format', flags.format, FORMATS);
  const failOn = oneOf('--fail-on', flags.failOn, FAIL_ON);
  if (flags.updateBaseline && flags.baseline === undefined) throw new UsageError('--update-baseline needs --baseline FILE (the file to write)');
  const baseline = flags.baseline === undefined ? undefined : { file: flags.baseline, update: flags.updateBaseline === true };
  const base = flags.base === undefined ? undefined : { ref: flags.base, ifUnavailable: 'fail' as const };
  const decisions = { config: configFile, baseline, base };
  const timeoutSeconds = liveTimeout(flags);
  const concurrency = parseConcurrency(flags.concurrency);
  const result = flags.kube ? await lintLive(files, flags, timeoutSeconds, decisions) : await lintConcurrently({ ...lintOptions(files, flags), ...decisions }, concurrency);
  const color = io.color && flags.color && flags.output === undefined && formatName === 'text';
  emit(await format(result, formatName, { color }), flags.output, io);
  return exitCodeFor(result, failOn);
}

/** Fill the flags not given on the command line from the config file: flags win, as in ESLint. */
async function withConfigFile(flags: LintFlags, given: (attribute: string) => boolean): Promise<{ flags: LintFlags; configFile: CilintConfig | undefined }> {
  const file = flags.config ?? findConfig(process.cwd());
  if (file === undefined) return { flags, configFile: undefined };
  const { loadConfig } = await import('../on-demand.js');
  const configFile = loadConfig(file, rules().map((rule) => rule.id));
  return {
    configFile,
    flags: {
      ...flags,
      ...(given('ciliumVersion') || configFile.ciliumVersion === undefined ? {} : { ciliumVersion: configFile.ciliumVersion }),
      failOn: given('failOn') ? flags.failOn : configFile.failOn ?? flags.failOn,
      ...(flags.nodes === undefined && configFile.nodes !== undefined ? { nodes: configFile.nodes } : {}),
    },
  };
}

/** Live mode (--kube): the cluster is an input, read first. */
async function lintLive(files: string[], flags: LintFlags, timeoutSeconds: number, decisions: Pick<LintOptions, 'config' | 'baseline' | 'base'>): Promise<LintResult> {
  const { lintCluster } = await import('../on-demand.js');
  return lintCluster(flags, timeoutSeconds, (ciliumVersion) => ({ ...lintOptions(files, { ...flags, ciliumVersion }, true), ...decisions }));
}

/** Check the input flags and turn them into lint()'s options; in live mode (--kube) the cluster is an input. */
export function lintOptions(files: string[], flags: InputFlags, live = false): LintOptions {
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
    throw new UsageError(unsupportedVersion(from, text));
  }
  const chartMinor = chart?.version === undefined ? undefined : parseCiliumVersion(chart.version)?.minor;
  if (flag !== undefined && chartMinor !== undefined && chartMinor !== version.minor) {
    throw new UsageError(`--cilium-version ${flag} does not match the chart in ${chart?.dir ?? ''} (version ${chart?.version ?? ''})`);
  }
  return version;
}
