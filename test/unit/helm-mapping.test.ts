// How each release's chart turns Helm values into cilium-config keys (defaults included), per version.
import { describe, expect, it } from 'vitest';
import { emptyMap, fromParsed, mergeValues } from '../../src/helm/values-tree.js';
import { parseYamlFile } from '../../src/inputs/yaml-tree.js';
import type { PMap } from '../../src/inputs/yaml-tree.js';
import { modelFromConfigMap } from '../../src/model/from-config-map.js';
import { modelFromHelmValues } from '../../src/model/from-helm-values.js';
import type { Minor } from '../../src/version.js';

function helm(text: string, minor: Minor) {
  const values = emptyMap();
  const root = parseYamlFile('values.yaml', text).documents[0]?.root;
  if (root) mergeValues(values, fromParsed(root as PMap, 'values.yaml'));
  return modelFromHelmValues(values, minor, ['values.yaml']);
}

function configMap(data: string, minor: Minor) {
  const root = parseYamlFile('cm.yaml', data).documents[0]?.root as PMap;
  return modelFromConfigMap(root, 'cm.yaml', minor);
}

describe('Helm values to cilium-config', () => {
  it.each([
    // [values, minor, key, value, source kind]
    ['{}', '1.16', 'routing-mode', 'tunnel', 'chart-default'],
    ['{}', '1.16', 'tunnel-protocol', 'vxlan', 'chart-default'],
    ['{}', '1.13', 'kube-proxy-replacement', 'disabled', 'chart-default'],
    ['{}', '1.16', 'kube-proxy-replacement', 'false', 'chart-default'],
    ['{}', '1.17', 'enable-hubble', 'true', 'chart-default'],
    ['hubble: {enabled: false}', '1.16', 'enable-hubble', 'false', 'file'],
    ['{}', '1.18', 'enable-ipv4-masquerade', 'true', 'chart-default'],
    ['eni: {enabled: true}', '1.18', 'enable-ipv4-masquerade', 'false', 'file'],
    ['eni: {enabled: true}', '1.17', 'enable-ipv4-masquerade', 'true', 'chart-default'],
    ['gke: {enabled: true}', '1.16', 'routing-mode', 'native', 'file'],
    ['eni: {enabled: true}', '1.18', 'routing-mode', 'tunnel', 'chart-default'],
    ['eni: {enabled: true}', '1.19', 'routing-mode', 'native', 'file'],
    ['tunnel: disabled', '1.14', 'routing-mode', 'native', 'file'],
    ['tunnel: geneve', '1.14', 'tunnel-protocol', 'geneve', 'file'],
    ['tunnel: disabled', '1.13', 'routing-mode', 'native', 'file'],
    ['{}', '1.13', 'routing-mode', 'tunnel', 'chart-default'],
    ['loadBalancer: {standalone: true}', '1.15', 'datapath-mode', 'lb-only', 'file'],
    ['hostFirewall: {enabled: true}', '1.13', 'enable-host-firewall', 'true', 'file'],
    ['{}', '1.19', 'enable-host-firewall', 'false', 'chart-default'],
    ['{}', '1.15', 'datapath-mode', 'veth', 'agent-default'],
    ['{}', '1.16', 'datapath-mode', 'veth', 'chart-default'],
    ['kubeProxyReplacement: true', '1.19', 'kube-proxy-replacement', 'true', 'file'],
    ['nodePort: {enabled: true}', '1.16', 'enable-node-port', 'true', 'file'],
    ['{kubeProxyReplacement: "true", nodePort: {enabled: true}}', '1.17', 'enable-node-port', 'false', 'agent-default'],
    ['{kubeProxyReplacement: "false", hostPort: {enabled: true}}', '1.17', 'enable-host-port', 'true', 'file'],
    ['{kubeProxyReplacement: "false", hostPort: {enabled: true}}', '1.18', 'enable-host-port', 'false', 'agent-default'],
    ['{kubeProxyReplacement: partial, externalIPs: {enabled: true}}', '1.13', 'enable-external-ips', 'true', 'file'],
    ['{kubeProxyReplacement: strict, externalIPs: {enabled: true}}', '1.13', 'enable-external-ips', 'false', 'agent-default'],
    ['loadBalancer: {standalone: true}', '1.14', 'datapath-mode', 'lb-only', 'file'],
    ['loadBalancer: {standalone: true}', '1.17', 'datapath-mode', 'lb-only', 'file'],
    ['loadBalancer: {standalone: true}', '1.18', 'datapath-mode', 'veth', 'chart-default'],
    ['remoteNodeIdentity: false', '1.15', 'enable-remote-node-identity', 'false', 'file'],
    ['hostFirewall: {enabled: true}', '1.16', 'enable-host-firewall', 'true', 'file'],
    ['cni: {chainingMode: aws-cni}', '1.16', 'enable-host-legacy-routing', 'true', 'file'],
    ['{}', '1.16', 'enable-host-legacy-routing', 'false', 'agent-default'],
    ['{cni: {chainingMode: aws-cni}, bpf: {hostLegacyRouting: false}}', '1.16', 'enable-host-legacy-routing', 'false', 'file'],
    ['encryption: {enabled: true, type: wireguard}', '1.16', 'enable-wireguard', 'true', 'file'],
    ['encryption: {enabled: true, type: wireguard}', '1.16', 'enable-ipsec', 'false', 'file'],
    ['encryption: {enabled: true}', '1.16', 'enable-ipsec', 'true', 'file'],
    ['bandwidthManager: {bbr: true}', '1.16', 'enable-bbr', 'false', 'agent-default'],
    ['bandwidthManager: {enabled: true, bbr: true}', '1.16', 'enable-bbr', 'true', 'file'],
    ['bpf: {mapDynamicSizeRatio: 0}', '1.16', 'bpf-map-dynamic-size-ratio', '0.0025', 'file'],
    ['devices: [eth0, eth1]', '1.16', 'devices', 'eth0 eth1', 'file'],
    ['{eni: {enabled: true}, installNoConntrackIptablesRules: true}', '1.16', 'install-no-conntrack-iptables-rules', 'false', 'file'],
  ] as const)('%s on %s: %s = %s (%s)', (values, minor, key, value, kind) => {
    const setting = helm(values, minor).setting(key);
    expect(setting.value).toBe(value);
    expect(setting.source.kind).toBe(kind);
  });

  it('a Flux or Terraform placeholder makes the value unknown', () => {
    expect(helm('ipv4NativeRoutingCIDR: ${CLUSTER_CIDR}', '1.16').setting('ipv4-native-routing-cidr').unknown).toBe(true);
  });
});

