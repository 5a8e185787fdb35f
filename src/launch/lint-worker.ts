// dist/lint-worker.cjs, the script of a lint thread (src/threads/): answer the request it was started with.
import { parentPort, workerData } from 'node:worker_threads';
import type { WorkerRequest } from '../threads/worker-protocol.js';
import { loadBundle } from './load-bundle.js';

parentPort?.postMessage(loadBundle().exports.answerLintRequest(workerData as WorkerRequest));
