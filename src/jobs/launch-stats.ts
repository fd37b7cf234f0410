// Recomputing a launch's measures (品牌培育): queued when a launch is made or
// a recompute is asked for, and nightly for every launch still running.
import { z } from 'zod';
import { sql } from 'drizzle-orm';
import { query } from '../db/client.js';
import { analyzeLaunchInputs, recomputeLaunchStats } from '../app/cultivation/recompute-launch-stats.js';
import { localDate } from '../domain/visits/visit-cycle.js';
import { defineJob } from './define-job.js';
import type { JobSchedule } from './runner.js';

export const launchStatsJob = defineJob({
  name: 'launch-stats',
  payload: z.object({ orgId: z.number().int().optional(), launchId: z.number().int().optional() }),
  maxAttempts: 3,
  timeoutSeconds: 600,
  visibleTo: 'launch.read',
  handler: async (payload, ctx) => {
    const now = ctx.now();
    const today = localDate(now);
    // Launches still running, or finished within the last week (their last week completes).
    const launches = await query<{ orgId: number; id: number }>(
      ctx.db,
      sql`select org_id as "orgId", id from launches
        where (${payload.orgId ?? null}::int is null or org_id = ${payload.orgId ?? null}::int)
          and (${payload.launchId ?? null}::int is null or id = ${payload.launchId ?? null}::int)
          and (${payload.launchId ?? null}::int is not null or launch_week + 7 * (weeks + 1) > ${today}::date)
        order by org_id, launch_week, id`,
    );
    if (launches.length) await analyzeLaunchInputs(ctx.db);
    let warnings = 0;
    for (const [i, l] of launches.entries()) {
      if (ctx.signal.aborted) throw new Error('aborted');
      warnings += (await recomputeLaunchStats(ctx.db, l.orgId, l.id, now)).warnings.length;
      await ctx.progress(Math.round(((i + 1) * 100) / launches.length));
    }
    return { launches: launches.length, warnings };
  },
});

export const launchStatsSchedules: JobSchedule[] = [{ cron: '40 2 * * *', job: launchStatsJob, payload: () => ({}) }];
