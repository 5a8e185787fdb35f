// The shape of a loaded .cilint.yaml: what it sets, with its paths already resolved against its own directory.
import type { FailOn } from '../report/finding.js';
import type { Level } from '../rules/rule-definition.js';

/** What a config file says of one rule: off, on at its own level, or on at another level. */
export type RuleSetting = 'off' | 'on' | Level;

/** RuleSettings maps rule ids to settings. */
export type RuleSettings = ReadonlyMap<string, RuleSetting>;

/** An Override applies rule settings to the files its globs match. */
export interface Override {
  readonly files: readonly string[];
  readonly rules: RuleSettings;
  /** True for a path relative to the config file's directory, with forward slashes. */
  readonly matches: (relativePath: string) => boolean;
}

/** A CilintConfig is a validated .cilint.yaml. */
export interface CilintConfig {
  /** The file, as messages show it (relative to the working directory). */
  readonly file: string;
  /** The absolute directory of the file: its globs and paths are relative to it, as in ESLint and Spectral. */
  readonly dir: string;
  readonly ciliumVersion: string | undefined;
  readonly failOn: FailOn | undefined;
  /** The node inventory, as a path usable from the working directory. */
  readonly nodes: string | undefined;
  readonly rules: RuleSettings;
  readonly overrides: readonly Override[];
  /** Whether a suppression needs a reason after " -- " to take effect. */
  readonly requireReason: boolean;
}
