// After the rules: apply what the project decided about the findings, in order — inline directives, the config's rule settings, the baseline.
import { applyBaseline } from './baseline/apply.js';
import type { BaselineOptions } from './baseline/apply.js';
import type { CilintConfig } from './config/config.js';
import { applyRuleSettings } from './config/rule-settings.js';
import type { Finding } from './report/finding.js';
import type { Rule } from './rules/rule-definition.js';
import { applySuppressions } from './suppressions/apply.js';

/** What the decisions need: the files whose comments may hold directives, the config, the rules. */
export interface DecisionInputs {
  readonly files: readonly string[];
  readonly config: CilintConfig | undefined;
  readonly rules: readonly Rule[];
  readonly baseline: BaselineOptions | undefined;
  /** The --max-file-size the files were read with. */
  readonly maxFileBytes?: number | undefined;
}

/**
 * Directives come first so that the findings about them (no reason, unknown or unused rule) can be
 * turned off or re-levelled in the config like any other rule. The baseline comes last: it records
 * only what the project has not already decided, and a rule turned off never reaches it.
 */
export function applyDecisions(findings: readonly Finding[], inputs: DecisionInputs): Finding[] {
  const files = [...new Set(inputs.files)];
  const suppressed = applySuppressions(findings, files, { requireReason: inputs.config?.requireReason ?? true, rules: inputs.rules, maxFileBytes: inputs.maxFileBytes });
  const configured = applyRuleSettings(suppressed, inputs.config);
  return inputs.baseline ? applyBaseline(configured, inputs.baseline, inputs.rules) : configured;
}
