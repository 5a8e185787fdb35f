// The ConfigModel: one view of a target's configuration as the agent will read it, for either kind of input.
import type { Minor } from '../version.js';
import { CONFIG_KEYS } from './config-keys.js';
import type { HelmReader } from './helm-keymap.js';
import { isExplicit } from './setting.js';
import type { Setting } from './setting.js';
import { inRange, stepAt } from './steps.js';

/** A ConfigModel is every known key's effective setting, plus the Helm values behind them for Helm targets. */
export interface ConfigModel {
  readonly kind: 'helm-values' | 'config-map';
  readonly minor: Minor;
  /** The files that make up the target, in the order given. */
  readonly files: readonly string[];
  /** The effective setting of a key: written, rendered by the chart, or the agent default. */
  setting(key: string): Setting;
  /** The Helm values (chart defaults included) of a Helm target; undefined for a ConfigMap. */
  readonly helm: HelmReader | undefined;
}

/** True when the agent of this release reads the key at all. */
export function agentReads(key: string, minor: Minor): boolean {
  const spec = CONFIG_KEYS[key];
  return spec !== undefined && inRange(minor, spec.since, spec.until);
}

/** The agent default of a key at a release, as a setting. */
export function agentDefault(key: string, minor: Minor): Setting {
  const spec = CONFIG_KEYS[key];
  const value = spec && inRange(minor, spec.since, spec.until) ? stepAt(spec.agentDefault, minor) : undefined;
  return { key, value, unknown: false, source: { kind: 'agent-default', minor, name: key } };
}

/** Build a model from the settings a target wrote or rendered; everything else takes the agent default. */
export function createModel(
  kind: ConfigModel['kind'],
  minor: Minor,
  files: readonly string[],
  written: ReadonlyMap<string, Setting>,
  helm?: HelmReader,
): ConfigModel {
  const settings = new Map<string, Setting>();
  for (const key of Object.keys(CONFIG_KEYS)) {
    const setting = written.get(key);
    // A key this release's agent does not read is ignored, so its default applies (G1).
    settings.set(key, setting && agentReads(key, minor) ? setting : agentDefault(key, minor));
  }
  normalizeLegacyTunnel(minor, settings, written);
  return {
    kind,
    minor,
    files,
    helm,
    setting: (key) => settings.get(key) ?? agentDefault(key, minor),
  };
}

/**
 * Before routing-mode existed (1.13), and while it was being introduced (1.14), the `tunnel` key chose
 * the routing: `disabled` meant native routing. Express it as routing-mode and tunnel-protocol, so that
 * rules speak one language (pkg/option/config.go Populate at v1.13.18 and v1.14.13).
 */
function normalizeLegacyTunnel(minor: Minor, settings: Map<string, Setting>, written: ReadonlyMap<string, Setting>): void {
  if (minor !== '1.13' && minor !== '1.14') return;
  const tunnel = settings.get('tunnel');
  if (!tunnel || tunnel.value === undefined) return;
  if (minor === '1.14') {
    const routingMode = written.get('routing-mode');
    if (tunnel.value === '' || (routingMode && isExplicit(routingMode.source))) return;
  }
  const mode = tunnel.value === 'disabled' ? 'native' : 'tunnel';
  const protocol = tunnel.value === 'geneve' ? 'geneve' : 'vxlan';
  settings.set('routing-mode', { ...tunnel, key: 'routing-mode', value: mode });
  if (tunnel.value !== 'disabled') settings.set('tunnel-protocol', { ...tunnel, key: 'tunnel-protocol', value: protocol });
}
