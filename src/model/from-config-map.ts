// Build the model of a cilium-config ConfigMap: every data key is a setting at its line.
import { InputError } from '../errors.js';
import type { PMap } from '../inputs/yaml-tree.js';
import type { Minor } from '../version.js';
import { createModel } from './config-model.js';
import type { ConfigModel } from './config-model.js';
import { isPlaceholder } from './setting.js';
import type { Setting } from './setting.js';

/** The model of a ConfigMap whose `data` mapping was read from file. */
export function modelFromConfigMap(data: PMap | undefined, file: string, minor: Minor): ConfigModel {
  return createModel('config-map', minor, [file], configMapSettings(data, file), undefined);
}

/** Each data key as a setting; the API server only accepts strings there, so anything else is refused. */
export function configMapSettings(data: PMap | undefined, file: string): Map<string, Setting> {
  const written = new Map<string, Setting>();
  for (const [key, entry] of data?.entries ?? []) {
    const { value } = entry;
    if (value.kind !== 'scalar' || (value.value !== null && typeof value.value !== 'string')) {
      throw new InputError(file, `data.${key} must be a string (quote it): the API server rejects other types in a ConfigMap`, entry.span.line, entry.span.column);
    }
    const text = value.value ?? '';
    written.set(key, {
      key,
      value: text,
      unknown: isPlaceholder(text),
      source: { kind: 'file', file, span: entry.span, name: key },
    });
  }
  return written;
}
