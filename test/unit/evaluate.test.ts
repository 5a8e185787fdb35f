// The condition language itself, with rules written for the test: every operator and the three-valued logic.
import { describe, expect, it } from 'vitest';
import { emptyMap, fromParsed, mergeValues } from '../../src/helm/values-tree.js';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PMap } from '../../src/inputs/yaml-tree.js';
import { modelFromConfigMap } from '../../src/model/from-config-map.js';
import { modelFromHelmValues } from '../../src/model/from-helm-values.js';
import type { NodeFacts } from '../../src/nodes/node-facts.js';
import { targetWhen, violation } from '../../src/rules/evaluate.js';
import type { Subject } from '../../src/rules/evaluate.js';
import { loadRule } from '../../src/rules/load-rules.js';
import { parseCiliumVersion } from '../../src/version.js';

const version = parseCiliumVersion('1.16.4')!;

function rule(conditions: string, forEach = 'cluster') {
  const text = `id: synthetic
title: A rule written for the tests
level: error
category: routing
description: A rule that exists only in the evaluator's tests.
remediation: Nothing.
references: [https://docs.cilium.io/en/stable/]
for-each: ${forEach}
${conditions}
message: "synthetic finding"
`;
  return loadRule('synthetic.yaml', 'rules/synthetic.yaml', text);
}

function helmSubject(values: string, node?: NodeFacts): Subject {
  const tree = emptyMap();
  mergeValues(tree, fromParsed(parseYamlFile('v.yaml', values).documents[0]?.root as PMap, 'v.yaml'));
  return { model: modelFromHelmValues(tree, version.minor, ['v.yaml']), version, ...(node ? { node } : {}) };
}

function configMapSubject(data: string): Subject {
  return { model: modelFromConfigMap(parseYamlFile('cm.yaml', data).documents[0]?.root as PMap, 'cm.yaml', version.minor), version };
}

const node = (facts: Partial<NodeFacts>): NodeFacts => ({ name: 'n', location: { file: 'nodes.yaml', span: { line: 2, column: 5, endLine: 2, endColumn: 10 } }, ...facts });

describe('predicates', () => {
  it.each([
    ['expect: { helm: k8sServiceHost, present: true }', 'kubeProxyReplacement: true', true],
    ['expect: { helm: k8sServiceHost, present: true }', 'k8sServiceHost: api.example', false],
    ['expect: { helm: kubeProxyReplacement, in: ["true", "false"] }', 'kubeProxyReplacement: strict', true],
    ['expect: { helm: hubble.relay.enabled, is: false }', 'hubble: {relay: {enabled: true}}', true],
    ['expect: { config: bpf-lb-maglev-table-size, at-least: 16381 }', 'maglev: {tableSize: 251}', true],
    ['expect: { config: bpf-lb-mode, matches: "^(snat|dsr)$" }', 'loadBalancer: {mode: hybrid}', true],
    ['expect: { config: routing-mode, explicit: true }', 'ipam: {mode: kubernetes}', true],
    ['expect: { cilium: version, below: "1.16" }', '{}', true],
    ['expect: { cilium: version, at-least: "1.16.4" }', '{}', false],
    ['expect: { not: { config: enable-ipv4, is: true } }', '{}', true],
    ['expect: { any: [{ config: enable-ipv6, is: true }, { config: enable-ipv4, is: false }] }', '{}', true],
    ['expect: { all: [{ config: enable-ipv4, is: true }, { config: enable-ipv6, is: false }] }', '{}', false],
  ])('%s over %s violates: %s', (conditions, values, violated) => {
    expect(violation(rule(conditions), helmSubject(values)).truth).toBe(violated);
  });

  it('reads booleans as the agent does (Go strconv.ParseBool)', () => {
    const r = rule('expect: { config: enable-hubble, is: false }');
    for (const text of ['"True"', '"1"', '"t"', '"TRUE"']) expect(violation(r, configMapSubject(`enable-hubble: ${text}\n`)).truth).toBe(true);
    // The agent refuses a value it cannot parse (a separate rule's concern): here it is not evaluated.
    expect(violation(r, configMapSubject('enable-hubble: "yes"\n')).truth).toBe('unknown');
  });

  it('a placeholder makes a comparison unknown, but counts as present', () => {
    const subject = helmSubject('ipv4NativeRoutingCIDR: ${CIDR}');
    expect(violation(rule('expect: { config: ipv4-native-routing-cidr, is: "10.0.0.0/8" }'), subject)).toMatchObject({ truth: 'unknown', reasons: [expect.stringContaining('placeholder')] });
    expect(violation(rule('expect: { config: ipv4-native-routing-cidr, present: false }'), subject).truth).toBe(true);
  });

  it('unknown does not hide a decided false or true', () => {
    const subject = helmSubject('ipv4NativeRoutingCIDR: ${CIDR}');
    expect(violation(rule('when: { config: enable-ipv4, is: false }\nexpect: { config: ipv4-native-routing-cidr, is: x }'), subject).truth).toBe(false);
    expect(violation(rule('expect: { any: [{ config: ipv4-native-routing-cidr, is: x }, { config: enable-ipv4, is: true }] }'), subject).truth).toBe(false);
  });

  it('a Helm predicate has no value on a ConfigMap, and such rules are marked as reading Helm', () => {
    const r = rule('expect: { helm: k8sServiceHost, present: true }');
    expect(r.readsHelm).toBe(true);
    expect(rule('expect: { config: mtu, is: 0 }').readsHelm).toBe(false);
  });
});

