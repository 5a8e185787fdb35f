// The fast lint command-line parser against commander: when it reads a command line, commander must read the
// same files, flag values and flags given. A failure prints fast-check's seed and the shrunk command line: add
// it to COMMAND_LINES below.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseLintArgs } from '../../src/cli/fast-lint-args.js';
import { flagParts, LINT_FLAGS } from '../../src/cli/flags.js';
import { runProgram } from '../../src/cli/program.js';

const ATTRIBUTES = LINT_FLAGS.map((spec) => flagParts(spec).attribute);
const quiet = { stdout: () => {}, stderr: () => {}, color: false };

/** What commander gives `cilint lint`'s action for a command line, or undefined when it refuses it or runs something else. */
async function commanderReads(argv: readonly string[]): Promise<{ files: string[]; flags: object; given: string[] } | undefined> {
  let read: { files: string[]; flags: object; given: string[] } | undefined;
  await runProgram(argv, quiet, async (files, flags, given) => {
    read = { files, flags: { ...flags }, given: ATTRIBUTES.filter(given).sort() };
    return 0;
  });
  return read;
}

/** The property: a command line the fast parser reads, commander reads alike. */
async function expectAgreement(argv: readonly string[]): Promise<'read' | 'declined'> {
  const fast = parseLintArgs(argv);
  if (fast === undefined) return 'declined';
  const slow = await commanderReads(argv);
  expect(slow, `commander refuses ${JSON.stringify(argv)}, which the fast path read`).toBeDefined();
  expect({ files: fast.files, flags: fast.flags, given: [...fast.given].sort() }, JSON.stringify(argv)).toEqual(slow);
  return 'read';
}

/** Command lines as users, pre-commit, the Action's docs and the bench write them: all for the fast path. */
const COMMAND_LINES = [
  ['lint', 'values.yaml'],
  ['lint', 'a.yaml', 'b.yaml', '--nodes', 'nodes.yaml', '--cilium-version', '1.16'],
  ['lint', '-f', 'values.yaml', '-f', 'values-prod.yaml', '--set', 'a.b=1', '--set-string', 'x=y', '--set-json', 'j={"a":1}'],
  ['lint', '--config-map', 'cm.yaml', '--format=sarif', '-o', 'out.sarif', '--fail-on', 'warning', '--no-color'],
  ['lint', 'values.yaml', '--baseline', 'b.json', '--update-baseline', '--base', 'origin/main', '--concurrency', 'off'],
  ['lint', '--kube', '--context', 'prod', '--namespace', 'cilium', '--timeout', '5', '--kubeconfig', 'k.yaml'],
  ['lint', '--chart', 'charts/cilium', '--values-root', 'cilium', '--max-file-size', '100', 'values.yaml', '--config', '.cilint.yaml'],
  ['lint', 'values.yaml', '--nodes', '-'],
  ['lint', '-', '--set', '--kube'],
  ['lint', '--set='],
  ['lint'],
];

describe('the fast lint command-line parser', () => {
  it.each(COMMAND_LINES.map((argv) => [argv.join(' '), argv]))('reads %s as commander does', async (_, argv) => {
    expect(await expectAgreement(argv as string[])).toBe('read');
  });

  it.each([
    ['help', ['lint', '--help']],
    ['help, short', ['lint', 'a.yaml', '-h']],
    ['the version, even as a value', ['lint', '--set', '-v']],
    ['a short group', ['lint', '-hx']],
    ['the end of flags', ['lint', '--', '-a.yaml']],
    ['an unknown flag', ['lint', '--colour']],
    ['a value glued to a short flag', ['lint', '-fvalues.yaml']],
    ['a value given to a switch', ['lint', '--kube=true']],
    ['a missing value', ['lint', '--nodes']],
    ['another command', ['explain', 'a.yaml']],
    ['no command', []],
  ])('leaves %s to commander', (_, argv) => {
    expect(parseLintArgs(argv)).toBeUndefined();
  });

  it('agrees with commander on generated command lines', async () => {
    const flagTokens = LINT_FLAGS.flatMap((spec) => {
      const parts = flagParts(spec);
      return [parts.long, ...(parts.short ? [parts.short] : []), ...(parts.takesValue ? [`${parts.long}=x`, `${parts.long}=`, `${parts.long}==`] : [])];
    });
    const token = fc.oneof(
      { weight: 6, arbitrary: fc.constantFrom(...flagTokens) },
      { weight: 4, arbitrary: fc.constantFrom('a.yaml', 'b.yaml', 'x=1', '1.16', 'json', 'off', '', '-', '=', 'a=b=c') },
      { weight: 2, arbitrary: fc.constantFrom('--', '-v', '--version', '-h', '--help', '-x', '--unknown', '-fa.yaml', '-oa', '--kube=1', '-1', '--color', '--no-kube', '---', '--=x', 'lint') },
      { weight: 1, arbitrary: fc.string({ maxLength: 6 }) },
    );
    const read = { count: 0 };
    await fc.assert(
      fc.asyncProperty(fc.array(token, { maxLength: 10 }), async (tokens) => {
        if ((await expectAgreement(['lint', ...tokens])) === 'read') read.count++;
      }),
      { numRuns: Number(process.env['ARGS_RUNS'] ?? 1500) },
    );
    // The generator must reach the fast path often, or the property says little.
    expect(read.count).toBeGreaterThan(200);
  });
});
