// The notice jobs: sending (every minute, and at once after a notice is
// queued) and generating the order-window reminders and nudges (hourly).
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query, type Db } from '../../db/client.js';
import { generateReminders, generateWindowNotices } from '../../app/notices/generate-window-notices.js';
import { ingestOutbox } from '../../app/notices/ingest-outbox.js';
import { generateGreetings } from '../../app/notices/generate-greetings.js';
import { defineJob } from '../define-job.js';
import { enqueueJob, notifyJobRunners } from '../job-queue.js';
import type { JobSchedule } from '../runner.js';
import { dispatchNotices } from './dispatch-notices.js';
import { noticeConfig } from './notice-config.js';

export const dispatchNoticesJob = defineJob({
  name: 'notices-dispatch',
  payload: z.object({}),
  maxAttempts: 3,
  timeoutSeconds: 120,
  backoffSeconds: 5,
  handler: async (_payload, ctx) => {
    // Outbox rows written by ordering (failed deductions) become notices within a minute.
    const orgs = await query<{ orgId: number }>(ctx.db, sql`select distinct org_id as "orgId" from outbox where sent_at is null`);
    for (const o of orgs) await ingestOutbox(ctx.db, o.orgId, ctx.now());
    return dispatchNotices(ctx.db, noticeConfig(), { now: ctx.now, deadlineMs: 50_000, signal: ctx.signal });
  },
});

export const generateNoticesJob = defineJob({
  name: 'notices-generate',
  payload: z.object({}),
  maxAttempts: 3,
  timeoutSeconds: 600,
  backoffSeconds: 30,
  handler: async (_payload, ctx) => {
    // Counties only: a province or city company has no shops of its own (decision 1910).
    const orgs = await query<{ id: number }>(ctx.db, sql`select id from orgs o where not exists (select 1 from org_units u where u.org_id = o.id and u.level <> 'county') order by id`);
    // The reminders of every county in two statements, then each county's nudges and greetings.
    const reminders = await generateReminders(ctx.db, orgs.map((o) => o.id), ctx.now());
    const out: Record<string, unknown>[] = [{ reminders }];
    for (const org of orgs) out.push({ orgId: org.id, ...(await generateWindowNotices(ctx.db, org.id, ctx.now())), greetings: await generateGreetings(ctx.db, org.id, ctx.now()) });
    await requestDispatch(ctx.db);
    return { orgs: out };
  },
});

export const noticeSchedules: JobSchedule[] = [
  { cron: '* * * * *', job: dispatchNoticesJob, payload: () => ({}), catchUpMinutes: 2 },
  // Hourly: windows opening in the next day get their reminder, windows closing in the next day their nudge; festival and birthday greetings from 09:00.
  { cron: '5 * * * *', job: generateNoticesJob, payload: () => ({}) },
];

/** Send soon: one dispatch job at a time (a singleton), woken now. Call after the transaction that queued notices. */
export async function requestDispatch(db: Db): Promise<void> {
  await enqueueJob(db, dispatchNoticesJob, {}, { singletonKey: 'notices-dispatch' });
  notifyJobRunners();
}