describe('node facts', () => {
  const kernelRule = rule('expect: { node: kernel, at-least: "5.10" }\nunless: { node: rhel-8-10, is: true }', 'node');
  it.each([
    [{ kernel: '5.10.0' }, false],
    [{ kernel: '5.9.16' }, true],
    [{ kernel: '4.18.0-553.el8_10.x86_64' }, false],
    [{ kernel: 'garbage' }, 'unknown'],
    [{}, 'unknown'],
  ] as const)('kernel %j violates: %s', (facts, expected) => {
    expect(violation(kernelRule, helmSubject('{}', node(facts))).truth).toBe(expected);
  });

  it('list facts hold when any interface matches', () => {
    const driverRule = rule('expect: { node: driver, in: [ena] }', 'node');
    expect(violation(driverRule, helmSubject('{}', node({ interfaces: [{ name: 'eth0', driver: 'virtio_net' }, { name: 'eth1', driver: 'ena' }] }))).truth).toBe(false);
    expect(violation(driverRule, helmSubject('{}', node({ interfaces: [{ name: 'eth0', driver: 'virtio_net' }] }))).truth).toBe(true);
  });

  it('reads sysctls, kernel config and provider', () => {
    const facts = node({ provider: 'aws', sysctls: { 'net.ipv4.ip_local_port_range': '32768 60999' }, kernelConfig: { CONFIG_PREEMPT_NONE: 'y' } });
    expect(violation(rule('expect: { node: provider, is: aws }', 'node'), helmSubject('{}', facts)).truth).toBe(false);
    expect(violation(rule('expect: { node: "sysctl:net.ipv4.ip_local_port_range", matches: "^32768 " }', 'node'), helmSubject('{}', facts)).truth).toBe(false);
    expect(violation(rule('expect: { node: "kernel-config:CONFIG_PREEMPT_NONE", is: "y" }', 'node'), helmSubject('{}', facts)).truth).toBe(false);
  });
});

