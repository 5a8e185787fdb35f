// Property-based fuzzing: whatever the input, cilint ends with exit 0, 1 or 2, and exit 2 carries a one-line message.
// A failure prints fast-check's seed and the shrunk input: add it to EDGES below.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { runCli } from '../../src/cli.js';
import { CilintError } from '../../src/errors.js';
import { loadRule } from '../../src/rules/load-rules.js';

const dir = mkdtempSync(join(tmpdir(), 'cilint-fuzz-'));
let counter = 0;
const file = (text: string): string => {
  const path = join(dir, `f${counter++}.yaml`);
  writeFileSync(path, text);
  return path;
};

/** Run the CLI in-process and check the contract: a known status, and for 2 exactly one line naming the problem. */
async function expectContract(args: string[]): Promise<void> {
  let stdout = '';
  let stderr = '';
  const status = await runCli(args, { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), color: false });
  expect([0, 1, 2], `${args.join(' ')}\n${stderr}`).toContain(status);
  if (status === 2) {
    expect(stderr, args.join(' ')).toMatch(/^cilint: [^\n]+\n$/);
    expect(stderr).not.toMatch(/internal error/);
  } else {
    expect(stderr).toBe('');
    expect(stdout.length).toBeGreaterThan(0);
  }
}

const YAML_CHARS = fc.constantFrom(...'ab:- \n\t{}[],&*!|>\'"#%@`?=.0123456789\\'.split(''), 'true', 'null', '~', '<<', '\u00e9', '\ufeff');
const yamlish = fc.array(YAML_CHARS, { maxLength: 120 }).map((parts) => parts.join(''));
const RUNS = { numRuns: 150 };

const EXAMPLE = readFileSync(new URL('../../examples/tuned-bare-metal/values.yaml', import.meta.url), 'utf8');

/** Hand-picked edges of the grammars above; add any input fuzzing finds here, shrunk, so it stays a case forever. */
const EDGES = (): string[][] => [
  ['lint', file('<<: *missing\n')],
  ['lint', file('a: &x\n  b: *x\n<<: [*x, *x]\n')],
  ['lint', file('\ufeff---\n---\n')],
  ['lint', file('hubble: { enabled: true }\n'), '--set-json', `a=${'['.repeat(300)}${']'.repeat(300)}`],
  ['lint', file('hubble: { enabled: true }\n'), '--set', `${'a.'.repeat(40)}b=1`],
  ['lint', file('hubble: { enabled: true }\n'), '--set', 'a[70000]=1'],
  ['lint', '--config-map', file('kind: List\nitems: [{kind: ConfigMap, metadata: {name: cilium-config}, data: {mtu: [1]}}]\n')],
];

