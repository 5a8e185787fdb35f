// The committed dist/action.js must be what the sources build: the runner executes the file as committed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import { ROOT } from '../support/project.js';

it('dist/action.js is fresh (else run npm run build:action and commit it)', () => {
  const fresh = join(mkdtempSync(join(tmpdir(), 'cilint-action-')), 'action.js');
  const build = spawnSync(process.execPath, [join(ROOT, 'scripts/bundle-action.mjs'), fresh], { cwd: tmpdir(), encoding: 'utf8' });
  expect(build.status, build.stderr).toBe(0);
  const committed = readFileSync(join(ROOT, 'dist/action.js'));
  expect(Buffer.compare(readFileSync(fresh), committed), 'dist/action.js is stale: run npm run build:action and commit it').toBe(0);
});
