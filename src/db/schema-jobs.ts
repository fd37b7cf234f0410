// Durable jobs (issue 12): one row per piece of background work, claimed by a
// runner with FOR UPDATE SKIP LOCKED, so work survives a restart and several
// runners (the server, `npm run worker`) can share one queue. Jobs are
// infrastructure, so org_id may be null (a job for no tenant).
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs, users } from './schema.js';
import type { JOB_STATES } from '../shared/jobs.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

export type JobState = (typeof JOB_STATES)[number];

/** state: queued → running → completed | failed (after max_attempts) | cancelled; a retry goes back to queued with a later run_at. */
export const jobs = pgTable(
  'jobs',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').references(() => orgs.id),
    name: text('name').notNull(),
    payload: jsonb('payload').$type<unknown>().notNull(),
    state: text('state').$type<JobState>().notNull().default('queued'),
    attempts: integer('attempts').notNull().default(0),
    maxAttempts: integer('max_attempts').notNull().default(3),
    /** Not claimed before this time: backoff after a failure, or a scheduled start. */
    runAt: at('run_at').notNull().defaultNow(),
    timeoutSeconds: integer('timeout_seconds').notNull().default(600),
    /** At most one queued or running job per (name, key): a second enqueue gets the active one. */
    singletonKey: text('singleton_key'),
    /** The cron slot this job was made for: a slot fires once, whatever the number of runners or restarts. */
    slotKey: text('slot_key'),
    progress: smallint('progress').notNull().default(0),
    progressText: text('progress_text').notNull().default(''),
    result: jsonb('result').$type<unknown>(),
    error: text('error'),
    /** The runner instance holding the job ("host/pid/random") and its last sign of life. */
    lockedBy: text('locked_by'),
    heartbeatAt: at('heartbeat_at'),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    startedAt: at('started_at'),
    finishedAt: at('finished_at'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('jobs_singleton_active')
      .on(t.name, t.singletonKey)
      .where(sql`singleton_key is not null and state in ('queued', 'running')`),
    uniqueIndex('jobs_slot').on(t.name, t.slotKey).where(sql`slot_key is not null`),
    index('jobs_due').on(t.runAt, t.id).where(sql`state = 'queued'`),
    index('jobs_running').on(t.lockedBy).where(sql`state = 'running'`),
    index('jobs_org').on(t.orgId, t.name, t.createdAt),
  ],
);
