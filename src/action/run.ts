// The Action's shell over lint(): inputs in; SARIF file, annotations, job summary, outputs and the step's status out.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import * as core from '@actions/core';
import { loadConfigFor } from '../config/load-config.js';
import { errorLine, UsageError } from '../errors.js';
import { lint, rules } from '../lint.js';
import { activeFindings, exitCodeFor, FAIL_ON } from '../report/finding.js';
import type { FailOn, Finding, LintResult } from '../report/finding.js';
import { formatSarif } from '../report/sarif.js';
import { formatText } from '../report/text.js';
import { DEFAULT_MINOR, parseCiliumVersion, unsupportedVersion } from '../version.js';
import { planAnnotations } from './annotations.js';
import { expandFiles } from './expand-files.js';
import { readInputs } from './inputs.js';
import { pullRequestBase } from './pr-base.js';
import { formatSummary } from './summary.js';

/** Run the Action; every failure ends as core.setFailed with one line, never as a thrown exception. */
export async function runAction(): Promise<void> {
  try {
    // The runner starts actions in the workspace already; a local run may not, and paths must be repo-relative.
    const workspace = process.env['GITHUB_WORKSPACE'];
    if (workspace) process.chdir(workspace);
    const inputs = readInputs();
    if (!(FAIL_ON as readonly string[]).includes(inputs.failOn)) throw new UsageError(`input fail-on must be one of ${FAIL_ON.join(', ')}, not "${inputs.failOn}"`);
    const config = loadConfigFor(inputs.config, process.cwd(), rules().map((rule) => rule.id));
    const versionText = inputs.ciliumVersion ?? config?.ciliumVersion ?? DEFAULT_MINOR;
    const version = parseCiliumVersion(versionText);
    if (!version) throw new UsageError(unsupportedVersion('cilium-version', versionText));
    const files = expandFiles(inputs.files, process.cwd());
    const baseRef = pullRequestBase(process.env);
    if (files.length === 0 && inputs.values.length === 0 && inputs.configMaps.length === 0) {
      throw new UsageError('no input: set files, values or config-map');
    }
    const result = lint({
      files,
      values: inputs.values,
      sets: inputs.sets.map((text) => ({ flag: '--set' as const, text })),
      configMaps: inputs.configMaps,
      nodes: inputs.nodes ?? config?.nodes,
      version,
      config,
      // On a pull request the change rules compare with its base; a base that cannot be read skips them, with a notice.
      base: baseRef === undefined ? undefined : { ref: baseRef, ifUnavailable: 'skip' },
    });
    await report(result, inputs.sarifFile, inputs.annotations, result.notices ?? []);
    // The fail-on input always has a value (action.yml's default), so it is what decides, not the config file.
    if (exitCodeFor(result, inputs.failOn as FailOn) === 1) {
      core.setFailed(`cilint: ${describeFailure(activeFindings(result.findings), inputs.failOn as FailOn)}`);
    }
  } catch (error) {
    core.setFailed(errorLine(error));
  }
}

async function report(result: LintResult, sarifFile: string, annotate: boolean, notices: readonly string[]): Promise<void> {
  try {
    mkdirSync(dirname(sarifFile), { recursive: true });
    writeFileSync(sarifFile, formatSarif(result));
  } catch (error) {
    throw new UsageError(`cannot write the SARIF file ${sarifFile}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  // The whole report goes to the log too: annotations are capped and fork PRs cannot upload SARIF.
  core.info(formatText(result));
  for (const notice of notices) core.notice(notice);
  const plan = annotate ? planAnnotations(result.findings) : { shown: [], hidden: 0 };
  for (const finding of plan.shown) annotation(finding);
  if (process.env['GITHUB_STEP_SUMMARY']) {
    await core.summary.addRaw(formatSummary(result, { hiddenAnnotations: plan.hidden, notices, sarifFile }), true).write();
  }
  const active = activeFindings(result.findings);
  core.setOutput('errors', active.filter((finding) => finding.level === 'error').length);
  core.setOutput('warnings', active.filter((finding) => finding.level === 'warning').length);
  core.setOutput('notes', active.filter((finding) => finding.level === 'note').length);
  core.setOutput('sarif-file', sarifFile);
}

function annotation(finding: Finding): void {
  const location = finding.location;
  if (!location) return;
  const message = finding.node ? `[${finding.node}] ${finding.message}` : finding.message;
  const properties: core.AnnotationProperties = {
    title: `cilint ${finding.ruleId}`,
    file: location.file,
    startLine: location.line,
    endLine: location.endLine,
    // GitHub reads columns only on single-line annotations.
    ...(location.line === location.endLine ? { startColumn: location.column, endColumn: Math.max(location.endColumn, location.column) } : {}),
  };
  if (finding.level === 'error') core.error(message, properties);
  else if (finding.level === 'warning') core.warning(message, properties);
  else core.notice(message, properties);
}

function describeFailure(active: readonly Finding[], failOn: FailOn): string {
  const errors = active.filter((finding) => finding.level === 'error').length;
  const warnings = active.filter((finding) => finding.level === 'warning').length;
  const notes = active.length - errors - warnings;
  return `${errors} error(s), ${warnings} warning(s), ${notes} note(s); fail-on is ${failOn}`;
}
