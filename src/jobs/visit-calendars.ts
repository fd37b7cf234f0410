// Visit calendars are made by jobs, never inside a GET: POST /api/visit-plans
// and a change of the visit rules queue them, a nightly schedule makes the
// missing ones of the current and next cycle, and a GET that finds none
// queues one (a singleton per worker and cycle) and says it is being planned.
// Each worker's plan is replaced in one transaction, so a job cut off by a
// dead process runs again to the same calendars.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { query, type Db } from '../db/client.js';
import { getVisitSettings } from '../app/visits/visit-config-queries.js';
import { addDays, cycleOf, localDate } from '../domain/visits/visit-cycle.js';
import { defineJob } from './define-job.js';
import { enqueueJob, notifyJobRunners, type JobRow } from './job-queue.js';
import { defaultDistanceProvider, planVisitCalendars, planVisitCalendarsPayload, type PlanVisitCalendarsPayload } from './plan-visit-calendars.js';
import type { JobSchedule } from './runner.js';

export const visitCalendarsJob = defineJob({
  name: 'visit-calendars',
  payload: planVisitCalendarsPayload,
  maxAttempts: 3,
  timeoutSeconds: 1800,
  backoffSeconds: 5,
  visibleTo: 'visit.route',
  handler: async (payload, ctx) => {
    const result = await planVisitCalendars(ctx.db, payload, ctx.now(), {}, defaultDistanceProvider(), async (done, total) => {
      ctx.signal.throwIfAborted();
      await ctx.progress((100 * done) / Math.max(1, total), `${done}/${total}`);
    });
    return {
      cycleStart: result.cycleStart,
      cycleEnd: result.cycleEnd,
      workers: result.workers.map(({ workerId, retailers, visits, km, unplanned }) => ({ workerId, retailers, visits, km, unplanned })),
    };
  },
});

/** Nightly: every org's missing calendars of the current and the next cycle, one job each. */
export const visitCalendarsNightlyJob = defineJob({
  name: 'visit-calendars-nightly',
  payload: z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/) }),
  maxAttempts: 3,
  handler: async ({ date }, ctx) => {
    // Counties only: a province or city company has no shops of its own (decision 1910).
    const orgs = await query<{ id: number }>(ctx.db, sql`select id from orgs o where not exists (select 1 from org_units u where u.org_id = o.id and u.level <> 'county') order by id`);
    const queued: number[] = [];
    for (const org of orgs) {
      const settings = await getVisitSettings(ctx.db, org.id);
      const cycle = cycleOf(date, settings.cycleAnchor, settings.cycleWeeks);
      for (const day of [cycle.start, addDays(cycle.end, 1)]) {
        const { job } = await requestCalendars(ctx.db, { orgId: org.id, date: day, onlyMissing: true }, { key: `cal:${org.id}:${day}:missing` });
        queued.push(job.id);
      }
    }
    return { queued };
  },
});

export const visitCalendarSchedules: JobSchedule[] = [
  // 01:30 Shanghai: the day's calendars are ready before the first worker opens the phone.
  { cron: '30 1 * * *', job: visitCalendarsNightlyJob, payload: (slot) => ({ date: localDate(slot) }) },
];

/** Queue calendars (a singleton per key: asking again while one is queued or running gets that job). */
export async function requestCalendars(
  db: Db,
  payload: PlanVisitCalendarsPayload,
  opts: { key: string; createdBy?: number | null },
): Promise<{ job: JobRow; created: boolean }> {
  const queued = await enqueueJob(db, visitCalendarsJob, payload, { orgId: payload.orgId, createdBy: opts.createdBy ?? null, singletonKey: opts.key });
  notifyJobRunners();
  return queued;
}

/**
 * For a GET that found no calendar: the job making it, queued now if none is
 * active. Null when a job of that key finished in the last ten minutes and
 * still left none (a worker without shops or depot): nothing is being planned.
 */
export async function calendarBeingPlanned(db: Db, payload: PlanVisitCalendarsPayload, key: string, createdBy: number): Promise<JobRow | null> {
  const [last] = await query<{ state: string; recent: boolean }>(
    db,
    sql`select state, coalesce(finished_at > now() - interval '10 minutes', false) as recent from jobs
      where name = ${visitCalendarsJob.name} and singleton_key = ${key} order by id desc limit 1`,
  );
  if (last && last.recent && last.state === 'completed') return null;
  return (await requestCalendars(db, { ...payload, onlyMissing: true }, { key, createdBy })).job;
}

/** After the visit rules change: the next cycle's calendars are made again with them (the current one is left as the workers have it). */
export async function replanNextCycle(db: Db, orgId: number, today: string, createdBy: number): Promise<JobRow> {
  const settings = await getVisitSettings(db, orgId);
  const next = addDays(cycleOf(today, settings.cycleAnchor, settings.cycleWeeks).end, 1);
  return (await requestCalendars(db, { orgId, date: next }, { key: `cal:${orgId}:${next}:all`, createdBy })).job;
}
