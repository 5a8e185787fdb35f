// A lint worker thread's work: analyse the files lintConcurrently() sends, and answer with their findings.
import { readChart } from '../chart/chart-dir.js';
import { CilintError } from '../errors.js';
import { analyse } from '../lint.js';
import type { WorkerAnswer, WorkerRequest } from './worker-protocol.js';

/** The answer to one worker request; dist/lint-worker.cjs (src/launch/lint-worker.ts) posts it back. */
export function answerLintRequest(request: WorkerRequest): WorkerAnswer {
  try {
    const chart = request.chartDir === undefined ? undefined : readChart(request.chartDir, request.maxFileBytes);
    const analysis = analyse({
      files: request.files,
      values: [],
      sets: request.sets,
      configMaps: [],
      nodes: request.nodes,
      version: request.version,
      ...(request.maxFileBytes !== undefined && { maxFileBytes: request.maxFileBytes }),
      ...(chart && { chart }),
      ...(request.valuesRoot !== undefined && { valuesRoot: request.valuesRoot }),
    });
    return { ok: true, targets: analysis.targets, runFindings: analysis.runFindings };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error), inputProblem: error instanceof CilintError };
  }
}
