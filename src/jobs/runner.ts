// The job runner: claims due rows of `jobs` with FOR UPDATE SKIP LOCKED, runs
// their handlers with a time limit, retries with exponential backoff, keeps a
// heartbeat, re-queues work left behind by a dead process, fires cron slots
// once, and drains on stop. Runs inside the server process and, against a
// PostgreSQL server, as separate worker processes too.
import { AppError } from '../shared/app-error.js';
import { ComputeError } from '../solver/compute.js';
import os from 'node:os';
import { randomBytes } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import pino, { type Logger } from 'pino';
import { query, type Db } from '../db/client.js';
import { latestSlot, parseCron, slotKey, type Cron } from './cron.js';
import type { AnyJobDefinition, JobContext } from './define-job.js';
import { enqueueJob, jobColumns, jobSignals, type JobRow } from './job-queue.js';

export type JobSchedule = {
  /** Five-field cron in Asia/Shanghai time, e.g. '0 2 * * *' = every night at 02:00. */
  cron: string;
  job: AnyJobDefinition;
  /** The payload of each firing; may depend on the slot (e.g. the day it plans). */
  payload: (slot: Date) => unknown;
  orgId?: number | null;
  /** A slot missed while no runner was up still fires if it is at most this old (default 60). */
  catchUpMinutes?: number;
};

export type RunnerOptions = {
  db: Db;
  definitions: AnyJobDefinition[];
  schedules?: JobSchedule[];
  log?: Logger;
  /** Jobs run at once by this runner (default 2: the machine has few cores). */
  concurrency?: number;
  /**
   * Jobs of one org running at once across every runner (default: no limit beyond `concurrency`). Whatever the
   * limit, a claim takes the due job of the org with the fewest running first, so one county's many jobs do not
   * starve another county's one (decision 1914).
   */
  perOrgConcurrency?: number;
  pollMs?: number;
  heartbeatMs?: number;
  /** A running job whose heartbeat is older than this belongs to a dead runner. */
  staleMs?: number;
  /** PGlite: no other process can hold jobs, so every running row at start-up was cut off. */
  exclusive?: boolean;
  /** The clock for cron slots and handlers (tests pin it). */
  now?: () => Date;
  /** Finished jobs are deleted after this many days (failed ones after three times as long). */
  keepDays?: number;
};

/** Runners alive in this process, so a row of this pid is known dead or alive without asking the OS. */
const liveHere = new Set<string>();

type Active = { row: JobRow; controller: AbortController; done: Promise<void> };

// An AppError's or ComputeError's code alone, so the screen can say it in the user's language.
const errorText = (e: unknown) => (e instanceof AppError || e instanceof ComputeError ? e.code : e instanceof Error ? e.message : String(e)).slice(0, 2000);

