// The `cilint inventory` commands: collect one node's facts, and merge per-node files into one inventory.
import { existsSync, statSync, writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { stringify } from 'yaml';
import { UsageError } from '../errors.js';
import { collectNode } from './collect.js';
import { mergeInventories } from './merge.js';

const FORMATS = ['yaml', 'json'] as const;

interface OutputFlags {
  format: string;
  output?: string;
}

/** Add `inventory collect` and `inventory merge` to the program; they write through `stdout`. */
export function addInventoryCommands(program: Command, stdout: (text: string) => void): void {
  const inventory = program.command('inventory').description("collect node facts for --nodes: on each node, then merged into one inventory");
  inventory
    .command('collect')
    .description("print this node's inventory entry (kernel, NICs, sysctls, kernel config, tuning), read from /proc, /sys, /boot and /etc")
    .option('--root <dir>', "where the host's filesystem is mounted (in a pod: the hostPath mount)", '/')
    .option('--name <node>', 'the node name (default: $NODE_NAME, else the host name)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'yaml')
    .option('-o, --output <file>', 'write the entry to a file instead of standard output')
    .action((flags: OutputFlags & { root: string; name?: string }) => {
      checkFormat(flags.format);
      if (!existsSync(flags.root) || !statSync(flags.root).isDirectory()) throw new UsageError(`--root ${flags.root}: no such directory`);
      const node = collectNode(flags.root, flags.name ?? process.env['NODE_NAME']);
      write(render([node], flags.format), flags.output, stdout);
    });
  inventory
    .command('merge')
    .description('combine inventory files (one per node) into one, for --nodes')
    .argument('<files...>', 'inventory files, as inventory collect prints them')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'yaml')
    .option('-o, --output <file>', 'write the inventory to a file instead of standard output')
    .action((files: string[], flags: OutputFlags) => {
      checkFormat(flags.format);
      write(render(mergeInventories(files), flags.format), flags.output, stdout);
    });
}

function checkFormat(format: string): void {
  if (!(FORMATS as readonly string[]).includes(format)) throw new UsageError(`unknown --format "${format}" (expected one of: ${FORMATS.join(', ')})`);
}

/** An inventory document: cilint's format, `nodes:` and the entries. YAML 1.1 quotes y and n, which Helm-era readers take for booleans. */
function render(nodes: readonly object[], format: string): string {
  if (format === 'json') return `${JSON.stringify({ nodes }, null, 2)}\n`;
  return `# yaml-language-server: $schema=https://cilint.dev/schemas/inventory.schema.json\n${stringify({ nodes }, { version: '1.1', lineWidth: 0 })}`;
}

function write(text: string, output: string | undefined, stdout: (text: string) => void): void {
  if (output === undefined) return stdout(text);
  try {
    writeFileSync(output, text);
  } catch (error) {
    throw new UsageError(`cannot write ${output}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}
