// Lint many files on several threads: the first chunks of files in worker threads, the last one here, merged in the order given.
//
// A run over thousands of values files is bound by CPU (parsing, models, rules), and each positional file is a
// target of its own, so chunks of files can be analysed apart. A thread loads cilint again and warms up its own
// JIT, and two threads on the two hyperthreads of one core each run slower: measured on 2 vCPUs, 1,000 files
// took longer on two threads than on one, 10,000 files about a fifth less time. So `auto` splits only from
// 2,000 files. The merged result is the one a single thread gives.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { CilintError, UsageError } from '../errors.js';
import { analyse, lint, resultOf } from '../lint.js';
import type { Analysis, LintOptions } from '../lint.js';
import { packageRoot } from '../package-root.js';
import { requireLazily } from '../require-lazily.js';
import type { LintResult } from '../report/finding.js';
import type { WorkerAnswer, WorkerRequest } from './worker-protocol.js';

/** How many threads to lint on: `auto` decides from the number of files and cores, `off` is one thread. */
export type Concurrency = 'auto' | 'off' | number;

/** Below this many files per thread, a thread costs more than it saves (see above). */
const MIN_FILES_PER_THREAD = 1000;
/** `auto` uses at most this many threads: past it, reading files and merging findings dominate. */
const MAX_AUTO_THREADS = 4;

/** Read --concurrency as ESLint does: a positive number of threads, `auto` or `off`. */
export function parseConcurrency(text: string): Concurrency {
  if (text === 'auto' || text === 'off') return text;
  const threads = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(threads) || threads < 1) {
    throw new UsageError(`--concurrency must be a positive number of threads, auto or off, not "${text}"`);
  }
  return threads;
}

/** The number of threads a run uses: one unless the files are many, or the user asked for more. */
export function threadCount(options: LintOptions, concurrency: Concurrency): number {
  if (concurrency === 'off' || !splittable(options)) return 1;
  const files = options.files.length;
  if (concurrency === 'auto') {
    const wanted = Math.min(MAX_AUTO_THREADS, Math.floor(files / MIN_FILES_PER_THREAD));
    // node:os only when threads are in question: a lint of a few files never loads it.
    return wanted < 2 ? 1 : Math.min(wanted, requireLazily('node:os').availableParallelism());
  }
  return Math.max(1, Math.min(concurrency, files));
}

/**
 * The files split when nothing ties one target to the run as a whole: not with --base (git reads) or a
 * live cluster, nor when the worker script is missing (running from the sources without a build).
 */
function splittable(options: LintOptions): boolean {
  return options.base === undefined && options.cluster === undefined && existsSync(workerScript());
}

function workerScript(): string {
  return join(packageRoot(), 'dist', 'lint-worker.cjs');
}

/** Lint as lint() does, on up to `concurrency` threads. Throws the CilintError a single thread would throw. */
export async function lintConcurrently(options: LintOptions, concurrency: Concurrency): Promise<LintResult> {
  const threads = threadCount(options, concurrency);
  if (threads === 1) return lint(options);
  // Loaded only when threads are used: a lint of a few files, as a pre-commit hook runs, never needs it.
  const { Worker } = await import('node:worker_threads');
  const chunks = chunksOf(options.files, threads);
  const workers = chunks.slice(0, -1).map((files) => runWorker(Worker, workerRequest(options, files)));
  // The last chunk, with the inputs that come after the positional files (ConfigMaps, the -f release), is read here.
  let local: Analysis | undefined;
  let localError: unknown;
  try {
    local = analyse({ ...options, files: chunks.at(-1) ?? [] });
  } catch (error) {
    localError = error;
  }
  const answers = await Promise.allSettled(workers);
  // The first failure in file order is the one a single thread would have stopped at.
  for (const answer of answers) if (answer.status === 'rejected') throw answer.reason;
  if (!local) throw localError;
  const parts = answers.map((answer) => (answer as PromiseFulfilledResult<WorkerAnswer & { ok: true }>).value);
  return resultOf(
    {
      targets: [...parts.flatMap((part) => part.targets), ...local.targets],
      inventory: local.inventory,
      // Run-wide findings name the first target's file, and the first worker read it.
      runFindings: parts[0]?.runFindings ?? local.runFindings,
      notices: local.notices,
    },
    options,
  );
}

/** Split files into `count` runs of consecutive files, as even as can be. */
function chunksOf(files: readonly string[], count: number): string[][] {
  const size = Math.ceil(files.length / count);
  return Array.from({ length: count }, (_, i) => files.slice(i * size, (i + 1) * size)).filter((chunk) => chunk.length > 0);
}

/** What a worker needs to lint its files: plain data only, and the chart by its directory (it reads it again). */
function workerRequest(options: LintOptions, files: readonly string[]): WorkerRequest {
  return {
    files,
    // --set flags apply to each positional file only when there is no -f release to hold them.
    sets: options.values.length === 0 ? options.sets : [],
    nodes: options.nodes,
    version: options.version,
    maxFileBytes: options.maxFileBytes,
    chartDir: options.chart?.dir,
    valuesRoot: options.valuesRoot,
  };
}

function runWorker(Worker: typeof import('node:worker_threads').Worker, request: WorkerRequest): Promise<WorkerAnswer & { ok: true }> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerScript(), { workerData: request });
    worker.once('message', (answer: WorkerAnswer) => {
      if (answer.ok) resolve(answer);
      else reject(answer.inputProblem ? new CilintError(answer.message) : new Error(answer.message));
    });
    worker.once('error', reject);
    worker.once('exit', (status) => reject(new Error(`a lint thread stopped with status ${status} before it answered`)));
  });
}