export class JobRunner {
  readonly instanceId = `${os.hostname()}/${process.pid}/${randomBytes(3).toString('hex')}`;
  private readonly defs = new Map<string, AnyJobDefinition>();
  private readonly active = new Map<number, Active>();
  private readonly log: Logger;
  private readonly crons: { schedule: JobSchedule; cron: Cron }[];
  private state: 'new' | 'running' | 'stopping' | 'stopped' = 'new';
  private wake: (() => void) | null = null;
  private loop: Promise<void> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private readonly onEnqueued = () => this.wake?.();
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly opts: RunnerOptions) {
    for (const d of opts.definitions) this.defs.set(d.name, d);
    this.log = (opts.log ?? pino({ level: process.env.LOG_LEVEL ?? 'info' })).child({ component: 'jobs', runner: this.instanceId });
    this.crons = (opts.schedules ?? []).map((schedule) => ({ schedule, cron: parseCron(schedule.cron) }));
  }

  private get now() {
    return this.opts.now ?? (() => new Date());
  }

  /** Re-queue what a dead runner left, then claim jobs and fire schedules until stopped. */
  async start(): Promise<void> {
    if (this.state !== 'new') return;
    this.state = 'running';
    liveHere.add(this.instanceId);
    await this.recover();
    await this.fireSchedules();
    jobSignals.on('enqueued', this.onEnqueued);
    const every = (ms: number, fn: () => Promise<unknown>) => {
      const t = setInterval(() => void fn().catch((e) => this.log.error({ err: e }, 'job runner housekeeping failed')), ms);
      t.unref();
      this.timers.push(t);
    };
    every(this.opts.heartbeatMs ?? 5_000, () => this.heartbeat());
    every(Math.max(1_000, (this.opts.staleMs ?? 60_000) / 2), () => this.recover());
    every(15_000, () => this.fireSchedules());
    every(3600_000, () => this.purge());
    this.loop = this.claimLoop();
  }

  /**
   * Stop claiming; let running jobs finish within `graceMs`; abort and re-queue
   * the rest (without counting the attempt), so a restart picks them up.
   */
  async stop(graceMs = 10_000): Promise<void> {
    if (this.state === 'stopped' || this.state === 'new') {
      this.state = 'stopped';
      return;
    }
    this.state = 'stopping';
    jobSignals.off('enqueued', this.onEnqueued);
    for (const t of this.timers) clearInterval(t);
    this.wake?.();
    await this.loop;
    const all = Promise.allSettled([...this.active.values()].map((a) => a.done));
    const grace = new Promise<'grace'>((r) => setTimeout(() => r('grace'), graceMs).unref());
    if ((await Promise.race([all.then(() => 'done' as const), grace])) === 'grace') {
      const left = [...this.active.values()];
      for (const a of left) a.controller.abort(new Error('runner stopping'));
      await query(
        this.opts.db,
        sql`update jobs set state = 'queued', attempts = greatest(attempts - 1, 0), locked_by = null, run_at = now(), updated_at = now(),
          progress_text = 'interrupted: queued again' where state = 'running' and locked_by = ${this.instanceId}`,
      );
      this.log.warn({ jobs: left.map((a) => a.row.id) }, 'runner stopped with jobs running: queued again');
      await Promise.race([Promise.allSettled(left.map((a) => a.done)), new Promise((r) => setTimeout(r, 1_000).unref())]);
    }
    this.state = 'stopped';
    liveHere.delete(this.instanceId);
  }

  /**
   * Resolves when no job is due or waiting to be retried and none runs here:
   * what tests and the CLI wait for. Jobs queued for a later time are not waited for.
   */
  async waitIdle(timeoutMs = 120_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      if (this.active.size === 0) {
        const [due] = await query<{ n: number }>(
          this.opts.db,
          sql`select count(*)::int as n from jobs where name in (${sql.join([...this.defs.keys()].map((n) => sql`${n}`), sql`, `)})
            and ((state = 'queued' and (run_at <= now() or attempts > 0)) or (state = 'running' and locked_by = ${this.instanceId}))`,
        );
        if (due.n === 0 && this.active.size === 0) return;
        this.wake?.();
      }
      if (Date.now() > until) throw new Error(`jobs still busy after ${timeoutMs} ms`);
      await new Promise<void>((r) => {
        const t = setTimeout(r, 50);
        this.idleWaiters.push(() => (clearTimeout(t), r()));
      });
    }
  }

  private async claimLoop(): Promise<void> {
    const concurrency = this.opts.concurrency ?? 2;
    let failures = 0;
    while (this.state === 'running') {
      try {
        while (this.state === 'running' && this.active.size < concurrency) {
          const row = await this.claim();
          if (!row) break;
          this.begin(row);
        }
        failures = 0;
      } catch (e) {
        // The database may be restarting: log, wait longer each time, go on.
        failures++;
        this.log.error({ err: e }, 'claiming jobs failed');
      }
      await new Promise<void>((r) => {
        const t = setTimeout(r, Math.min(30_000, (this.opts.pollMs ?? 1_000) * 2 ** failures));
        t.unref();
        this.wake = () => (clearTimeout(t), r());
      });
      this.wake = null;
    }
  }

  private async claim(): Promise<JobRow | null> {
    const names = [...this.defs.keys()];
    if (!names.length) return null;
    const [row] = await query<JobRow>(
      this.opts.db,
      sql`update jobs set state = 'running', attempts = attempts + 1, locked_by = ${this.instanceId}, heartbeat_at = now(),
          started_at = now(), updated_at = now(), error = null
        where id = (select j.id from jobs j
          left join lateral (select count(*)::int as n from jobs r where r.state = 'running' and r.org_id is not distinct from j.org_id) running on true
          where j.state = 'queued' and j.run_at <= now()
          and j.name in (${sql.join(names.map((n) => sql`${n}`), sql`, `)})
          and running.n < ${this.opts.perOrgConcurrency ?? 1_000_000}
          order by running.n, j.run_at, j.id limit 1 for update of j skip locked)
        returning ${jobColumns}`,
    );
    return row ?? null;
  }

  private begin(row: JobRow): void {
    const controller = new AbortController();
    const done = this.execute(row, controller)
      .catch((e) => this.log.error({ err: e, jobId: row.id }, 'job bookkeeping failed'))
      .finally(() => {
        this.active.delete(row.id);
        this.wake?.();
        for (const w of this.idleWaiters.splice(0)) w();
      });
    this.active.set(row.id, { row, controller, done });
  }

  private async execute(row: JobRow, controller: AbortController): Promise<void> {
    const db = this.opts.db;
    const def = this.defs.get(row.name)!;
    const log = this.log.child({ jobId: row.id, job: row.name, attempt: row.attempts });
    const mine = sql`id = ${row.id} and state = 'running' and locked_by = ${this.instanceId} and attempts = ${row.attempts}`;
    const t0 = performance.now();
    log.info({ orgId: row.orgId }, 'job started');
    const ctx: JobContext = {
      db,
      signal: controller.signal,
      log,
      now: this.now,
      job: { id: row.id, attempt: row.attempts, maxAttempts: row.maxAttempts, orgId: row.orgId, createdBy: row.createdBy },
      progress: async (pct, text) => {
        await db.execute(sql`update jobs set progress = ${Math.max(0, Math.min(100, Math.round(pct)))},
          progress_text = coalesce(${text ?? null}, progress_text), heartbeat_at = now(), updated_at = now() where ${mine}`);
      },
    };
    const timeout = setTimeout(() => controller.abort(new Error(`time limit of ${row.timeoutSeconds} s reached`)), row.timeoutSeconds * 1000);
    try {
      const aborted = new Promise<never>((_, reject) => {
        const fail = () => reject(controller.signal.reason instanceof Error ? controller.signal.reason : new Error('aborted'));
        if (controller.signal.aborted) fail();
        else controller.signal.addEventListener('abort', fail, { once: true });
      });
      aborted.catch(() => undefined);
      // A handler that ignores the signal is left behind: its late writes to the job row are refused by `mine`.
      const result = await Promise.race([(async () => def.handler(def.payload.parse(row.payload), ctx))(), aborted]);
      await db.execute(sql`update jobs set state = 'completed', progress = 100, result = ${JSON.stringify(result ?? null)}::jsonb,
        finished_at = now(), updated_at = now(), locked_by = null where ${mine}`);
      log.info({ ms: Math.round(performance.now() - t0) }, 'job completed');
    } catch (e) {
      const reason = controller.signal.aborted ? String(controller.signal.reason) : '';
      // Stopping re-queues the job itself; a cancelled row is left as it is.
      if (reason.includes('runner stopping') || reason.includes('cancelled')) {
        log.warn({ reason }, 'job interrupted');
        return;
      }
      // A refusal with a stable code (nothing to select, a budget run out) would only be refused again: no retry.
      await this.failed(row, def, errorText(e), log, mine, e instanceof AppError || e instanceof ComputeError);
    } finally {
      clearTimeout(timeout);
    }
  }

  /** Retry with backoff while attempts are left; otherwise fail for good and tell the definition. */
  private async failed(row: JobRow, def: AnyJobDefinition, error: string, log: Logger, mine: SQL, final = false): Promise<void> {
    const db = this.opts.db;
    if (!final && row.attempts < row.maxAttempts) {
      const delay = (def.backoffSeconds ?? 5) * 2 ** (row.attempts - 1);
      await db.execute(sql`update jobs set state = 'queued', error = ${error}, locked_by = null, updated_at = now(),
        run_at = now() + make_interval(secs => ${delay}) where ${mine}`);
      log.warn({ error, retryInSeconds: delay }, 'job failed; will retry');
      return;
    }
    const [gone] = await query<{ id: number }>(
      db,
      sql`update jobs set state = 'failed', error = ${error}, finished_at = now(), updated_at = now(), locked_by = null where ${mine} returning id`,
    );
    log.error({ error }, 'job failed for good');
    if (gone) await this.finalFailure(def, row, error, log);
  }

  private async finalFailure(def: AnyJobDefinition, row: JobRow, error: string, log: Logger): Promise<void> {
    if (!def.onFailed) return;
    try {
      await def.onFailed(def.payload.parse(row.payload), error, { db: this.opts.db, log, now: this.now });
    } catch (e) {
      log.error({ err: e }, 'job failure handler failed');
    }
  }

  /** Keeps our running rows alive; a row cancelled meanwhile gets its handler aborted. */
  private async heartbeat(): Promise<void> {
    if (!this.active.size) return;
    // Only the jobs running here when the statement is sent. One claimed while it is under way is missing from its
    // answer without having been cancelled; it used to be aborted as cancelled and left `running` under this live
    // runner, which nobody recovers (seen under load: the two-runner test waited for it until it timed out).
    const asked = [...this.active.keys()];
    const alive = await query<{ id: number }>(
      this.opts.db,
      sql`update jobs set heartbeat_at = now() where state = 'running' and locked_by = ${this.instanceId} returning id`,
    );
    const ids = new Set(alive.map((a) => a.id));
    for (const id of asked) if (!ids.has(id)) this.active.get(id)?.controller.abort(new Error('cancelled'));
  }

  /**
   * Running rows whose runner is gone: a stale heartbeat, a process of this
   * host that no longer exists, or (PGlite) any runner but this one. Queued
   * again while attempts are left, failed otherwise.
   */
  private async recover(): Promise<void> {
    const db = this.opts.db;
    const rows = await query<JobRow & { stale: boolean }>(
      db,
      sql`select ${jobColumns}, heartbeat_at < now() - make_interval(secs => ${(this.opts.staleMs ?? 60_000) / 1000}) as stale
        from jobs where state = 'running' and locked_by is distinct from ${this.instanceId}`,
    );
    const host = os.hostname();
    for (const r of rows) {
      const [h, pid] = (r.lockedBy ?? '').split('/');
      // A runner alive in this process is only slow (a long transaction on PGlite holds the heartbeat back): never take its job.
      if (liveHere.has(r.lockedBy ?? '')) continue;
      const dead =
        Number(pid) === process.pid ||
        r.stale ||
        r.heartbeatAt === null ||
        this.opts.exclusive ||
        (h === host && !processAlive(Number(pid)));
      if (!dead) continue;
      const def = this.defs.get(r.name);
      const last = r.attempts >= r.maxAttempts;
      const [moved] = await query<{ id: number }>(
        db,
        sql`update jobs set state = ${last ? 'failed' : 'queued'}, locked_by = null, run_at = now(), updated_at = now(),
          error = 'the process running it stopped', finished_at = ${last ? sql`now()` : sql`null`}
          where id = ${r.id} and state = 'running' and locked_by is not distinct from ${r.lockedBy} returning id`,
      );
      if (!moved) continue;
      const log = this.log.child({ jobId: r.id, job: r.name });
      log.warn({ previousRunner: r.lockedBy, attempts: r.attempts }, last ? 'job cut off with no attempts left: failed' : 'job cut off: queued again');
      if (last && def) await this.finalFailure(def, r, 'the process running it stopped', log);
    }
    if (rows.length) this.wake?.();
  }

  /** Each schedule's latest slot becomes one job; the unique slot key makes a second insert a no-op. */
  private async fireSchedules(): Promise<void> {
    for (const { schedule, cron } of this.crons) {
      const slot = latestSlot(cron, this.now(), schedule.catchUpMinutes ?? 60);
      if (!slot) continue;
      const { job, created } = await enqueueJob(this.opts.db, schedule.job, schedule.payload(slot), {
        orgId: schedule.orgId ?? null,
        slotKey: slotKey(slot),
      });
      if (created) this.log.info({ jobId: job.id, job: job.name, slot: slotKey(slot) }, 'scheduled job queued');
    }
  }

  private async purge(): Promise<void> {
    const days = this.opts.keepDays ?? 14;
    await this.opts.db.execute(sql`delete from jobs where (
      (state in ('completed', 'cancelled') and finished_at < now() - make_interval(days => ${days}))
      or (state = 'failed' and finished_at < now() - make_interval(days => ${days * 3})))`);
  }
}

function processAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}
