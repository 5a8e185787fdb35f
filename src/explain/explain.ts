// explain(): lint the inputs, then describe each target's effective datapath per group of identical nodes.
import { analyse } from '../lint.js';
import type { LintOptions } from '../lint.js';
import { toolVersion } from '../package-root.js';
import { explainTarget } from './datapath.js';
import type { Explanation } from './format.js';

export function explain(options: LintOptions): Explanation {
  const analysis = analyse(options, true);
  return {
    toolVersion: toolVersion(),
    ciliumVersion: options.version.text,
    targets: analysis.targets.flatMap(({ kind, files, findings, model }) => (model ? [{ kind, files, groups: explainTarget(model, findings, analysis.inventory?.nodes ?? []) }] : [])),
  };
}
