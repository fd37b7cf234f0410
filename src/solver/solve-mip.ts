// Exact mixed-integer solves with HiGHS in a worker thread (one per call:
// these are rare, benchmark-sized solves, and the worker is ended after).
import { Worker } from 'node:worker_threads';
import type { LpSolution } from './solve-lp.js';

export function solveMip(lp: string, timeLimitSeconds = 60): Promise<LpSolution> {
  const worker = new Worker(new URL('./highs-mip-worker.mjs', import.meta.url));
  return new Promise<LpSolution>((resolve, reject) => {
    worker.once('message', (m: { error?: string } & LpSolution) => (m.error ? reject(new Error(m.error)) : resolve(m)));
    worker.once('error', reject);
    worker.postMessage({ id: 1, lp, timeLimit: timeLimitSeconds });
  }).finally(() => void worker.terminate());
}
