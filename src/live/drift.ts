// config-drift: the cilium-config keys a release's values would render differently from the live ConfigMap.
import { shownValue } from '../redact.js';
import { agentDefault } from '../model/config-model.js';
import type { ConfigModel } from '../model/config-model.js';
import { renderConfigMap } from '../model/from-helm-values.js';
import { describeSource, isPlaceholder } from '../model/setting.js';
import type { Finding } from '../report/finding.js';
import type { InputChecks } from '../rules/input-checks.js';
import { firstLine } from '../rules/locate.js';

/** What drift compares against: the live ConfigMap's data and its name (`configmap/kube-system/cilium-config`). */
export interface LiveConfigMap {
  readonly resource: string;
  readonly data: ReadonlyMap<string, string>;
}

/**
 * One finding per key whose rendering differs in effect, at the values line that decided it (line 1 of the first values
 * file for a chart default or --set). Only keys whose rendering cilint knows are compared: a key the live
 * ConfigMap holds beyond them says nothing about the values. A placeholder (`${VAR}`) is not compared.
 */
export function configDrift(model: ConfigModel, live: LiveConfigMap, checks: InputChecks): Finding[] {
  if (!model.helm) return [];
  const findings: Finding[] = [];
  for (const [key, rendered] of renderConfigMap(model.helm)) {
    const liveValue = live.data.get(key);
    if (rendered.value !== undefined && isPlaceholder(rendered.value)) continue;
    // A key left out and the same key written with the agent's default run the same agent (charts up to 1.16
    // write enable-hubble only when true, for one): that is not drift.
    const fallback = agentDefault(key, model.minor).value;
    if ((rendered.value ?? fallback) === (liveValue ?? fallback)) continue;
    const source = rendered.source;
    const location = source.kind === 'file' ? { file: source.file, ...source.span } : model.files[0] ? firstLine(model.files[0]) : undefined;
    const note = describeSource(source);
    const words = { rendered: shownValue(key, show(rendered.value, 'nothing')), live: shownValue(key, show(liveValue, 'no such key')), source: note ? ` (${source.name}, ${note})` : '' };
    const related = [{ message: `${key}: ${shownValue(key, show(liveValue, 'absent'))} in the live ConfigMap`, resource: live.resource }];
    findings.push(...checks.drift(key, words, location, related));
  }
  return findings;
}

function show(value: string | undefined, absent: string): string {
  return value === undefined ? absent : JSON.stringify(value);
}
