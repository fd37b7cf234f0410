// The durable job runner on a real database (both engines): progress, retries
// with backoff, the time limit, singleton keys, work cut off by a dead runner,
// draining on stop, cron slots that fire once across restarts and runners,
// and two runners never taking the same job.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { z } from 'zod';
import { query } from '../../src/db/client.js';
import { defineJob, type AnyJobDefinition } from '../../src/jobs/define-job.js';
import { enqueueJob, findJob, waitForJob } from '../../src/jobs/job-queue.js';
import { JobRunner, type JobSchedule, type RunnerOptions } from '../../src/jobs/runner.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';

let database: TestDatabase;
const db = () => database.db;
const runners: JobRunner[] = [];
let logs: { msg: string; job?: string; jobId?: number; level: number }[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.stop(0)));
  await db().execute(sql`delete from jobs`);
  logs = [];
});
afterAll(() => database?.drop());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function runner(definitions: AnyJobDefinition[], opts: Partial<RunnerOptions> = {}): JobRunner {
  const log = pino({ level: 'info' }, { write: (line: string) => void logs.push(JSON.parse(line)) });
  const r = new JobRunner({ db: db(), definitions, log, pollMs: 100, heartbeatMs: 200, staleMs: 2_000, ...opts });
  runners.push(r);
  return r;
}

const echo = defineJob({
  name: 'test-echo',
  payload: z.object({ n: z.number() }),
  handler: async ({ n }, ctx) => {
    await ctx.progress(50, 'halfway');
    return { doubled: n * 2 };
  },
});

