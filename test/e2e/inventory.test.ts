// cilint inventory collect and merge end to end: what collect prints is what --nodes and merge read.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const root = new URL('../../', import.meta.url).pathname;
const cilint = (...args: string[]) => spawnSync(process.execPath, ['dist/cli.cjs', ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', NODE_NAME: '' } });

/** A node's filesystem: a kernel too old for IPv6 BIG TCP, an ena NIC, and PREEMPT_NONE. */
function nodeRoot(kernel: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'cilint-node-'));
  const files: Record<string, string> = {
    'proc/sys/kernel/osrelease': kernel,
    'sys/class/net/eth0/mtu': '9001',
    [`boot/config-${kernel}`]: 'CONFIG_PREEMPT_NONE=y\n',
  };
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  mkdirSync(join(dir, 'sys/class/net/eth0/device'), { recursive: true });
  symlinkSync('../../../bus/pci/drivers/ena', join(dir, 'sys/class/net/eth0/device/driver'));
  return dir;
}

describe('cilint inventory', () => {
  const out = mkdtempSync(join(tmpdir(), 'cilint-inv-'));

  it('collect prints an entry in the inventory format, with YAML 1.1 booleans quoted', () => {
    const run = cilint('inventory', 'collect', '--root', nodeRoot('5.15.0-91-generic'), '--name', 'old');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('CONFIG_PREEMPT_NONE: "y"');
    expect(parse(run.stdout, { version: '1.1' })).toEqual({
      nodes: [{ name: 'old', kernel: '5.15.0-91-generic', interfaces: [{ name: 'eth0', driver: 'ena', mtu: 9001, nativeXdp: true }], kernelConfig: expect.objectContaining({ CONFIG_PREEMPT_NONE: 'y', CONFIG_BPF: 'n' }) }],
    });
    expect(JSON.parse(cilint('inventory', 'collect', '--root', nodeRoot('6.8.0-1015-aws'), '--name', 'new', '--format', 'json').stdout)).toMatchObject({ nodes: [{ name: 'new' }] });
  });

  it('merge combines the per-node files, and lint reads the result', () => {
    const a = join(out, 'old.yaml');
    const b = join(out, 'new.yaml');
    expect(cilint('inventory', 'collect', '--root', nodeRoot('5.15.0-91-generic'), '--name', 'old', '-o', a).status).toBe(0);
    expect(cilint('inventory', 'collect', '--root', nodeRoot('6.8.0-1015-aws'), '--name', 'new', '-o', b).status).toBe(0);
    const merged = join(out, 'nodes.yaml');
    const run = cilint('inventory', 'merge', a, b, '-o', merged);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const values = join(out, 'values.yaml');
    writeFileSync(values, 'routingMode: native\nipv4NativeRoutingCIDR: 10.0.0.0/8\nautoDirectNodeRoutes: true\nenableIPv6BIGTCP: true\nipv6:\n  enabled: true\nipv6NativeRoutingCIDR: fd00::/100\n');
    const report = JSON.parse(cilint('lint', values, '--nodes', merged, '--cilium-version', '1.16', '--format', 'json').stdout) as { findings: { ruleId: string; node: string | null }[] };
    expect(report.findings.filter((f) => f.ruleId === 'ipv6-big-tcp-kernel').map((f) => f.node)).toEqual(['old']);
  });

  it.each([
    [['inventory', 'merge', 'examples/nodes.yaml', 'examples/nodes.yaml'], /node \S+ is also in examples\/nodes\.yaml/],
    [['inventory', 'merge', 'examples/nodes-kubectl.yaml'], /not cilint's inventory format/],
    [['inventory', 'merge', 'test/fixtures/inputs/bad-inventory.yaml'], /bad-inventory\.yaml:4: invalid node inventory: unknown field "kernal"/],
    [['inventory', 'collect', '--root', '/no/such/root'], /^cilint: --root \/no\/such\/root: no such directory\n$/],
    [['inventory', 'collect', '--format', 'xml'], /unknown --format "xml"/],
  ])('%j: exit 2 with one line', (args, message) => {
    const run = cilint(...args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trimEnd().split('\n')).toHaveLength(1);
  });
});