describe('ConfigMap to model', () => {
  it('takes written keys at their lines and agent defaults for the rest', () => {
    const model = configMap('routing-mode: native\nkube-proxy-replacement: "true"\n', '1.16');
    expect(model.setting('routing-mode')).toMatchObject({ value: 'native', source: { kind: 'file', span: { line: 1 } } });
    expect(model.setting('enable-hubble')).toMatchObject({ value: 'false', source: { kind: 'agent-default' } });
  });

  it('ignores a key the release no longer reads: a stale tunnel: disabled on 1.15 means VXLAN', () => {
    const model = configMap('tunnel: disabled\n', '1.15');
    expect(model.setting('routing-mode')).toMatchObject({ value: 'tunnel', source: { kind: 'agent-default' } });
  });

  it('reads tunnel: disabled as native routing on 1.13 and 1.14', () => {
    expect(configMap('tunnel: disabled\n', '1.13').setting('routing-mode').value).toBe('native');
    expect(configMap('tunnel: disabled\n', '1.14').setting('routing-mode').value).toBe('native');
    expect(configMap('tunnel: disabled\nrouting-mode: tunnel\n', '1.14').setting('routing-mode').value).toBe('tunnel');
  });

  it('refuses a data value that is not a string, at its line', () => {
    expect(() => configMap('a: "x"\nmtu: 1500\n', '1.16')).toThrow(/^cm\.yaml:2:1: data\.mtu must be a string/);
  });
});
