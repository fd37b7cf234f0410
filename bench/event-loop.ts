// Does any single heavy request stall the server? `npm run bench:event-loop`.
// Starts the real server (src/cli/serve.ts, its own process) on a generated
// demo county in a fresh PGlite folder, logs in, and fires each heavy request
// of the product in turn while a poller asks `/healthz` every 100 ms. Prints
// each request's time and the worst healthz answer seen while it ran.
// Target: healthz_max_ms < 1000.
//
//   npm run bench:event-loop                        # 3,000 retailers (the demo size)
//   DEMO_RETAILERS=600 npm run bench:event-loop     # a quick run
//   BENCH_ONLY=export npm run bench:event-loop      # only the steps whose name holds the text
//
// The seeded county is kept as a template in the temp folder (one per size
// and day) and copied for each run, so the 40–120 s of seeding is paid once.
// A request that takes longer than BENCH_TIMEOUT_MS (default 180 s) is
// recorded as a timeout and the server is killed and started again on a
// fresh copy, so one frozen request does not hide the others. Last line is JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { freePort, loginAt, startServer } from '../tests/support/server-process.js';

const RETAILERS = Number(process.env.DEMO_RETAILERS ?? 3000);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 180_000);
const POLL_MS = 100;
const ONLY = process.env.BENCH_ONLY ?? '';

const today = new Date().toISOString().slice(0, 10);
const template = path.join(os.tmpdir(), `zy-bench-event-loop-${RETAILERS}-${today}`);

type Server = { proc: ChildProcess; base: string; dir: string; cookies: Record<string, string> };

async function stop(proc: ChildProcess, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  if (proc.exitCode !== null || proc.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    proc.once('exit', () => resolve());
    proc.kill(signal);
  });
}