describe('durable jobs', () => {
  it('runs a queued job, keeps its result and logs start and finish', async () => {
    const r = runner([echo]);
    await r.start();
    const { job } = await enqueueJob(db(), echo, { n: 21 }, { orgId: null });
    const done = await waitForJob(db(), job.id);
    expect(done).toMatchObject({ state: 'completed', progress: 100, progressText: 'halfway', result: { doubled: 42 }, attempts: 1 });
    expect(logs.filter((l) => l.jobId === job.id).map((l) => l.msg)).toEqual(['job started', 'job completed']);
  });

  it('refuses a payload its schema refuses, before anything is stored', async () => {
    await expect(enqueueJob(db(), echo, { n: 'x' } as never)).rejects.toThrow();
    const [{ n }] = await query<{ n: number }>(db(), sql`select count(*)::int n from jobs`);
    expect(n).toBe(0);
  });

  it('retries a failing job with exponential backoff, then succeeds', async () => {
    const calls: number[] = [];
    const flaky = defineJob({
      name: 'test-flaky',
      payload: z.object({}),
      maxAttempts: 3,
      backoffSeconds: 0.4,
      handler: async () => {
        calls.push(Date.now());
        if (calls.length < 3) throw new Error(`attempt ${calls.length} failed`);
        return 'ok';
      },
    });
    await runner([flaky]).start();
    const { job } = await enqueueJob(db(), flaky, {});
    const done = await waitForJob(db(), job.id, 20_000);
    expect(done).toMatchObject({ state: 'completed', attempts: 3, result: 'ok' });
    // 0.4 s before the second attempt, 0.8 s before the third.
    expect(calls[1] - calls[0]).toBeGreaterThanOrEqual(350);
    expect(calls[2] - calls[1]).toBeGreaterThanOrEqual(750);
    expect(logs.filter((l) => l.msg === 'job failed; will retry')).toHaveLength(2);
  });

  it('fails a job for good after its last attempt and tells its definition once', async () => {
    const failures: string[] = [];
    const broken = defineJob({
      name: 'test-broken',
      payload: z.object({ runId: z.number() }),
      maxAttempts: 2,
      backoffSeconds: 0.1,
      handler: async () => {
        throw new Error('disk full');
      },
      onFailed: async ({ runId }, error) => void failures.push(`${runId}: ${error}`),
    });
    await runner([broken]).start();
    const { job } = await enqueueJob(db(), broken, { runId: 7 });
    expect(await waitForJob(db(), job.id, 10_000)).toMatchObject({ state: 'failed', attempts: 2, error: 'disk full' });
    await sleep(100);
    expect(failures).toEqual(['7: disk full']);
    expect(logs.some((l) => l.msg === 'job failed for good' && l.jobId === job.id && l.level === 50)).toBe(true);
  });

  it('aborts a job at its time limit and counts it as a failed attempt', async () => {
    let sawAbort = false;
    const slow = defineJob({
      name: 'test-slow',
      payload: z.object({}),
      maxAttempts: 1,
      timeoutSeconds: 1,
      handler: async (_p, ctx) => {
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => resolve()));
        sawAbort = true;
      },
    });
    await runner([slow]).start();
    const t0 = Date.now();
    const { job } = await enqueueJob(db(), slow, {});
    const done = await waitForJob(db(), job.id, 10_000);
    expect(done.state).toBe('failed');
    expect(done.error).toMatch(/time limit of 1 s/);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(sawAbort).toBe(true);
  });

  it('gives the active job of a singleton key to a second enqueue, and a new one once it has finished', async () => {
    const a = await enqueueJob(db(), echo, { n: 1 }, { singletonKey: 'plan:1' });
    const b = await enqueueJob(db(), echo, { n: 2 }, { singletonKey: 'plan:1' });
    const other = await enqueueJob(db(), echo, { n: 3 }, { singletonKey: 'plan:2' });
    expect(a.created).toBe(true);
    expect(b).toMatchObject({ created: false, job: { id: a.job.id } });
    expect(other.job.id).not.toBe(a.job.id);
    await runner([echo]).start();
    await waitForJob(db(), a.job.id);
    const c = await enqueueJob(db(), echo, { n: 4 }, { singletonKey: 'plan:1' });
    expect(c.created).toBe(true);
    expect(c.job.id).not.toBe(a.job.id);
  });

  it('queues again a job whose runner died (stale heartbeat) and runs it to the end', async () => {
    const { job } = await enqueueJob(db(), echo, { n: 5 });
    // As a runner on another machine leaves it when it is killed mid-job.
    await db().execute(sql`update jobs set state = 'running', attempts = 1, locked_by = 'elsewhere/4242/dead', heartbeat_at = now() - interval '1 hour'
      where id = ${job.id}`);
    await runner([echo]).start();
    const done = await waitForJob(db(), job.id);
    expect(done).toMatchObject({ state: 'completed', attempts: 2, result: { doubled: 10 } });
    expect(logs.some((l) => l.msg === 'job cut off: queued again' && l.jobId === job.id)).toBe(true);
  });

  it('leaves alone a job whose runner is alive elsewhere', async () => {
    const { job } = await enqueueJob(db(), echo, { n: 5 });
    await db().execute(sql`update jobs set state = 'running', attempts = 1, locked_by = 'elsewhere/4242/alive', heartbeat_at = now() where id = ${job.id}`);
    const r = runner([echo]);
    await r.start();
    await sleep(300);
    expect((await findJob(db(), job.id))!.state).toBe('running');
  });

  it('on stop lets a short job finish and queues a long one again without spending an attempt', async () => {
    let released = false;
    const short = defineJob({ name: 'test-short', payload: z.object({}), handler: async () => (await sleep(300), 'finished') });
    const long = defineJob({
      name: 'test-long',
      payload: z.object({}),
      handler: async (_p, ctx) => {
        await new Promise<void>((resolve) => ctx.signal.addEventListener('abort', () => ((released = true), resolve())));
      },
    });
    const r = runner([short, long], { concurrency: 2 });
    await r.start();
    const s = await enqueueJob(db(), short, {});
    const l = await enqueueJob(db(), long, {});
    for (let i = 0; i < 50 && (await findJob(db(), l.job.id))!.state !== 'running'; i++) await sleep(50);
    await r.stop(1_000);
    expect((await findJob(db(), s.job.id))!).toMatchObject({ state: 'completed', result: 'finished' });
    expect((await findJob(db(), l.job.id))!).toMatchObject({ state: 'queued', attempts: 0, lockedBy: null });
    expect(released).toBe(true);
  });

  it('fires a cron slot once across a restart and across two runners', async () => {
    const tick = defineJob({ name: 'test-tick', payload: z.object({ slot: z.string() }), handler: async ({ slot }) => slot });
    // 02:00 Shanghai = 18:00 UTC; the runners start 10 minutes late, within the catch-up window.
    const at = new Date('2026-12-02T18:10:00Z');
    const schedules: JobSchedule[] = [{ cron: '0 2 * * *', job: tick, payload: (slot) => ({ slot: slot.toISOString() }) }];
    const first = runner([tick], { schedules, now: () => at });
    await first.start();
    await first.waitIdle();
    await first.stop(0);
    // The restart, and a second runner beside it.
    const again = runner([tick], { schedules, now: () => at });
    const beside = runner([tick], { schedules, now: () => new Date(at.getTime() + 60_000) });
    await Promise.all([again.start(), beside.start()]);
    await again.waitIdle();
    const rows = await query<{ slotKey: string; state: string; result: string }>(
      db(),
      sql`select slot_key as "slotKey", state, result from jobs where name = 'test-tick'`,
    );
    expect(rows).toEqual([{ slotKey: '2026-12-03T02:00+08:00', state: 'completed', result: '2026-12-02T18:00:00.000Z' }]);
  });

  it('two runners on one queue run each job exactly once', async () => {
    const seen: number[] = [];
    const count = defineJob({
      name: 'test-count',
      payload: z.object({ i: z.number() }),
      handler: async ({ i }) => {
        seen.push(i);
        await sleep(10);
      },
    });
    const a = runner([count], { concurrency: 2 });
    const b = runner([count], { concurrency: 2 });
    await Promise.all([a.start(), b.start()]);
    for (let i = 0; i < 20; i++) await enqueueJob(db(), count, { i });
    await a.waitIdle();
    await b.waitIdle();
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 20 }, (_, i) => i));
    const byRunner = await query<{ n: number }>(db(), sql`select count(*)::int n from jobs where state = 'completed'`);
    expect(byRunner[0].n).toBe(20);
  });
});
