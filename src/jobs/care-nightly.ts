// The nightly care run (01:20 Asia/Shanghai), for every org: overdue tasks for
// expired proofs and re-checks, the care calendar's visits put on the visit
// calendars, licence-anniversary greetings, and open disasters checked for
// recovery. Each step is keyed or recomputed, so a rerun after a cut-off is harmless.
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import { closeRecoveredDisasters } from '../app/care/disaster-recovery.js';
import { generateCareTasks } from '../app/care/care-tasks.js';
import { query } from '../db/client.js';
import { defineJob } from './define-job.js';
import type { JobSchedule } from './runner.js';

export const careNightlyJob = defineJob({
  name: 'care-nightly',
  payload: z.object({}),
  maxAttempts: 3,
  timeoutSeconds: 600,
  visibleTo: 'care.manage',
  handler: async (_payload, ctx) => {
    const orgs = await query<{ id: number }>(ctx.db, sql`select id from orgs order by id`);
    const out: Record<string, unknown> = {};
    for (const { id } of orgs) {
      if (ctx.signal.aborted) throw new Error('aborted');
      const tasks = await generateCareTasks(ctx.db, id, ctx.now());
      const recovery = await closeRecoveredDisasters(ctx.db, id, ctx.now());
      out[id] = { ...tasks, closedDisasters: recovery.closed };
    }
    return out;
  },
});

export const careSchedules: JobSchedule[] = [{ cron: '20 1 * * *', job: careNightlyJob, payload: () => ({}) }];