async function ensureTemplate(): Promise<void> {
  if (fs.existsSync(path.join(template, 'READY'))) return;
  fs.rmSync(template, { recursive: true, force: true });
  fs.mkdirSync(template, { recursive: true });
  const t0 = Date.now();
  console.log(`seeding the demo county (${RETAILERS} retailers) into ${template} …`);
  const { proc } = await startServer({ PORT: String(await freePort()), DATA_DIR: template, DEMO: '1', DEMO_RETAILERS: String(RETAILERS) });
  await stop(proc);
  fs.writeFileSync(path.join(template, 'READY'), '');
  console.log(`seeded in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}

async function boot(): Promise<Server> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zy-bench-event-loop-run-'));
  fs.cpSync(template, dir, { recursive: true });
  const { proc, base } = await startServer({ PORT: String(await freePort()), DATA_DIR: dir, DEMO: '1', DEMO_RETAILERS: String(RETAILERS) });
  const cookies: Record<string, string> = {};
  for (const [u, p] of [['manager', 'manager123'], ['worker1', 'worker123']]) cookies[u] = await loginAt(base, u, p);
  return { proc, base, dir, cookies };
}

async function shutdown(s: Server, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  await stop(s.proc, signal);
  fs.rmSync(s.dir, { recursive: true, force: true });
}

/** Polls /healthz every 100 ms (one at a time) until stopped; the latencies. */
function pollHealth(base: string): { stop: () => Promise<number[]> } {
  const times: number[] = [];
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      try {
        await fetch(`${base}/healthz`, { signal: AbortSignal.timeout(TIMEOUT_MS + 60_000) });
      } catch {
        // A dead server counts with the time it took to find out.
      }
      const ms = performance.now() - t;
      times.push(ms);
      if (ms < POLL_MS) await new Promise((r) => setTimeout(r, POLL_MS - ms));
    }
  })();
  return {
    stop: async () => {
      running = false;
      await loop;
      return times;
    },
  };
}

type Call = { status: number; body: unknown; bytes: number };

async function call(s: Server, user: string, method: string, url: string, body?: unknown): Promise<Call> {
  const res = await fetch(`${s.base}${url}`, {
    method,
    headers: { cookie: s.cookies[user], ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(TIMEOUT_MS),
  });
  const buf = Buffer.from(await res.arrayBuffer());
  let parsed: unknown = null;
  if ((res.headers.get('content-type') ?? '').includes('json')) parsed = JSON.parse(buf.toString('utf8'));
  return { status: res.status, body: parsed, bytes: buf.length };
}

/** Next Monday (UTC calendar), for a supply plan that does not exist yet. */
function nextMonday(): string {
  const d = new Date();
  d.setUTCDate(d.getUTCDate() + ((8 - d.getUTCDay()) % 7 || 7));
  return d.toISOString().slice(0, 10);
}

type Step = { name: string; run: (s: Server) => Promise<Call> };

/**
 * Queued work (202 with a job) counts until its job has finished: the step's
 * time is the user's wait, and the server must keep answering throughout.
 * The job's final state replaces the 202 (a failed job shows as its error).
 */
async function untilJobDone(s: Server, started: Call): Promise<Call> {
  const id = started.status === 202 ? (started.body as { job?: { id?: number } } | null)?.job?.id : undefined;
  if (!id) return started;
  for (;;) {
    await new Promise((r) => setTimeout(r, 500));
    const j = await call(s, 'manager', 'GET', `/api/jobs/${id}`);
    const job = j.body as { state?: string; error?: string };
    if (j.status !== 200) return j;
    if (job.state === 'completed') return { status: 200, body: { status: 'job completed' }, bytes: j.bytes };
    if (job.state === 'failed' || job.state === 'cancelled') return { status: 500, body: job, bytes: j.bytes };
  }
}

// Each step is one thing a user does; setup calls inside a step count towards its time.
const steps: Step[] = [
  { name: 'delivery-points p=100 maxKm=50', run: (s) => call(s, 'manager', 'POST', '/api/delivery-points/proposal', { p: 100, maxKm: 50, remoteKm: 0.5 }) },
  { name: 'dense spots', run: (s) => call(s, 'manager', 'GET', '/api/layout/dense-spots') },
  {
    name: 'grid partition of the county',
    run: async (s) => {
      const grids = (await call(s, 'manager', 'GET', '/api/grids')).body as unknown[];
      return call(s, 'manager', 'POST', '/api/grid-proposals', { grids: grids.length });
    },
  },
  { name: 'day route (worker1)', run: (s) => call(s, 'worker1', 'GET', '/api/visit-plans/day') },
  { name: 'visit plans, all workers', run: (s) => call(s, 'manager', 'POST', '/api/visit-plans', {}) },
  {
    name: 'supply plan: create + allocate',
    run: async (s) => {
      const created = await call(s, 'manager', 'POST', '/api/supply-plans', { weekStart: nextMonday() });
      const id = (created.body as { plan?: { id: number } }).plan?.id;
      if (!id) return created;
      return call(s, 'manager', 'POST', `/api/supply-plans/${id}/allocate`);
    },
  },
  { name: 'retailer export .xlsx', run: (s) => call(s, 'manager', 'GET', '/api/retailers/export?format=xlsx') },
  {
    name: 'rating batch (start + wait)',
    run: async (s) => {
      const runs = (await call(s, 'manager', 'GET', '/api/ratings/runs')).body as { defaultMonth: string; runs: { month: string; status: string }[] };
      // The month before the default one when the default is already published in the demo.
      const taken = new Set(runs.runs.filter((r) => r.status === 'published').map((r) => r.month));
      let month = runs.defaultMonth;
      while (taken.has(month)) {
        const [y, m] = month.split('-').map(Number);
        month = m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
      }
      const started = await call(s, 'manager', 'POST', '/api/ratings/runs', { month });
      const id = (started.body as { id?: number }).id;
      if (started.status !== 202 || !id) return started;
      for (;;) {
        const run = await call(s, 'manager', 'GET', `/api/ratings/runs/${id}`);
        const status = (run.body as { status?: string }).status;
        if (run.status !== 200 || (status !== 'computing' && status !== 'queued' && status !== 'pending')) return run;
        await new Promise((r) => setTimeout(r, 500));
      }
    },
  },
];

const quantile = (xs: number[], q: number) => {
  if (!xs.length) return 0;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
};
const round = (x: number) => Math.round(x * 10) / 10;

await ensureTemplate();
let server = await boot();
const results: { name: string; ms: number; status: number | string; healthz_max_ms: number; healthz_p99_ms: number }[] = [];
const all: number[] = [];
try {
  for (const step of steps.filter((s) => s.name.includes(ONLY))) {
    const poll = pollHealth(server.base);
    const t = performance.now();
    let status: number | string;
    let detail = '';
    try {
      const r = await untilJobDone(server, await step.run(server));
      status = r.status;
      const state = (r.body as { status?: unknown } | null)?.status;
      if (typeof state === 'string') detail = ` (${state})`;
      if (r.status >= 400) detail = ` ${JSON.stringify(r.body).slice(0, 160)}`;
    } catch (e) {
      status = (e as Error).name === 'TimeoutError' ? 'timeout' : `error: ${(e as Error).message}`;
    }
    const ms = performance.now() - t;
    const timedOut = status === 'timeout';
    // A frozen server would keep the poller waiting: kill it first, then collect.
    if (timedOut) await stop(server.proc, 'SIGKILL');
    const times = await poll.stop();
    all.push(...times);
    const row = { name: step.name, ms: round(ms), status, healthz_max_ms: round(Math.max(0, ...times)), healthz_p99_ms: round(quantile(times, 0.99)) };
    results.push(row);
    console.log(`${step.name.padEnd(34)} ${String(status).padEnd(8)} ${(ms / 1000).toFixed(2).padStart(8)} s   healthz max ${row.healthz_max_ms} ms, p99 ${row.healthz_p99_ms} ms${detail}`);
    if (timedOut) {
      await shutdown(server, 'SIGKILL');
      server = await boot();
    }
  }
} finally {
  await shutdown(server);
}

const worst = results.reduce((a, b) => (b.healthz_max_ms > a.healthz_max_ms ? b : a));
console.log(
  JSON.stringify({
    retailers: RETAILERS,
    requests: results.length,
    healthz_polls: all.length,
    healthz_max_ms: round(Math.max(0, ...all)),
    healthz_p99_ms: round(quantile(all, 0.99)),
    slowest: worst.name,
    load: round(os.loadavg()[0]),
    per_request: Object.fromEntries(results.map((r) => [r.name, { ms: r.ms, status: r.status, healthz_max_ms: r.healthz_max_ms }])),
  }),
);
