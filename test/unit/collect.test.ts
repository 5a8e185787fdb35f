// inventory collect on this machine's real /proc and /sys, and on fixture roots that lack one file after another.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, readlinkSync, symlinkSync, writeFileSync } from 'node:fs';
import { release, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { collectNode } from '../../src/collect/collect.js';

/** A root directory holding the given files and symbolic links. */
function makeRoot(files: Record<string, string | Buffer>, links: Record<string, string> = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'cilint-root-'));
  for (const [path, content] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), content);
  }
  for (const [path, target] of Object.entries(links)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    symlinkSync(target, join(root, path));
  }
  return root;
}

const KERNEL = '5.15.0-91-generic';
const FULL = {
  'proc/sys/kernel/osrelease': `${KERNEL}\n`,
  'proc/sys/kernel/hostname': 'worker-7\n',
  'proc/sys/net/ipv4/ip_local_port_range': '32768\t60999\n',
  'proc/sys/net/ipv4/ip_local_reserved_ports': '30000-32767\n',
  'proc/sys/net/ipv4/conf/all/rp_filter': '1\n',
  'proc/sys/net/ipv4/conf/eth0/rp_filter': '2\n',
  'proc/1/comm': 'systemd\n',
  'proc/812/comm': 'irqbalance\n',
  'sys/class/net/eth0/mtu': '9001\n',
  'sys/class/net/eth1/mtu': '1500\n',
  'sys/class/net/bond0/mtu': '9000\n',
  'sys/class/net/bond0/bonding/mode': 'active-backup 1\n',
  'sys/class/net/lo/mtu': '65536\n',
  'sys/class/dmi/id/sys_vendor': 'Amazon EC2\n',
  'sys/devices/system/cpu/cpu0/cpufreq/scaling_governor': 'performance\n',
  'sys/devices/system/cpu/cpu1/cpufreq/scaling_governor': 'performance\n',
  [`boot/config-${KERNEL}`]: '# Linux kernel config\nCONFIG_BPF_SYSCALL=y\nCONFIG_NET_SCH_FQ=m\n# CONFIG_PREEMPT_NONE is not set\nCONFIG_PREEMPT_VOLUNTARY=y\n',
  'etc/os-release': 'NAME="Ubuntu"\nPRETTY_NAME="Ubuntu 22.04.4 LTS"\n',
  'etc/tuned/active_profile': 'network-latency\n',
};
const LINKS = {
  'sys/class/net/eth0/device/driver': '../../../../bus/pci/drivers/ena',
  'sys/class/net/eth1/device/driver': '../../../../bus/pci/drivers/ixgbe',
};

