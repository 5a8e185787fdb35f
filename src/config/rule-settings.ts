// Apply a config's rule settings to findings: drop the rules turned off, move the levels overridden, file by file.
import { relative, resolve, sep } from 'node:path';
import type { Finding } from '../report/finding.js';
import type { CilintConfig, RuleSetting } from './config.js';

/** The findings the config keeps, at the levels it sets; later overrides win over earlier ones and the base. */
export function applyRuleSettings(findings: readonly Finding[], config: CilintConfig | undefined): Finding[] {
  if (!config) return [...findings];
  return findings.flatMap((finding) => {
    const setting = settingFor(config, finding);
    if (setting === 'off') return [];
    // "Could not be evaluated" stays a note: raising it would fail a build on a missing fact, not on a problem.
    if (finding.outcome === 'not-evaluated') return [finding];
    if (setting === undefined || setting === 'on' || setting === finding.level) return [finding];
    return [{ ...finding, level: setting }];
  });
}

function settingFor(config: CilintConfig, finding: Finding): RuleSetting | undefined {
  let setting = config.rules.get(finding.ruleId);
  // A finding without a file (a --set value alone) gets only the settings for every file.
  const path = finding.location ? pathFromConfig(config, finding.location.file) : undefined;
  if (path === undefined) return setting;
  for (const override of config.overrides) {
    if (override.rules.has(finding.ruleId) && override.matches(path)) setting = override.rules.get(finding.ruleId);
  }
  return setting;
}

/** A path relative to a config's directory, with forward slashes, or undefined when it lies outside. */
function pathFromConfig(config: CilintConfig, file: string): string | undefined {
  const path = relative(config.dir, resolve(file)).split(sep).join('/');
  return path.startsWith('../') || path === '..' ? undefined : path;
}
