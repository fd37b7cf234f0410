// Job: allocate a supply plan's scarce products (caps from history, quotas by
// the LP, limit rows). The allocation is one transaction, so a job cut off by
// a dead process left nothing behind and simply runs again with the same result.
import { z } from 'zod';
import { writeAudit } from '../app/audit/audit.js';
import type { Db } from '../db/client.js';
import { draftPlan, runAllocation } from '../app/ordering/supply-plans.js';
import type { Viewer } from '../domain/access/viewer.js';
import { defineJob } from './define-job.js';
import { enqueueJob, notifyJobRunners, type JobRow } from './job-queue.js';

export const allocateSupplyPlanJob = defineJob({
  name: 'supply-plan-allocate',
  payload: z.object({ orgId: z.number().int(), planId: z.number().int() }),
  maxAttempts: 3,
  timeoutSeconds: 1800,
  backoffSeconds: 10,
  visibleTo: 'supply.read',
  handler: async ({ orgId, planId }, ctx) => {
    // Progress is written beside the allocation's transaction, not awaited inside it: on PGlite it waits for the commit.
    const progress = (pct: number, step: string) => void ctx.progress(pct, step).catch(() => undefined);
    const results = await runAllocation(ctx.db, { orgId }, planId, ctx.now(), progress);
    return { planId, results };
  },
});

/**
 * Checks the plan can be allocated (404, 409 at once), then queues its
 * allocation; a second request while one is queued or running gets that job.
 */
export async function requestAllocation(db: Db, viewer: Viewer, planId: number, now: Date): Promise<JobRow> {
  const job = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await draftPlan(t, viewer, planId);
    const { job, created } = await enqueueJob(t, allocateSupplyPlanJob, { orgId: viewer.orgId, planId }, {
      orgId: viewer.orgId,
      createdBy: viewer.userId,
      singletonKey: `plan:${planId}`,
    });
    if (created) await writeAudit(t, viewer, { action: 'allocate', entity: 'supply_plan', entityIds: [planId], detail: { jobId: job.id } }, now);
    return job;
  });
  notifyJobRunners();
  return job;
}
