// What a start of dist/cli.js loads: linting files must not pay for the features it does not use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chunksContaining, staticallyLoaded } from '../support/bundle.js';
import { ROOT } from '../support/project.js';

const loadedAtStart = (): string => [...staticallyLoaded()].map((file) => readFileSync(join(ROOT, file), 'utf8')).join('\n');

describe('the bundle', () => {
  it.each([
    ['a config file', 'function loadConfig('],
    ['live mode', 'function lintCluster('],
    ['explain', 'function explain('],
    ['inventory collect', 'function collectNode('],
    ['SARIF', 'function formatSarif('],
    ['commander (a plain lint command line is read without it)', 'function runProgram('],
  ])('loads %s only when used', (_, definition) => {
    expect(chunksContaining(definition)).toHaveLength(1);
    expect(loadedAtStart()).not.toContain(definition);
  });

  it('loads only ASCII at start: esbuild copies comments inside expressions as written, and one other character makes V8 hold a whole file as UTF-16', () => {
    for (const file of staticallyLoaded()) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      const at = text.search(/[^\x00-\x7f]/);
      expect(at < 0 ? '' : text.slice(Math.max(0, at - 60), at + 20), `${file} holds a character that is not ASCII`).toBe('');
    }
  });

  it('does not load the yaml library at start: our own reader reads common files, and the library is required when one needs it', () => {
    expect(loadedAtStart()).not.toContain('yaml.node.type');
  });

  it('does not load node:child_process at start: only --base runs git', () => {
    expect(loadedAtStart()).not.toMatch(/from "(node:)?child_process"|require\("(node:)?child_process"\)/);
  });

  it('does not load node:crypto at start: SARIF and a stale rule check require it when needed', () => {
    expect(loadedAtStart()).not.toMatch(/from "(node:)?crypto"/);
  });
});
