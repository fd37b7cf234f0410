// Demand forecasts: every Monday at 03:00 (Shanghai), after the order week
// closed, one job per org with orders (queued by the scheduled job, each under
// its org so the runner shares its slots fairly between counties, decision
// 1914); and on demand for one org.
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { query } from '../db/client.js';
import { computeForecasts } from '../app/forecast/compute-forecasts.js';
import { defineJob } from './define-job.js';
import { enqueueJob } from './job-queue.js';
import type { JobSchedule } from './runner.js';

export const forecastsJob = defineJob({
  name: 'forecasts',
  payload: z.object({ orgId: z.number().int().positive().optional() }),
  maxAttempts: 2,
  timeoutSeconds: 1800,
  visibleTo: 'supply.read',
  handler: async (payload, ctx) => {
    if (!payload.orgId) {
      const orgs = await query<{ id: number }>(ctx.db, sql`select id from orgs where exists (select 1 from orders o where o.org_id = orgs.id) order by id`);
      for (const org of orgs) {
        await enqueueJob(ctx.db, forecastsJob, { orgId: org.id }, { orgId: org.id, createdBy: ctx.job.createdBy, singletonKey: `forecasts:${org.id}` });
      }
      return { queued: orgs.length };
    }
    const r = await computeForecasts(ctx.db, payload.orgId, ctx.now(), { createdBy: ctx.job.createdBy, progress: (pct, text) => ctx.progress(pct, text) });
    return { runs: [{ orgId: payload.orgId, runId: r.runId, rows: r.rows }] };
  },
});

export const forecastSchedules: JobSchedule[] = [{ cron: '0 3 * * 1', job: forecastsJob, payload: () => ({}) }];
