// The derived facts that several rules share, read from Helm values at each release.
import { describe, expect, it } from 'vitest';
import { emptyMap, fromParsed, mergeValues } from '../../src/helm/values-tree.js';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PMap } from '../../src/inputs/yaml-tree.js';
import { modelFromHelmValues } from '../../src/model/from-helm-values.js';
import type { Minor } from '../../src/version.js';
import { DERIVED_FACTS } from '../../src/rules/facts.js';

function model(values: string, minor: Minor) {
  const tree = emptyMap();
  mergeValues(tree, fromParsed(parseYamlFile('v.yaml', values).documents[0]?.root as PMap, 'v.yaml'));
  return modelFromHelmValues(tree, minor, ['v.yaml']);
}

const ready = 'kubeProxyReplacement: "true"\nbpf: {masquerade: true}\n';

describe('bpf-host-routing', () => {
  it.each([
    [ready, '1.16', 'true'],
    ['kubeProxyReplacement: strict\nbpf: {masquerade: true}\n', '1.13', 'true'],
    ['kubeProxyReplacement: "true"\n', '1.16', 'false'],
    ['bpf: {masquerade: true}\n', '1.16', 'false'],
    [`${ready}encryption: {enabled: true, type: ipsec}\n`, '1.18', 'false'],
    [`${ready}encryption: {enabled: true, type: ipsec}\n`, '1.19', 'true'],
    [`${ready}encryption: {enabled: true, type: wireguard}\n`, '1.16', 'true'],
    ['kubeProxyReplacement: strict\nbpf: {masquerade: true}\nencryption: {enabled: true, type: wireguard}\n', '1.13', 'false'],
    ['kubeProxyReplacement: strict\nbpf: {masquerade: true}\nendpointRoutes: {enabled: true}\n', '1.13', 'false'],
    [`${ready}endpointRoutes: {enabled: true}\n`, '1.14', 'true'],
    [`${ready}cni: {chainingMode: generic-veth}\n`, '1.16', 'false'],
    [`${ready}bpf: {masquerade: true, hostLegacyRouting: true}\n`, '1.16', 'false'],
  ] as const)('%j on %s: %s', (values, minor, expected) => {
    expect(DERIVED_FACTS['bpf-host-routing'](model(values, minor)).value).toBe(expected);
  });

  it('names the setting that decides a fall-back', () => {
    const fact = DERIVED_FACTS['bpf-host-routing'](model(`${ready}encryption: {enabled: true}\n`, '1.17'));
    expect(fact.evidence.map((setting) => setting.key)).toEqual(['enable-host-legacy-routing', 'enable-ipsec']);
  });
});

describe('nat-exceeds-ct', () => {
  it.each([
    ['bpf: {natMax: 300000, ctTcpMax: 100000, ctAnyMax: 100000}', 'true'],
    ['bpf: {natMax: 200000, ctTcpMax: 100000, ctAnyMax: 100000}', 'false'],
    // The default NAT size is shrunk by the agent, not refused.
    ['bpf: {natMax: 524288, ctTcpMax: 100000, ctAnyMax: 100000}', 'false'],
    // Conntrack sized from memory: not decidable.
    ['bpf: {natMax: 300000, ctTcpMax: 100000}', 'false'],
  ])('%s: %s', (values, expected) => {
    expect(DERIVED_FACTS['nat-exceeds-ct'](model(values, '1.16')).value).toBe(expected);
  });
});
