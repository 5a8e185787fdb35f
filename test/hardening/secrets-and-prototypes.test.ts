// Secrets never reach any output, and keys named __proto__, constructor or prototype never touch a prototype.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../src/cli.js';
import { fromParsed } from '../../src/helm/values-tree.js';
import { modelFromHelmValues } from '../../src/model/from-helm-values.js';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PMap } from '../../src/inputs/yaml-tree.js';
import { shownSetText } from '../../src/redact.js';
import { renderMessage } from '../../src/rules/message.js';
import { parseCiliumVersion } from '../../src/version.js';
import type { CiliumVersion } from '../../src/version.js';

const dir = mkdtempSync(join(tmpdir(), 'cilint-hardening-'));
const file = (name: string, text: string): string => {
  writeFileSync(join(dir, name), text);
  return join(dir, name);
};

async function cli(...args: string[]): Promise<{ status: number; out: string }> {
  let out = '';
  const status = await runCli(args, { stdout: (text) => (out += text), stderr: (text) => (out += text), color: false });
  return { status, out };
}

const SECRET = 'S3CR3T-VALUE-xyz';

describe('secrets', () => {
  // Duplicate, misspelt, removed and ignored keys all hold the secret: every finding kind that names a key.
  const values = file(
    'values.yaml',
    [
      'hubble:',
      '  tls:',
      `    server: { cert: "${SECRET}", key: "${SECRET}" }`,
      'clustermesh:',
      '  apiserver:',
      '    tls:',
      `      ca: { cert: "${SECRET}", key: "${SECRET}" }`,
      `clustermesh: { config: { token: "${SECRET}" } }`,
      `encryption: { keyFile: "${SECRET}", ipsec: { secretName: "${SECRET}" } }`,
      `tlss: { password: "${SECRET}" }`,
      'kubeProxyReplacement: strict',
      '',
    ].join('\n'),
  );

  for (const format of ['text', 'json', 'sarif', 'github']) {
    it(`stay out of the ${format} report`, async () => {
      const run = await cli('lint', values, '--cilium-version', '1.16', '--set', `hubble.tls.auto.key=${SECRET}`, '--format', format);
      expect(run.status).toBe(1);
      expect(run.out.length).toBeGreaterThan(100);
      expect(run.out).not.toContain(SECRET);
    });
  }

  it('stay out of explain', async () => {
    const run = await cli('explain', values, '--set', `tls.key=${SECRET}`, '--format', 'json');
    expect(run.out).not.toContain(SECRET);
  });

  it('stay out of --set errors', async () => {
    const run = await cli('lint', values, '--set', `tls.key=${SECRET},broken`);
    expect(run).toEqual({ status: 2, out: `cilint: --set "tls.key=[redacted],broken": cannot be parsed\n` });
    expect((await cli('lint', values, '--set-json', `tls.key={"a":${SECRET}}`)).out).not.toContain(SECRET);
    expect(shownSetText('a.b=1,c=2')).toBe('a.b=1,c=2');
  });

  it('are redacted where a rule message shows a value', async () => {
    const parsed = parseYamlFile('values.yaml', `hubble:\n  tls:\n    server:\n      key: "${SECRET}"\nMTU: 9000\n`);
    const root = parsed.documents[0]?.root as PMap;
    const version = parseCiliumVersion('1.16') as CiliumVersion;
    const subject = { model: modelFromHelmValues(fromParsed(root, 'values.yaml'), version.minor, ['values.yaml']), version };
    expect(renderMessage('{{helm.hubble.tls.server.key}} / {{helm.MTU}}', subject)).toBe('[redacted] / 9000');
  });
});

describe('prototype pollution', () => {
  const polluted = (): unknown => (Object.prototype as Record<string, unknown>)['polluted'];

  it('does not happen through values files, --set, --set-json, ConfigMaps or inventories', async () => {
    const values = file('proto.yaml', '__proto__:\n  polluted: yes\nconstructor:\n  prototype:\n    polluted: yes\nhubble:\n  __proto__: { polluted: yes }\n');
    const configMap = file('cm.yaml', 'kind: ConfigMap\nmetadata: { name: cilium-config }\ndata:\n  __proto__: "x"\n  constructor: "y"\n');
    const nodes = file('nodes.yaml', 'nodes:\n  - name: a\n    __proto__: { polluted: yes }\n    sysctls: { __proto__: "x", constructor: "y" }\n');
    for (const args of [
      ['lint', values],
      ['lint', values, '--set', '__proto__.polluted=yes', '--set', 'constructor.prototype.polluted=yes'],
      ['lint', values, '--set-json', '__proto__={"polluted":"yes"}', '--set-string', 'a.__proto__.polluted=yes'],
      ['lint', configMap, '--nodes', nodes],
      ['explain', values, '--nodes', nodes],
    ]) {
      const run = await cli(...args);
      expect([0, 1, 2]).toContain(run.status);
      expect(run.out).not.toMatch(/internal error/);
      expect(polluted()).toBeUndefined();
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    }
  });
});
