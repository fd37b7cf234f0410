// Heavy pure computations (solvers, whole-county analyses) in worker threads,
// so a request never blocks the HTTP event loop (decision 0810).
//
//   compute(kind, input, { budgetMs })   runs tasks[kind](input) in a worker
//   exclusive(owner, kind, fn)           at most one per user and kind at a time
//
// Each call has a time budget, counted from when the worker takes the task
// (not from the worker's start-up, which a loaded machine slows); when it runs out the worker is terminated
// (a synchronous loop cannot be interrupted any other way) and the call
// fails with `computation_budget_exceeded`. Idle workers are kept (unref'd)
// and reused, because starting one costs 0.3–2 s (tsx compiles the domain
// modules in the worker). Usable from a request or from a job handler.
import { Worker } from 'node:worker_threads';
import type { ComputeKind, ComputeTasks } from './compute-tasks.js';

export type { ComputeKind } from './compute-tasks.js';
export type ComputeErrorCode = 'computation_budget_exceeded' | 'computation_busy' | 'computation_failed';

/** A computation that did not give an answer; the HTTP layer maps the code to a status. */
export class ComputeError extends Error {
  constructor(
    readonly code: ComputeErrorCode,
    readonly kind: string,
    detail = '',
  ) {
    super(`${code} (${kind})${detail ? `: ${detail}` : ''}`);
  }
}

/** Default wall-clock budget per kind; a job handler may pass a larger one. */
const DEFAULT_BUDGET_MS: Record<ComputeKind, number> = {
  deliveryPoints: 60_000,
  denseSpots: 30_000,
  gridPartition: 60_000,
  visitCycle: 60_000,
  ratingBatch: 300_000,
  readSheet: 60_000,
  tableXlsx: 60_000,
  scoreSheetXlsx: 60_000,
  reviewSheetXlsx: 60_000,
  supplyPlanTemplateXlsx: 60_000,
  gridTiles: 60_000,
  probe: 5_000,
  // A county's two years on a loaded machine took minutes (bench:forecast-job); the job's own timeout is 30 min.
  forecastPanels: 1_500_000,
};
const budgets: Record<ComputeKind, number> = { ...DEFAULT_BUDGET_MS };

/** Overrides budgets process-wide (tests force an overrun with a tiny one); `{}` restores the defaults. */
export function setComputeBudgets(b: Partial<Record<ComputeKind, number>>): void {
  Object.assign(budgets, DEFAULT_BUDGET_MS, b);
}

export function computeBudget(kind: ComputeKind): number {
  return budgets[kind];
}

const MAX_IDLE = 2;
const idle: Worker[] = [];

function spawn(): Worker {
  const w = new Worker(new URL('./compute-worker.mjs', import.meta.url));
  // An idle worker must not keep the process (a test, a CLI) alive.
  w.unref();
  return w;
}

type Reply = { started: true } | { ok: true; value: unknown } | { ok: false; error: string };

/** How long a worker may take to start (load tsx and the tasks) before the task's budget starts counting. */
const START_LIMIT_MS = 60_000;

export function compute<K extends ComputeKind>(
  kind: K,
  input: Parameters<ComputeTasks[K]>[0],
  opts: { budgetMs?: number } = {},
): Promise<Awaited<ReturnType<ComputeTasks[K]>>> {
  const budgetMs = opts.budgetMs ?? budgets[kind];
  const worker = idle.pop() ?? spawn();
  worker.ref();
  return new Promise<Awaited<ReturnType<ComputeTasks[K]>>>((resolve, reject) => {
    let timer: NodeJS.Timeout;
    const done = (keep: boolean) => {
      clearTimeout(timer);
      worker.off('message', onMessage);
      worker.off('error', onError);
      worker.off('exit', onExit);
      worker.unref();
      if (keep && idle.length < MAX_IDLE) idle.push(worker);
      else void worker.terminate();
    };
    const onMessage = (m: Reply) => {
      if ('started' in m) {
        // The budget is the task's own time, from when the worker takes it.
        clearTimeout(timer);
        timer = setTimeout(overrun, budgetMs);
        return;
      }
      done(true);
      if (m.ok) resolve(m.value as Awaited<ReturnType<ComputeTasks[K]>>);
      else reject(new ComputeError('computation_failed', kind, m.error));
    };
    const onError = (e: Error) => {
      done(false);
      reject(new ComputeError('computation_failed', kind, e.message));
    };
    const onExit = (code: number) => {
      done(false);
      reject(new ComputeError('computation_failed', kind, `worker exited with ${code}`));
    };
    const overrun = () => {
      done(false);
      reject(new ComputeError('computation_budget_exceeded', kind, `${budgetMs} ms`));
    };
    timer = setTimeout(() => {
      done(false);
      reject(new ComputeError('computation_failed', kind, `the worker did not start in ${START_LIMIT_MS} ms`));
    }, Math.max(START_LIMIT_MS, budgetMs));
    worker.on('message', onMessage);
    worker.once('error', onError);
    worker.once('exit', onExit);
    worker.postMessage({ kind, input });
  });
}

const running = new Set<string>();

/** Runs `fn` unless the same owner already runs a computation of this kind (then `computation_busy`). */
export async function exclusive<T>(owner: number | string, kind: string, fn: () => Promise<T>): Promise<T> {
  const key = `${owner}\u0000${kind}`;
  if (running.has(key)) throw new ComputeError('computation_busy', kind);
  running.add(key);
  try {
    return await fn();
  } finally {
    running.delete(key);
  }
}

/** Ends the idle workers (a clean shutdown; running ones end with their call). */
export async function stopComputeWorkers(): Promise<void> {
  await Promise.all(idle.splice(0).map((w) => w.terminate()));
}
