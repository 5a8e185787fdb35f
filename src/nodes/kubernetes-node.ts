// The facts of a Kubernetes Node object, whether kubectl printed it into a file or the API server listed it.
import type { NodeFacts } from './node-facts.js';

/**
 * What a Node object tells: name, kernel, arch, OS image, provider, pod CIDRs and labels. `node` is plain
 * data: the API server's JSON as it came, or a kubectl NodeList file turned plain, so both routes give
 * the same facts. A fact the Node does not give, or gives empty, is left out, never set to undefined
 * (NodeFacts' optional fields). Undefined when the Node has no metadata.name: the caller says what that means.
 */
export function kubernetesNodeFacts(node: unknown, locate: (name: string) => NodeFacts['location']): NodeFacts | undefined {
  const metadata = field(node, 'metadata');
  const name = text(field(metadata, 'name'));
  if (name === undefined) return undefined;
  const spec = field(node, 'spec');
  const info = field(field(node, 'status'), 'nodeInfo');
  const listed = field(spec, 'podCIDRs');
  const single = text(field(spec, 'podCIDR'));
  const podCIDRs = Array.isArray(listed) ? listed.flatMap((cidr) => text(cidr) ?? []) : single === undefined ? [] : [single];
  const facts = {
    name,
    kernel: text(field(info, 'kernelVersion')),
    arch: text(field(info, 'architecture')),
    osImage: text(field(info, 'osImage')),
    provider: providerOf(text(field(spec, 'providerID'))),
    podCIDRs: podCIDRs.length > 0 ? podCIDRs : undefined,
    labels: labelsOf(field(metadata, 'labels')),
    location: locate(name),
  };
  return Object.fromEntries(Object.entries(facts).filter(([, value]) => value !== undefined)) as unknown as NodeFacts;
}

/** The cloud from a providerID: aws:///…, azure:///…, gce://… (gcp), or the scheme as written. */
export function providerOf(providerID: string | undefined): string | undefined {
  const scheme = providerID ? /^([a-z0-9-]+):\/\//i.exec(providerID)?.[1]?.toLowerCase() : undefined;
  if (!scheme) return undefined;
  return scheme === 'gce' ? 'gcp' : scheme;
}

/** A field of a mapping; undefined for anything else, and for keys only its prototype has. */
function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.hasOwn(value, key) ? (value as Record<string, unknown>)[key] : undefined;
}

/** A scalar as text (YAML may give a number or a boolean); undefined for null, a mapping, a list or "". */
function text(value: unknown): string | undefined {
  if (typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  const written = String(value);
  return written === '' ? undefined : written;
}

/** The labels as strings; an empty value is a label too (node-role.kubernetes.io/control-plane: ""). */
function labelsOf(value: unknown): Record<string, string> | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const labels = Object.create(null) as Record<string, string>;
  for (const [key, item] of Object.entries(value)) if (typeof item === 'string' || typeof item === 'number' || typeof item === 'boolean') labels[key] = String(item);
  return labels;
}
