// Demand forecasts: every Monday at 03:00 (Shanghai), after the order week
// closed, for every org with orders; and on demand for one org.
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { query } from '../db/client.js';
import { computeForecasts } from '../app/forecast/compute-forecasts.js';
import { defineJob } from './define-job.js';
import type { JobSchedule } from './runner.js';

export const forecastsJob = defineJob({
  name: 'forecasts',
  payload: z.object({ orgId: z.number().int().positive().optional() }),
  maxAttempts: 2,
  timeoutSeconds: 1800,
  visibleTo: 'supply.read',
  handler: async (payload, ctx) => {
    const orgs = payload.orgId
      ? [{ id: payload.orgId }]
      : await query<{ id: number }>(ctx.db, sql`select id from orgs where exists (select 1 from orders o where o.org_id = orgs.id) order by id`);
    const runs = [];
    for (const org of orgs) {
      ctx.signal.throwIfAborted();
      const r = await computeForecasts(ctx.db, org.id, ctx.now(), { createdBy: ctx.job.createdBy, progress: (pct, text) => ctx.progress(pct, text) });
      runs.push({ orgId: org.id, runId: r.runId, rows: r.rows });
    }
    return { runs };
  },
});

export const forecastSchedules: JobSchedule[] = [{ cron: '0 3 * * 1', job: forecastsJob, payload: () => ({}) }];
