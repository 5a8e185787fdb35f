// Read the key names a Cilium chart knows out of its values.yaml and templates (used at build time and by --chart).

/** Every dotted path of a parsed values.yaml; lists are leaves (their items are not values of their own). */
export function valuePaths(node: unknown, prefix = '', out = new Set<string>()): Set<string> {
  if (node === null || typeof node !== 'object' || Array.isArray(node)) return out;
  for (const [key, value] of Object.entries(node)) {
    const path = prefix ? `${prefix}.${key}` : key;
    out.add(path);
    valuePaths(value, path, out);
  }
  return out;
}

/**
 * The value paths a template reads, as `.Values.a.b` or `dig "a" "b" "" .Values.AsMap`, with their parents.
 * values.yaml leaves some values out (commented-out examples such as kubeProxyReplacement before 1.18).
 */
export function templatePaths(text: string, out = new Set<string>()): Set<string> {
  const addWithParents = (segments: readonly string[]): void => {
    for (let length = 1; length <= segments.length; length++) out.add(segments.slice(0, length).join('.'));
  };
  for (const match of text.matchAll(/\.Values((?:\.[A-Za-z_][A-Za-z0-9_]*)+)/g)) {
    addWithParents((match[1] ?? '').slice(1).split('.').filter((segment) => segment !== 'AsMap'));
  }
  for (const match of text.matchAll(/dig((?: "[^"]+")+) "[^"]*" \.Values\.AsMap/g)) {
    addWithParents([...(match[1] ?? '').matchAll(/"([^"]+)"/g)].map((found) => found[1] ?? ''));
  }
  return out;
}

const NOT_CONFIG_KEYS = new Set(['name', 'namespace', 'labels', 'annotations', 'data', 'config']);

/** The cilium-config keys templates/cilium-configmap.yaml writes: its two-space indented keys. */
export function configMapKeys(text: string, out = new Set<string>()): Set<string> {
  for (const match of text.matchAll(/^ {2}([a-z0-9]+(?:-[a-z0-9]+)*):/gm)) {
    const key = match[1] ?? '';
    if (!NOT_CONFIG_KEYS.has(key)) out.add(key);
  }
  return out;
}