describe('operands and CIDRs', () => {
  it('compares a node fact with a config key, and reads the key as evidence', () => {
    const mtuRule = rule('expect: { not: { node: mtu, below: { config: mtu } } }', 'node');
    const jumbo = node({ interfaces: [{ name: 'eth0', mtu: 9001 }] });
    expect(violation(mtuRule, helmSubject('MTU: 9000', jumbo)).truth).toBe(false);
    const outcome = violation(mtuRule, helmSubject('MTU: 9216', jumbo));
    expect(outcome.truth).toBe(true);
    expect(outcome.evidence).toContainEqual(expect.objectContaining({ kind: 'setting', setting: expect.objectContaining({ key: 'mtu', value: '9216' }) }));
    // The chart does not write MTU 0, so the key has the agent default 0: compared as a number.
    expect(violation(mtuRule, helmSubject('{}', jumbo)).truth).toBe(false);
  });

  it('an operand key without a value is unknown', () => {
    const r = rule('expect: { not: { node: pod-cidrs, outside: { config: ipv4-native-routing-cidr } } }', 'node');
    expect(violation(r, helmSubject('{}', node({ podCIDRs: ['10.244.1.0/24'] })))).toMatchObject({ truth: 'unknown', reasons: ['ipv4-native-routing-cidr is not set'] });
  });

  it.each([
    [['10.244.1.0/24'], false],
    [['10.244.1.0/24', 'fd00::100/120'], false],
    [['10.244.1.0/24', '192.168.5.0/24'], true],
    [['not-a-cidr'], 'unknown'],
  ] as const)('pod CIDRs %j outside 10.0.0.0/8 violates: %s', (podCIDRs, expected) => {
    const r = rule('expect: { not: { node: pod-cidrs, outside: { config: ipv4-native-routing-cidr } } }', 'node');
    expect(violation(r, helmSubject('ipv4NativeRoutingCIDR: 10.0.0.0/8', node({ podCIDRs }))).truth).toBe(expected);
  });

  it('a config value may hold several CIDRs', () => {
    const r = rule('expect: { config: ipv4-native-routing-cidr, outside: "10.0.0.0/8" }');
    expect(violation(r, configMapSubject('ipv4-native-routing-cidr: "10.1.0.0/16 172.16.0.0/12"\n')).truth).toBe(false);
    expect(violation(r, configMapSubject('ipv4-native-routing-cidr: "10.1.0.0/16,10.2.0.0/16"\n')).truth).toBe(true);
  });

  it('rejects an operand key that does not exist, at load time', () => {
    expect(() => rule('expect: { node: mtu, below: { config: no-such-key } }', 'node')).toThrow(/expect\/below\/config.*no-such-key/);
  });
});

describe('node-facts-missing: skip', () => {
  const governor = rule('node-facts-missing: skip\nexpect: { node: cpu-governor, is: performance }\noverrides: [{ when: { node: tuned, present: true }, level: warning }]', 'node');
  it('gives no finding for a node without the fact, and evaluates the others', () => {
    expect(violation(governor, helmSubject('{}', node({ kernel: '6.1.0' }))).truth).toBe(false);
    expect(violation(governor, helmSubject('{}', node({ cpuGovernor: 'powersave' }))).truth).toBe(true);
    expect(governor.nodeFacts).toEqual(['cpu-governor']);
  });

  it('by default a missing fact is not evaluated', () => {
    expect(violation(rule('expect: { node: cpu-governor, is: performance }', 'node'), helmSubject('{}', node({}))).truth).toBe('unknown');
  });
});

describe('a node rule judged for a fleet', () => {
  const bbr = rule('when: { helm: bandwidthManager.bbr, is: true }\nexpect: { node: kernel, at-least: "5.18" }', 'node');

  it("judges a `when` that reads no node fact once for the target, with the verdict node by node unchanged", () => {
    const target = helmSubject('bandwidthManager: {enabled: true, bbr: true}');
    const when = targetWhen(bbr, target);
    expect(when?.truth).toBe(true);
    for (const kernel of ['5.15.0', '6.1.0']) {
      const subject = { ...target, node: node({ kernel }) };
      expect(violation(bbr, subject, when)).toEqual(violation(bbr, subject));
    }
    expect(targetWhen(bbr, helmSubject('{}'))?.truth).toBe(false);
  });

  it('leaves a `when` that reads a node fact to each node', () => {
    expect(targetWhen(rule('when: { node: provider, is: aws }\nexpect: { node: kernel, at-least: "5.18" }', 'node'), helmSubject('{}'))).toBeUndefined();
  });
});