describe('inventory collect on a fixture root', () => {
  it('reads every fact the files give', () => {
    expect(collectNode(makeRoot(FULL, LINKS), undefined)).toEqual({
      name: 'worker-7',
      kernel: KERNEL,
      provider: 'aws',
      osImage: 'Ubuntu 22.04.4 LTS',
      interfaces: [
        { name: 'bond0', driver: 'bonding', mtu: 9000, nativeXdp: true },
        { name: 'eth0', driver: 'ena', mtu: 9001, nativeXdp: true },
        { name: 'eth1', driver: 'ixgbe', mtu: 1500, nativeXdp: true },
      ],
      sysctls: {
        'net.ipv4.ip_local_port_range': '32768 60999',
        'net.ipv4.ip_local_reserved_ports': '30000-32767',
        'net.ipv4.conf.all.rp_filter': '1',
        'net.ipv4.conf.eth0.rp_filter': '2',
      },
      kernelConfig: expect.objectContaining({ CONFIG_BPF_SYSCALL: 'y', CONFIG_NET_SCH_FQ: 'm', CONFIG_PREEMPT_NONE: 'n', CONFIG_PREEMPT_VOLUNTARY: 'y', CONFIG_NETKIT: 'n' }),
      tuned: 'network-latency',
      cpuGovernor: 'performance',
      irqbalance: true,
    });
  });

  it('leaves out what is missing, never guessing', () => {
    // Only a kernel: no interfaces, sysctls, kernel config, tuning, process table or provider to report.
    const bare = collectNode(makeRoot({ 'proc/sys/kernel/osrelease': `${KERNEL}\n` }), 'n1');
    expect(bare).toEqual({ name: 'n1', kernel: KERNEL });
    // A kernel other than the one running here: uname's architecture would be a guess, so there is none.
    expect(bare).not.toHaveProperty('arch');
    // Nothing at all.
    expect(collectNode(makeRoot({}), 'n2')).toEqual({ name: 'n2' });
  });

  it('an interface without an mtu file, a driver too old for native XDP, a kernel that does not parse', () => {
    const root = makeRoot({ 'proc/sys/kernel/osrelease': '4.9.0-custom\n' }, { 'sys/class/net/eth0/device/driver': '../drivers/ena' });
    expect(collectNode(root, 'n').interfaces).toEqual([{ name: 'eth0', driver: 'ena', nativeXdp: false }]);
    const odd = makeRoot({ 'proc/sys/kernel/osrelease': 'custom\n' }, { 'sys/class/net/eth0/device/driver': '../drivers/ena' });
    expect(collectNode(odd, 'n').interfaces).toEqual([{ name: 'eth0', driver: 'ena' }]);
  });

  it('reads /proc/config.gz without /boot, and ignores one that is not gzip', () => {
    const gz = gzipSync('CONFIG_PREEMPT_NONE=y\nCONFIG_NETKIT=y\n');
    expect(collectNode(makeRoot({ 'proc/sys/kernel/osrelease': KERNEL, 'proc/config.gz': gz }), 'n').kernelConfig).toMatchObject({ CONFIG_PREEMPT_NONE: 'y', CONFIG_NETKIT: 'y', CONFIG_BPF: 'n' });
    expect(collectNode(makeRoot({ 'proc/sys/kernel/osrelease': KERNEL, 'proc/config.gz': 'not gzip' }), 'n')).not.toHaveProperty('kernelConfig');
  });

  it('CPUs with different governors, and a process table without irqbalance', () => {
    const root = makeRoot({
      'sys/devices/system/cpu/cpu0/cpufreq/scaling_governor': 'performance',
      'sys/devices/system/cpu/cpu1/cpufreq/scaling_governor': 'powersave',
      'sys/devices/system/cpu/cpufreq/policy0/scaling_governor': 'ignored',
      'proc/1/comm': 'systemd',
    });
    expect(collectNode(root, 'n')).toEqual({ name: 'n', cpuGovernor: 'performance,powersave', irqbalance: false });
  });

  it('Azure and GCP from their DMI data; an unknown vendor is left out', () => {
    expect(collectNode(makeRoot({ 'sys/class/dmi/id/chassis_asset_tag': '7783-7084-3265-9085-8269-3286-77' }), 'n').provider).toBe('azure');
    expect(collectNode(makeRoot({ 'sys/class/dmi/id/product_name': 'Google Compute Engine' }), 'n').provider).toBe('gcp');
    expect(collectNode(makeRoot({ 'sys/class/dmi/id/sys_vendor': 'Dell Inc.' }), 'n')).not.toHaveProperty('provider');
  });

  it('without a name or a host name, says so', () => {
    expect(() => collectNode(makeRoot({}), undefined)).toThrow(/cannot tell the node's name under .*: give --name or set NODE_NAME/);
  });
});

describe('inventory collect on this machine', () => {
  const node = collectNode('/', undefined);
  const read = (path: string) => readFileSync(path, 'utf8').trim();

  it('reports the running kernel, its architecture and the host name', () => {
    expect(node.kernel).toBe(release());
    expect(node.kernel).toBe(read('/proc/sys/kernel/osrelease'));
    expect(node.name).toBe(read('/proc/sys/kernel/hostname'));
    expect(node.arch).toMatch(/^(amd64|arm64|[a-z0-9_]+)$/);
  });

  it('lists exactly the interfaces with a device driver, with their MTU', () => {
    const expected = readdirSync('/sys/class/net')
      .sort()
      .flatMap((name) => {
        const link = `/sys/class/net/${name}/device/driver`;
        const driver = existsSync(link) ? basename(readlinkSync(link)) : existsSync(`/sys/class/net/${name}/bonding`) ? 'bonding' : undefined;
        return driver ? [{ name, driver, mtu: Number(read(`/sys/class/net/${name}/mtu`)) }] : [];
      });
    expect((node.interfaces ?? []).map(({ name, driver, mtu }) => ({ name, driver, mtu }))).toEqual(expected);
  });

  it('reads the ephemeral port range as sysctl -n prints it', () => {
    expect(node.sysctls?.['net.ipv4.ip_local_port_range']).toBe(read('/proc/sys/net/ipv4/ip_local_port_range').replace(/\s+/g, ' '));
  });

  it('reads the kernel config where the machine has one, and says nothing where it has none', () => {
    const boot = `/boot/config-${release()}`;
    const text = existsSync(boot) ? read(boot) : existsSync('/proc/config.gz') ? gunzipSync(readFileSync('/proc/config.gz')).toString('utf8') : undefined;
    if (text === undefined) {
      expect(node).not.toHaveProperty('kernelConfig');
    } else {
      const syscall = /^CONFIG_BPF_SYSCALL=(.*)$/m.exec(text)?.[1] ?? 'n';
      expect(node.kernelConfig?.['CONFIG_BPF_SYSCALL']).toBe(syscall);
    }
  });
});
