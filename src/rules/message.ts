// Fill a rule message's {{placeholders}}, and check at load time that every placeholder names a known fact.
import { CONFIG_KEYS } from '../model/config-keys.js';
import { renderText } from '../model/go-template.js';
import { describeSource } from '../model/setting.js';
import type { SettingSource } from '../model/setting.js';
import { nodeFact } from './node-facts-lookup.js';
import type { Subject } from './evaluate.js';
import { shownValue } from '../redact.js';
import { DERIVED_FACTS } from './facts.js';
import type { InputCheck } from './rule-definition.js';

const PLACEHOLDER = /\{\{\s*([^}]+?)\s*\}\}/g;
const NODE_FACT = /^(name|kernel|arch|provider|os-image|driver|mtu|ena-mtu|native-xdp|tuned|cpu-governor|irqbalance|pod-cidrs|node-port-range-position|node-port-range-reserved|sysctl:[a-z0-9_.]+|kernel-config:[A-Z0-9_]+|label:.+)$/;

/** The placeholders an input check fills in, by check. */
export const INPUT_CHECK_PLACEHOLDERS: Readonly<Record<InputCheck, readonly string[]>> = {
  'duplicate-keys': ['key', 'first', 'second'],
  'skipped-documents': ['document', 'kind'],
  'nodes-not-given': ['count'],
  'shadowed-maps': ['key', 'reads'],
  'refused-helm-values': ['key', 'release', 'from', 'instead', 'chart'],
  'ignored-helm-values': ['key', 'release', 'releases', 'instead'],
  'misspelt-helm-values': ['key', 'release', 'suggestion'],
  'ignored-config-keys': ['key', 'release', 'releases', 'instead'],
  'misspelt-config-keys': ['key', 'release', 'suggestion'],
  'suppression-missing-reason': ['directive'],
  'suppression-unknown-rule': ['directive', 'rules'],
  'suppression-unused': ['directive', 'rules', 'where'],
  'baseline-entry-unused': ['rule', 'file', 'key', 'recorded', 'found'],
  'nodes-not-readable': ['count', 'reason'],
  'kube-proxy-present': ['resource', 'kpr'],
  'api-server-address-missing': ['resource', 'kpr'],
  'config-drift': ['key', 'rendered', 'live', 'source'],
};

/** The placeholders of a message that name no known fact (empty when all are fine). */
export function unknownPlaceholders(message: string, check?: InputCheck): string[] {
  const bad: string[] = [];
  for (const [, name = ''] of message.matchAll(PLACEHOLDER)) {
    if (!isKnownPlaceholder(name, check)) bad.push(name);
  }
  return bad;
}

function isKnownPlaceholder(name: string, check?: InputCheck): boolean {
  if (check) return INPUT_CHECK_PLACEHOLDERS[check].includes(name);
  const dot = name.indexOf('.');
  const [kind, rest] = dot < 0 ? [name, ''] : [name.slice(0, dot), name.slice(dot + 1)];
  switch (kind) {
    case 'config':
      return rest in CONFIG_KEYS;
    case 'helm':
      return /^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$/.test(rest);
    case 'fact':
      return rest in DERIVED_FACTS;
    case 'node':
      return NODE_FACT.test(rest);
    case 'cilium':
      return rest === 'version';
    case 'base':
      // The same config key or fact at the --base revision (change rules).
      return (rest.startsWith('config.') || rest.startsWith('fact.')) && isKnownPlaceholder(rest);
    default:
      return false;
  }
}

/** Fill a rule message for a subject. Defaults and --set values say so: "tunnel (chart default for 1.16)". */
export function renderMessage(message: string, subject: Subject): string {
  return message.replace(PLACEHOLDER, (_, name: string) => placeholderValue(name, subject));
}

/** Fill an input check's message from its named values. */
export function renderInputMessage(message: string, values: Readonly<Record<string, string>>): string {
  return message.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole);
}

function placeholderValue(name: string, subject: Subject): string {
  const dot = name.indexOf('.');
  const kind = name.slice(0, dot);
  const rest = name.slice(dot + 1);
  if (kind === 'base') return subject.base ? placeholderValue(rest, { ...subject, model: subject.base }) : 'unknown';
  if (kind === 'config') {
    const setting = subject.model.setting(rest);
    return annotate(shownValue(rest, setting.value ?? 'unset'), setting.source);
  }
  if (kind === 'helm') {
    const found = subject.model.helm?.get(rest);
    if (!found || found.value === null || found.value === undefined) return 'unset';
    return annotate(shownValue(rest, renderText(found.value)), found.source);
  }
  if (kind === 'fact') return DERIVED_FACTS[rest as keyof typeof DERIVED_FACTS](subject.model).value;
  if (kind === 'node') {
    if (!subject.node) return 'unknown';
    return shownValue(rest, nodeFact(subject.node, rest, subject.model).values?.join(', ') ?? 'unknown');
  }
  return subject.version.text;
}

function annotate(text: string, source: SettingSource): string {
  const note = describeSource(source);
  return note ? `${text} (${note})` : text;
}
