// The full command line, with commander: every command, --help, --version and the usage errors. Loaded only
// when the fast path (fast-lint-args.ts) declines a command line.
import { Command, CommanderError, Option } from 'commander';
import type { CliIo } from '../cli.js';
import { addInventoryCommands } from '../collect/inventory-command.js';
import { EXPLAIN_FORMATS, formatExplanation } from '../explain/format.js';
import { rules } from '../lint.js';
import { toolVersion } from '../package-root.js';
import { formatRules, RULE_FORMATS } from '../report/rules-list.js';
import { INPUT_FLAGS, LINT_FLAGS, oneOf } from './flags.js';
import type { FlagSpec } from './flags.js';
import { lintOptions, runLint } from './lint-command.js';
import { emit } from './output.js';
import type { InputFlags, LintFlags } from './lint-command.js';

const FILES_HELP = 'Helm values files or cilium-config ConfigMap manifests, each its own target';

/** What `cilint lint` does with its command line read; a test puts its own to compare with the fast path. */
export type LintHandler = (files: string[], flags: LintFlags, given: (attribute: string) => boolean) => Promise<number>;

/** Parse `argv` with commander and run the command it names; returns the exit status. */
export async function runProgram(argv: readonly string[], io: CliIo, lint: LintHandler = (files, flags, given) => runLint(files, flags, given, io)): Promise<number> {
  let status = 0;
  const errors: string[] = [];
  const program = new Command('cilint')
    .description('Lint Cilium Helm values, cilium-config ConfigMaps and node inventories against what Cilium really does.')
    .version(toolVersion(), '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: (text) => errors.push(text), outputError: (text) => errors.push(text) });

  withFlags(program.command('lint').description('lint configurations (each FILE is its own target; -f files merge into one Helm release)'), LINT_FLAGS)
    .action(async (files: string[], flags: LintFlags, command: Command) => {
      status = await lint(files, flags, (attribute) => command.getOptionValueSource(attribute) === 'cli');
    });

  withFlags(program.command('explain').description('print the effective datapath per node, as cilium status --verbose would report it after the rollout'), [
    ...INPUT_FLAGS,
    { flags: '--format <format>', description: `output format: ${EXPLAIN_FORMATS.join(', ')}`, default: 'text' },
    { flags: '-o, --output <file>', description: 'write the explanation to a file instead of standard output' },
  ]).action(async (files: string[], flags: InputFlags & { format: string; output?: string }) => {
    const format = oneOf('--format', flags.format, EXPLAIN_FORMATS);
    const { explain } = await import('../on-demand.js');
    emit(formatExplanation(explain(lintOptions(files, flags)), format), flags.output, io);
  });

  program
    .command('rules')
    .description('list the rules: id, level, title and Cilium versions')
    .addOption(new Option('--format <format>', `output format: ${RULE_FORMATS.join(', ')}`).default('text'))
    .option('-o, --output <file>', 'write the list to a file instead of standard output')
    .action((flags: { format: string; output?: string }) => {
      emit(formatRules(rules(), oneOf('--format', flags.format, RULE_FORMATS)), flags.output, io);
    });

  addInventoryCommands(program, io);

  try {
    await program.parseAsync([...argv], { from: 'user' });
    return status;
  } catch (error) {
    if (!(error instanceof CommanderError)) throw error;
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
}

/** Give a command the file arguments and these flags. */
function withFlags(command: Command, flags: readonly FlagSpec[]): Command {
  command.argument('[files...]', FILES_HELP);
  for (const spec of flags) {
    const option = new Option(spec.flags, spec.description);
    if (spec.repeatable) option.argParser(collect).default([]);
    else if (spec.default !== undefined) option.default(spec.default);
    command.addOption(option);
  }
  return command;
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}
