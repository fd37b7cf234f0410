// SIGKILL during a job: the real server (src/cli/serve.ts) is killed while a
// rating batch and a supply-plan allocation run, started again on the same
// data, and each job completes with results identical to an uninterrupted run.
// On the PostgreSQL server the test holds a lock on a table the job writes, so
// the kill lands mid-job for certain; PGlite belongs to the server process, so
// there the kill lands as soon as the job is seen running (or queued).
import { afterAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../../src/db/client.js';
import { testEngine } from '../support/test-db.js';
import { freePort, loginAt, serverDataEnv, startServer, waitForJobAt } from '../support/server-process.js';

const call = async (base: string, cookie: string, method: string, url: string, body?: unknown) => {
  const res = await fetch(`${base}${url}`, { method, headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  return { status: res.status, json: (await res.json()) as any }; // eslint-disable-line @typescript-eslint/no-explicit-any
};

const cleanups: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const c of cleanups.reverse()) await c();
});

/** On the server: a transaction holding `table` in share mode (reads go on, writes wait) until released. */
async function lockTable(url: string | undefined, table: string): Promise<{ release: () => Promise<void> } | null> {
  if (!url) return null;
  const c = new pg.Client({ connectionString: url });
  c.on('error', () => undefined);
  await c.connect();
  await c.query('begin');
  await c.query(`lock table ${table} in share mode`);
  let open = true;
  const release = async () => {
    if (!open) return;
    open = false;
    await c.query('rollback');
    await c.end();
  };
  cleanups.push(() => release().catch(() => undefined));
  return { release };
}

async function waitRunning(base: string, cookie: string, jobId: number): Promise<string> {
  for (let i = 0; i < 200; i++) {
    const { json } = await call(base, cookie, 'GET', `/api/jobs/${jobId}`);
    if (json.state !== 'queued') return json.state;
    await new Promise((r) => setTimeout(r, 20));
  }
  return 'queued';
}

function killed(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
    proc.once('exit', () => resolve());
    proc.kill('SIGKILL');
  });
}

describe(`SIGKILL during jobs (${testEngine})`, () => {
  it('a rating batch and an allocation cut off by a kill complete after a restart, with the results of an uninterrupted run', { timeout: 600_000 }, async () => {
    const data = await serverDataEnv('killjobs');
    cleanups.push(data.cleanup);
    const env: Record<string, string> = { DEMO: '1', DEMO_RETAILERS: '80', DEMO_WEEKS: '6', HOST: '127.0.0.1', JOB_STALE_SECONDS: '3', ...data.env };
    env.PORT = String(await freePort());
    let { proc, base } = await startServer(env);
    cleanups.push(async () => void proc.kill('SIGKILL'));
    let manager = await loginAt(base, 'manager', 'manager123');

    // Rating: a month no run has touched yet.
    const runs = (await call(base, manager, 'GET', '/api/ratings/runs')).json;
    const taken = new Set(runs.runs.map((r: { month: string }) => r.month));
    let month = runs.defaultMonth as string;
    while (taken.has(month)) month = new Date(Date.UTC(Number(month.slice(0, 4)), Number(month.slice(5)) - 2, 1)).toISOString().slice(0, 7);

    // Allocation: next week's plan (a draft).
    // In Beijing time, as the demo's own plan for this week is.
    const today = new Date(Date.now() + 8 * 3600_000);
    const monday = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() - ((today.getUTCDay() + 6) % 7) + 7)).toISOString().slice(0, 10);
    const plan = await call(base, manager, 'POST', '/api/supply-plans', { weekStart: monday });
    expect(plan.status, JSON.stringify(plan.json)).toBe(201);
    const planId = plan.json.plan.id as number;

    const ratingLock = await lockTable(env.DATABASE_URL, 'retailer_ratings');
    const limitLock = await lockTable(env.DATABASE_URL, 'order_limits');
    const started = await call(base, manager, 'POST', '/api/ratings/runs', { month });
    expect(started.status, JSON.stringify(started.json)).toBe(202);
    const alloc = await call(base, manager, 'POST', `/api/supply-plans/${planId}/allocate`);
    expect(alloc.status).toBe(202);
    const ratingJob = started.json.jobId as number;
    const allocJob = alloc.json.job.id as number;
    const states = [await waitRunning(base, manager, ratingJob), await waitRunning(base, manager, allocJob)];
    if (testEngine === 'postgres') expect(states).toEqual(['running', 'running']);
    await killed(proc);
    await ratingLock?.release();
    await limitLock?.release();

    ({ proc, base } = await startServer(env));
    manager = await loginAt(base, 'manager', 'manager123');
    const [rating, allocation] = [await waitForJobAt(base, manager, ratingJob), await waitForJobAt(base, manager, allocJob)];
    expect(rating).toMatchObject({ state: 'completed' });
    expect(allocation).toMatchObject({ state: 'completed' });
    const run = (await call(base, manager, 'GET', `/api/ratings/runs/${started.json.id}`)).json;
    expect(run).toMatchObject({ status: 'draft', progress: 100 });
    expect(run.retailers).toBeGreaterThan(0);

    // The same work again, uninterrupted.
    const again = await call(base, manager, 'POST', '/api/ratings/runs', { month });
    expect(again.status).toBe(202);
    expect((await waitForJobAt(base, manager, again.json.jobId)).state).toBe('completed');
    const interruptedAlloc = (await call(base, manager, 'GET', `/api/supply-plans/${planId}`)).json;
    const realloc = await call(base, manager, 'POST', `/api/supply-plans/${planId}/allocate`);
    expect((await waitForJobAt(base, manager, realloc.json.job.id)).state).toBe('completed');
    const cleanAlloc = (await call(base, manager, 'GET', `/api/supply-plans/${planId}`)).json;
    expect(cleanAlloc.items).toEqual(interruptedAlloc.items);
    expect(cleanAlloc.quotas).toEqual(interruptedAlloc.quotas);

    // Row by row, on the data itself once the server has stopped.
    await new Promise<void>((resolve) => {
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    });
    const database = await openDatabase(env.DATABASE_URL ? { url: env.DATABASE_URL } : { dataDir: env.DATA_DIR });
    try {
      const rows = (runId: number) =>
        query<Record<string, unknown>>(
          database.db,
          sql`select retailer_id, network, class_code, scale, tier, tier_score, star, star_score, segment, breakdown, input, frozen_reason
            from retailer_ratings where run_id = ${runId} order by retailer_id`,
        );
      const first = await rows(started.json.id);
      expect(first.length).toBe(run.retailers);
      expect(await rows(again.json.id)).toEqual(first);
      // (The nightly calendars may be under way when the test runs near 01:30 Shanghai; only these two kinds are counted.)
      const [jobsLeft] = await query<{ n: number }>(
        database.db,
        sql`select count(*)::int n from jobs where state in ('queued', 'running') and name in ('rating-batch', 'supply-plan-allocate')`,
      );
      expect(jobsLeft.n).toBe(0);
      const attempts = await query<{ id: number; attempts: number }>(database.db, sql`select id, attempts from jobs where id in (${ratingJob}, ${allocJob}) order by id`);
      // Cut off while running, the job ran a second time; cut off while queued, once.
      if (testEngine === 'postgres') expect(attempts.map((a) => a.attempts)).toEqual([2, 2]);
    } finally {
      await database.close();
    }
  });
});
