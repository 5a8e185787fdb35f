// A Setting is one cilium-config key's effective value and where that value came from.
import type { Origin } from '../helm/values-tree.js';
import type { Span } from '../inputs/yaml-tree.js';
import type { Minor } from '../version.js';

/** Where a setting's value came from: a file line, a --set flag, or a default of the chart or the agent. */
export type SettingSource =
  | { readonly kind: 'file'; readonly file: string; readonly span: Span; readonly name: string }
  | { readonly kind: 'set'; readonly flag: string; readonly text: string; readonly name: string }
  | { readonly kind: 'chart-default'; readonly minor: Minor; readonly name: string }
  | { readonly kind: 'agent-default'; readonly minor: Minor; readonly name: string };

/** A Setting is the value the agent will read for a key (undefined: no value at all), and its source. */
export interface Setting {
  readonly key: string;
  readonly value: string | undefined;
  /** True when the value is a placeholder (`${VAR}`) to be filled in by Flux, Terraform or the like. */
  readonly unknown: boolean;
  readonly source: SettingSource;
}

/** True when the user wrote the value (in a file or with --set), false for defaults. */
export function isExplicit(source: SettingSource): boolean {
  return source.kind === 'file' || source.kind === 'set';
}

/** A source for a Helm value the user set, named by its dotted path. */
export function sourceFromOrigin(origin: Origin, name: string): SettingSource {
  return origin.kind === 'file'
    ? { kind: 'file', file: origin.file, span: origin.span, name }
    : { kind: 'set', flag: origin.flag, text: origin.text, name };
}

/** How a source reads in a message: "chart default for 1.16", "--set", or nothing for a file line. */
export function describeSource(source: SettingSource): string | undefined {
  switch (source.kind) {
    case 'chart-default':
      return `chart default for ${source.minor}`;
    case 'agent-default':
      return `agent default for ${source.minor}`;
    case 'set':
      return `from ${source.flag}`;
    case 'file':
      return undefined;
  }
}

/** Placeholders that tools fill in later: Flux postBuild and Terraform templatefile (`${VAR}`). */
export function isPlaceholder(text: string): boolean {
  return /\$\{[^}]*\}/.test(text);
}
