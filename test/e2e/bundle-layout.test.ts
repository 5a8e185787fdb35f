// What the CLI's bundle holds, and what a start of dist/cli.cjs loads: linting files must not pay for the rest.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { bundleFile, loadsOf } from '../support/bundle.js';
import { ROOT } from '../support/project.js';

describe('the bundle', () => {
  const bundle = () => readFileSync(bundleFile(), 'utf8');

  it('holds neither the Kubernetes client (live mode requires dist/kube-client.cjs) nor the yaml library (required from node_modules when a file needs it)', () => {
    expect(bundle()).not.toContain('KubeConfig = class');
    expect(bundle()).not.toContain('yaml.node.type');
    expect(bundle()).toContain('require("./kube-client.cjs")');
  });

  it.each([
    ['the bundle', bundleFile],
    ['dist/rules.json', () => join(ROOT, 'dist/rules.json')],
  ])('%s is ASCII only: one other character makes V8 hold the whole text as UTF-16 and read it on a slower path', (_, file) => {
    const text = readFileSync(file(), 'utf8');
    const at = text.search(/[^\x00-\x7f]/);
    expect(at < 0 ? '' : text.slice(Math.max(0, at - 60), at + 20)).toBe('');
  });
});

describe('a start that lints files', () => {
  const loads = loadsOf('lint', 'examples/dsr-over-vxlan/values.yaml', '--nodes', 'examples/nodes.yaml', '--format', 'json');

  it.each([
    ['child_process', 'only --base runs git'],
    ['crypto', 'SARIF and a stale rule check hash'],
    ['worker_threads', 'only thousands of files take threads'],
    ['os', 'only thousands of files ask for the number of cores'],
    ['net', 'process.stdout would, for a pipe; the report is written with fs.writeSync'],
    ['tty', 'the colour check would; it asks fstat'],
    ['internal/modules/esm/module_job', 'the launchers are CommonJS, which spares Node its ES module loader'],
  ])('does not load node:%s (%s)', (module) => {
    expect(loads.builtins).not.toContain(module);
  });

  it('requires neither the Kubernetes client nor the yaml library', () => {
    expect(loads.files.filter((file) => /kube-client|node_modules[\\/]yaml/.test(file))).toEqual([]);
  });
});