describe('fuzzing', () => {
  it('values files made of YAML punctuation', async () => {
    await fc.assert(fc.asyncProperty(yamlish, (text) => expectContract(['lint', file(text), '--format', 'json'])), RUNS);
  });

  it('a real values file with random bytes spliced in', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: EXAMPLE.length }), yamlish, (at, noise) => expectContract(['lint', file(EXAMPLE.slice(0, at) + noise + EXAMPLE.slice(at)), '--cilium-version', '1.16'])),
      RUNS,
    );
  });

  it('values of any shape', async () => {
    await fc.assert(fc.asyncProperty(fc.dictionary(fc.constantFrom('kubeProxyReplacement', 'bpf', 'hubble', 'routingMode', 'MTU', 'cilium', 'tunnel', 'endpointStatus', 'x'), fc.jsonValue({ maxDepth: 3 })), (values) => expectContract(['lint', file(stringify(values)), '--format', 'sarif'])), RUNS);
  });

  it('--set, --set-string and --set-json strings', async () => {
    const SET_CHARS = fc.constantFrom(...'ab.[]=,\\{}"0123456789 -_'.split(''), '__proto__', 'true', 'null');
    const setText = fc.array(SET_CHARS, { maxLength: 40 }).map((parts) => parts.join(''));
    const base = file('hubble:\n  enabled: true\n');
    await fc.assert(fc.asyncProperty(fc.constantFrom('--set', '--set-string', '--set-json'), setText, (flag, text) => expectContract(['lint', base, flag, text])), RUNS);
  });

  it('ConfigMaps with any data', async () => {
    const data = fc.dictionary(fc.constantFrom('kube-proxy-replacement', 'routing-mode', 'tunnel', 'mtu', 'enable-bpf-masquerade', 'bpf-ct-global-tcp-max', 'enable-ipv6-big-tcp', 'x-y'), fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.constant(null), fc.boolean()));
    await fc.assert(fc.asyncProperty(data, (values) => expectContract(['lint', '--config-map', file(stringify({ kind: 'ConfigMap', metadata: { name: 'cilium-config' }, data: values })), '--cilium-version', '1.17'])), RUNS);
  });

  it('node inventories of any shape', async () => {
    const node = fc.record({ name: fc.oneof(fc.string({ maxLength: 8 }), fc.integer()), kernel: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('5.10.0', '6.1.0-13-amd64', '4.18.0-553.el8_10.x86_64')), interfaces: fc.jsonValue({ maxDepth: 2 }), sysctls: fc.jsonValue({ maxDepth: 1 }) }, { requiredKeys: [] });
    const values = file('bpf:\n  masquerade: true\nkubeProxyReplacement: "true"\nenableIPv6BIGTCP: true\n');
    await fc.assert(fc.asyncProperty(fc.array(node, { maxLength: 4 }), (nodes) => expectContract(['lint', values, '--nodes', file(stringify({ nodes }))])), RUNS);
  });

  it('rule files: a rule loads or is refused with a RuleDefinitionError', async () => {
    const rule = fc.record(
      { id: fc.constant('fuzzed'), title: fc.string(), level: fc.constantFrom('error', 'warning', 'note', 'fatal'), 'for-each': fc.constantFrom('cluster', 'node', 'input'), when: fc.jsonValue({ maxDepth: 3 }), expect: fc.jsonValue({ maxDepth: 3 }), message: fc.string(), references: fc.array(fc.webUrl()) },
      { requiredKeys: [] },
    );
    fc.assert(
      fc.property(fc.oneof(rule.map((r) => stringify(r)), yamlish), (text) => {
        try {
          loadRule('rules/fuzzed.yaml', 'rules/fuzzed.yaml', text);
        } catch (error) {
          expect(error).toBeInstanceOf(CilintError);
        }
      }),
      RUNS,
    );
  });

  it('hand-picked edges', async () => {
    for (const args of EDGES()) await expectContract(args);
  });
});

describe('regular expressions in rule files', () => {
  const rule = (pattern: string): string =>
    stringify({ id: 'fuzzed', title: 'A rule with a pattern', level: 'warning', category: 'node', description: 'A pattern on the kernel string of a node.', remediation: 'None.', references: ['https://docs.cilium.io/'], 'for-each': 'node', when: { node: 'kernel', present: true }, expect: { node: 'kernel', matches: pattern }, message: 'The kernel string matched.' });

  it('refuses patterns that could backtrack for exponential time', () => {
    for (const pattern of ['(a+)+$', '(x*y*)*z', '(\\d{1,}-)+', '(a)\\1']) {
      expect(() => loadRule('rules/fuzzed.yaml', 'rules/fuzzed.yaml', rule(pattern)), pattern).toThrow(/exponential time/);
    }
  });

  it('accepts the patterns rules use', () => {
    for (const pattern of ['^5\\.(4|10)\\.', '\\.el8_10\\b', '^(ena|ixgbe)$', '[0-9]+(\\.[0-9]+)?']) {
      expect(loadRule('rules/fuzzed.yaml', 'rules/fuzzed.yaml', rule(pattern)).id).toBe('fuzzed');
    }
  });
});
