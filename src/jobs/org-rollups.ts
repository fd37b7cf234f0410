// Roll-up figures of the org tree (decision 1911): `org-rollup` computes one
// county's row; `org-rollups` (every 15 minutes, and on a refresh from the
// roll-up screen) queues one per county, each under its county's org so the
// runner shares its slots fairly between counties.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { refreshCountyRollup } from '../app/org-tree/county-rollup.js';
import { countiesToRefresh } from '../app/org-tree/queue-rollups.js';
import { defineJob } from './define-job.js';
import { enqueueJob } from './job-queue.js';
import type { JobSchedule } from './runner.js';

export const orgRollupJob = defineJob({
  name: 'org-rollup',
  payload: z.object({ orgId: z.number().int().positive() }),
  maxAttempts: 3,
  timeoutSeconds: 600,
  visibleTo: 'rollup.read',
  handler: async ({ orgId }, ctx) => {
    await refreshCountyRollup(ctx.db, orgId, ctx.now());
    return { orgId };
  },
});

/** Queues a county's roll-up unless one is already waiting. */
export async function queueCountyRollups(db: Db, countyIds: number[], createdBy: number | null): Promise<number> {
  for (const orgId of countyIds) await enqueueJob(db, orgRollupJob, { orgId }, { orgId, createdBy, singletonKey: `org-rollup:${orgId}` });
  return countyIds.length;
}

export const orgRollupsJob = defineJob({
  name: 'org-rollups',
  payload: z.object({ rootId: z.number().int().positive().nullable() }),
  maxAttempts: 2,
  timeoutSeconds: 120,
  visibleTo: 'rollup.read',
  handler: async ({ rootId }, ctx) => ({ queued: await queueCountyRollups(ctx.db, await countiesToRefresh(ctx.db, rootId), ctx.job.createdBy) }),
});

export const orgRollupSchedules: JobSchedule[] = [{ cron: '*/15 * * * *', job: orgRollupsJob, payload: () => ({ rootId: null }) }];
