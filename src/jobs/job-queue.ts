// Putting work on the queue and reading it back. Enqueue is a plain insert, so
// it can share the caller's transaction; runners in this process are woken at
// once, others find the row on their next poll.
import { EventEmitter } from 'node:events';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../db/client.js';
import type { JobState } from '../db/schema-jobs.js';
import type { JobDefinition } from './define-job.js';

export type JobRow = {
  id: number;
  orgId: number | null;
  name: string;
  payload: unknown;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  timeoutSeconds: number;
  singletonKey: string | null;
  slotKey: string | null;
  progress: number;
  progressText: string;
  result: unknown;
  error: string | null;
  lockedBy: string | null;
  heartbeatAt: Date | null;
  createdBy: number | null;
  createdAt: Date;
  startedAt: Date | null;
  finishedAt: Date | null;
};

export const jobColumns = sql`id, org_id as "orgId", name, payload, state, attempts, max_attempts as "maxAttempts", run_at as "runAt",
  timeout_seconds as "timeoutSeconds", singleton_key as "singletonKey", slot_key as "slotKey", progress, progress_text as "progressText",
  result, error, locked_by as "lockedBy", heartbeat_at as "heartbeatAt", created_by as "createdBy", created_at as "createdAt",
  started_at as "startedAt", finished_at as "finishedAt"`;

/** Wakes the runners of this process when a job is queued. */
export const jobSignals = new EventEmitter();
jobSignals.setMaxListeners(100);

/** Wake this process's runners; call it after the transaction that queued a job has committed. */
export function notifyJobRunners(): void {
  jobSignals.emit('enqueued');
}

export type EnqueueOptions = {
  orgId?: number | null;
  createdBy?: number | null;
  /** While a job of this name and key is queued or running, enqueue returns it instead of adding one. */
  singletonKey?: string;
  /** Not before this time (default: now). */
  runAt?: Date;
  delaySeconds?: number;
  maxAttempts?: number;
  timeoutSeconds?: number;
  /** Internal: the cron slot. */
  slotKey?: string;
};

/**
 * Queue one job of `def` with `payload` (checked against its schema). With a
 * singleton key the active job of that key is returned (`created: false`).
 * `db` may be a transaction: the job then exists only if it commits.
 */
export async function enqueueJob<P>(db: Db, def: JobDefinition<P, unknown>, payload: P, opts: EnqueueOptions = {}): Promise<{ job: JobRow; created: boolean }> {
  const data = def.payload.parse(payload);
  const runAt = opts.runAt ? sql`${opts.runAt.toISOString()}::timestamptz` : opts.delaySeconds ? sql`now() + make_interval(secs => ${opts.delaySeconds})` : sql`now()`;
  // A singleton's active job may finish between the refused insert and the read: then insert again.
  for (let tries = 0; tries < 3; tries++) {
    const [row] = await query<JobRow>(
      db,
      sql`insert into jobs (org_id, name, payload, max_attempts, timeout_seconds, run_at, singleton_key, slot_key, created_by)
        values (${opts.orgId ?? null}, ${def.name}, ${JSON.stringify(data)}::jsonb, ${opts.maxAttempts ?? def.maxAttempts ?? 3},
          ${opts.timeoutSeconds ?? def.timeoutSeconds ?? 600}, ${runAt}, ${opts.singletonKey ?? null}, ${opts.slotKey ?? null}, ${opts.createdBy ?? null})
        on conflict do nothing
        returning ${jobColumns}`,
    );
    if (row) {
      notifyJobRunners();
      return { job: row, created: true };
    }
    if (opts.slotKey) {
      const [slot] = await query<JobRow>(db, sql`select ${jobColumns} from jobs where name = ${def.name} and slot_key = ${opts.slotKey}`);
      if (slot) return { job: slot, created: false };
    }
    if (opts.singletonKey) {
      const [active] = await query<JobRow>(
        db,
        sql`select ${jobColumns} from jobs where name = ${def.name} and singleton_key = ${opts.singletonKey} and state in ('queued', 'running')`,
      );
      if (active) return { job: active, created: false };
    }
  }
  throw new Error(`enqueue ${def.name}: the insert was refused and no active job was found`);
}

export async function findJob(db: Db, id: number): Promise<JobRow | null> {
  const [row] = await query<JobRow>(db, sql`select ${jobColumns} from jobs where id = ${id}`);
  return row ?? null;
}

/** The active (queued or running) job of a singleton key, if any. */
export async function findActiveJob(db: Db, name: string, singletonKey: string): Promise<JobRow | null> {
  const [row] = await query<JobRow>(
    db,
    sql`select ${jobColumns} from jobs where name = ${name} and singleton_key = ${singletonKey} and state in ('queued', 'running')`,
  );
  return row ?? null;
}

/** Cancels a queued job at once; a running one is aborted at its runner's next heartbeat. */
export async function cancelJob(db: Db, id: number): Promise<boolean> {
  const rows = await query<{ id: number }>(
    db,
    sql`update jobs set state = 'cancelled', finished_at = now(), updated_at = now() where id = ${id} and state in ('queued', 'running') returning id`,
  );
  return rows.length > 0;
}

export const isFinished = (state: JobState) => state === 'completed' || state === 'failed' || state === 'cancelled';

/** Polls until the job has finished (completed, failed or cancelled) and returns its row. */
export async function waitForJob(db: Db, id: number, timeoutMs = 60_000): Promise<JobRow> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const row = await findJob(db, id);
    if (!row) throw new Error(`job ${id} not found`);
    if (isFinished(row.state)) return row;
    if (Date.now() > until) throw new Error(`job ${id} (${row.name}) still ${row.state} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
}
