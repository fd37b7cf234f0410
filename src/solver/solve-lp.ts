// Solves LP models with HiGHS in a worker thread, so a solve never blocks the
// HTTP event loop. One worker, started on first use, requests queued in order.
import { Worker } from 'node:worker_threads';

export type LpSolution = { status: string; objective: number; columns: Record<string, { Primal: number }> };

type Pending = { resolve: (s: LpSolution) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let nextId = 1;
const pending = new Map<number, Pending>();

function getWorker(): Worker {
  if (worker) return worker;
  const w = new Worker(new URL('./highs-worker.mjs', import.meta.url));
  w.unref();
  w.on('message', (m: { id: number; error?: string } & LpSolution) => {
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    if (m.error) p.reject(new Error(m.error));
    else p.resolve({ status: m.status, objective: m.objective, columns: m.columns });
  });
  w.on('error', (e) => {
    for (const p of pending.values()) p.reject(e);
    pending.clear();
    worker = null;
  });
  worker = w;
  return w;
}

export function solveLp(lp: string): Promise<LpSolution> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    getWorker().postMessage({ id, lp });
  });
}

export async function stopLpWorker(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
