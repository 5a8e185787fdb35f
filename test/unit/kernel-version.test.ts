// Kernel release strings as distributions report them, parsed as versions.
import { describe, expect, it } from 'vitest';
import { isRhel810, parseKernelVersion } from '../../src/nodes/kernel-version.js';
import { providerOf } from '../../src/nodes/kubernetes-node.js';

describe('parseKernelVersion', () => {
  it.each([
    ['6.2.0-26-generic', [6, 2, 0]],
    ['4.18.0-553.el8_10.x86_64', [4, 18, 0]],
    ['6.1.102-111.182.amzn2023.x86_64', [6, 1, 102]],
    ['5.10.220-209.869.amzn2.x86_64', [5, 10, 220]],
    ['6.1.90+', [6, 1, 90]],
    ['5.15.0-1034-azure', [5, 15, 0]],
    ['6.1.119', [6, 1, 119]],
    ['6.1.0-18-cloud-amd64', [6, 1, 0]],
    ['5.14.0-427.13.1.el9_4.x86_64', [5, 14, 0]],
    ['6.6', [6, 6]],
  ])('%s', (release, expected) => {
    expect(parseKernelVersion(release)).toEqual(expected);
  });

  it.each(['', 'custom', 'linux-6.1', 'v'])('%j does not parse', (release) => {
    expect(parseKernelVersion(release)).toBeUndefined();
  });
});

describe('isRhel810', () => {
  it('recognises the kernel suffix and the OS image', () => {
    expect(isRhel810('4.18.0-553.el8_10.x86_64', undefined)).toBe(true);
    expect(isRhel810(undefined, 'Red Hat Enterprise Linux 8.10 (Ootpa)')).toBe(true);
    expect(isRhel810('4.18.0-372.9.1.el8.x86_64', 'Red Hat Enterprise Linux 8.6 (Ootpa)')).toBe(false);
    expect(isRhel810('5.15.0-105-generic', 'Ubuntu 22.04.4 LTS')).toBe(false);
  });
});

describe('providerOf', () => {
  it.each([
    ['aws:///us-east-1a/i-0123456789abcdef0', 'aws'],
    ['azure:///subscriptions/x/resourceGroups/y', 'azure'],
    ['gce://project/us-central1-a/node-1', 'gcp'],
    ['kind://docker/kind/kind-control-plane', 'kind'],
    [undefined, undefined],
    ['no-scheme', undefined],
  ])('%s', (providerID, expected) => {
    expect(providerOf(providerID)).toBe(expected);
  });
});
