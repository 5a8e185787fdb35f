// A lint worker thread's entry point: analyse the files lintConcurrently() sends, and answer with their findings.
import { parentPort, workerData } from 'node:worker_threads';
import { readChart } from '../chart/chart-dir.js';
import { CilintError } from '../errors.js';
import { analyse } from '../lint.js';
import type { WorkerAnswer, WorkerRequest } from './worker-protocol.js';

const request = workerData as WorkerRequest;
let answer: WorkerAnswer;
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
  answer = { ok: true, targets: analysis.targets, runFindings: analysis.runFindings };
} catch (error) {
  answer = { ok: false, message: error instanceof Error ? error.message : String(error), inputProblem: error instanceof CilintError };
}
parentPort?.postMessage(answer);
