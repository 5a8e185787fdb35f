// The messages between lintConcurrently() and its worker threads: plain data, copied between threads.
import type { AnalysedTarget } from '../lint.js';
import type { SetValue } from '../inputs/targets.js';
import type { Finding } from '../report/finding.js';
import type { CiliumVersion } from '../version.js';

/** A WorkerRequest is the positional files one thread lints, and the options that apply to each of them. */
export interface WorkerRequest {
  readonly files: readonly string[];
  readonly sets: readonly SetValue[];
  readonly nodes: string | undefined;
  readonly version: CiliumVersion;
  readonly maxFileBytes: number | undefined;
  readonly chartDir: string | undefined;
  readonly valuesRoot: string | undefined;
}

/** A WorkerAnswer is the findings of each target in file order, or the error that stopped the thread. */
export type WorkerAnswer =
  | { readonly ok: true; readonly targets: readonly AnalysedTarget[]; readonly runFindings: readonly Finding[] }
  | { readonly ok: false; readonly message: string; readonly inputProblem: boolean };
