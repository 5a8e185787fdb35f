// The `cilint inventory` commands: collect one node's facts, and merge per-node files into one inventory.
import { existsSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import type { CliIo } from '../cli.js';
import { oneOf } from '../cli/flags.js';
import { emit } from '../cli/output.js';
import { UsageError } from '../errors.js';

const FORMATS = ['yaml', 'json'] as const;

interface OutputFlags {
  format: string;
  output?: string;
}

/**
 * Add `inventory collect` and `inventory merge` to the program; they write through `io`. What they run
 * is imported when they run, so that it adds nothing to the start of every other command.
 */
export function addInventoryCommands(program: Command, io: CliIo): void {
  const inventory = program.command('inventory').description("collect node facts for --nodes: on each node, then merged into one inventory");
  inventory
    .command('collect')
    .description("print this node's inventory entry (kernel, NICs, sysctls, kernel config, tuning), read from /proc, /sys, /boot and /etc")
    .option('--root <dir>', "where the host's filesystem is mounted (in a pod: the hostPath mount)", '/')
    .option('--name <node>', 'the node name (default: $NODE_NAME, else the host name)')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'yaml')
    .option('-o, --output <file>', 'write the entry to a file instead of standard output')
    .action(async (flags: OutputFlags & { root: string; name?: string }) => {
      const format = oneOf('--format', flags.format, FORMATS);
      if (!existsSync(flags.root) || !statSync(flags.root).isDirectory()) throw new UsageError(`--root ${flags.root}: no such directory`);
      const { collectNode, inventoryDocument } = await import('../on-demand.js');
      const node = collectNode(flags.root, flags.name ?? process.env['NODE_NAME']);
      emit(inventoryDocument([node], format), flags.output, io);
    });
  inventory
    .command('merge')
    .description('combine inventory files (one per node) into one, for --nodes')
    .argument('<files...>', 'inventory files, as inventory collect prints them')
    .option('--format <format>', `output format: ${FORMATS.join(', ')}`, 'yaml')
    .option('-o, --output <file>', 'write the inventory to a file instead of standard output')
    .action(async (files: string[], flags: OutputFlags) => {
      const format = oneOf('--format', flags.format, FORMATS);
      const { mergeInventories, inventoryDocument } = await import('../on-demand.js');
      emit(inventoryDocument(mergeInventories(files), format), flags.output, io);
    });
}
