// Read the Action's inputs (through @actions/core, as the runner passes them) and check them, one line per problem.
import * as core from '@actions/core';
import { UsageError } from '../errors.js';

/** The inputs of action.yml, parsed. */
export interface ActionInputs {
  /** Globs (or paths), each matching file its own target. */
  readonly files: readonly string[];
  /** Values files merged, in order, into one release. */
  readonly values: readonly string[];
  readonly sets: readonly string[];
  readonly configMaps: readonly string[];
  readonly nodes: string | undefined;
  readonly ciliumVersion: string | undefined;
  readonly config: string | undefined;
  readonly failOn: string;
  readonly sarifFile: string;
  readonly annotations: boolean;
}

/** Read every input; the runner fills in action.yml's defaults for the ones a workflow leaves out. */
export function readInputs(): ActionInputs {
  return {
    files: words(core.getInput('files')),
    values: lines(core.getInput('values')),
    sets: lines(core.getInput('set')),
    configMaps: lines(core.getInput('config-map')),
    nodes: optional(core.getInput('nodes')),
    ciliumVersion: optional(core.getInput('cilium-version')),
    config: optional(core.getInput('config')),
    failOn: core.getInput('fail-on') || 'error',
    sarifFile: core.getInput('sarif-file') || 'cilint.sarif',
    annotations: flag('annotations', core.getInput('annotations') || 'true'),
  };
}

function lines(text: string): string[] {
  return text.split(/\r?\n/).map((line) => line.trim()).filter((line) => line !== '');
}

/** `files` takes globs separated by newlines or spaces (a path with a space needs a glob character instead). */
function words(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}

function optional(text: string): string | undefined {
  return text.trim() === '' ? undefined : text.trim();
}

/** A boolean input; @actions/core's getBooleanInput would fail with a multi-line message. */
function flag(name: string, text: string): boolean {
  if (/^(true|True|TRUE)$/.test(text.trim())) return true;
  if (/^(false|False|FALSE)$/.test(text.trim())) return false;
  throw new UsageError(`input ${name} must be true or false, not "${text}"`);
}
