// --chart DIR: a local copy of the Cilium chart (`helm pull cilium/cilium --untar`) supplies its version, its
// complete key set and its exact defaults, in place of the ones cilint ships.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../errors.js';
import { readTextFile } from '../inputs/read-text.js';
import { parseYamlFile, toPlain } from '../inputs/yaml-tree.js';
import { templatePaths, valuePaths } from './harvest.js';
import { HelmKeySet } from './known-keys.js';

/** A LocalChart is what cilint takes from a chart directory. */
export interface LocalChart {
  readonly dir: string;
  /** Chart.yaml's version (the Cilium release the chart installs). */
  readonly version: string | undefined;
  /** values.yaml as plain data (null-prototype objects). */
  readonly defaults: unknown;
  readonly keys: HelmKeySet;
}

/** Read a chart directory; a missing or unreadable file is an input error naming it. */
export function readChart(dir: string, maxFileBytes?: number): LocalChart {
  const valuesFile = join(dir, 'values.yaml');
  if (!existsSync(valuesFile)) throw new InputError(valuesFile, 'not found: --chart must name an unpacked Cilium chart (helm pull cilium/cilium --untar)');
  const { defaults, paths } = chartValuePaths(dir, maxFileBytes);
  return { dir, version: chartVersion(dir, maxFileBytes), defaults, keys: HelmKeySet.of(paths) };
}

/**
 * A chart's defaults (values.yaml) and every value path it knows: those of values.yaml and those its templates
 * read. scripts/extract-chart-keys.mjs makes cilint's built-in key sets with it too.
 */
export function chartValuePaths(dir: string, maxFileBytes?: number): { defaults: unknown; paths: Set<string> } {
  const valuesFile = join(dir, 'values.yaml');
  const values = parseYamlFile(valuesFile, readTextFile(valuesFile, maxFileBytes).text);
  const defaults = toPlain(values.documents[0]?.root);
  const paths = valuePaths(defaults);
  const templates = join(dir, 'templates');
  if (existsSync(templates)) {
    for (const file of filesUnder(templates)) templatePaths(readTextFile(file, maxFileBytes).text, paths);
  }
  return { defaults, paths };
}

function chartVersion(dir: string, maxFileBytes: number | undefined): string | undefined {
  const file = join(dir, 'Chart.yaml');
  if (!existsSync(file)) return undefined;
  const chart = toPlain(parseYamlFile(file, readTextFile(file, maxFileBytes).text).documents[0]?.root) as Record<string, unknown> | null;
  const version = chart?.['version'];
  return typeof version === 'string' ? version : undefined;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}
