// Every night at 03:10 Shanghai: the four measures of every active shop and
// the month's score sheets, per org (decision 1710). Re-running a night
// replaces that night's rows, so a cut-off job simply runs again.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Viewer } from '../domain/access/viewer.js';
import { writeAudit } from '../app/audit/audit.js';
import { enqueueJob, type JobRow } from './job-queue.js';
import { beijingDate } from '../app/ordering/order-reminders.js';
import { findOrgIds, runNightlyMeasures, type NightlyResult } from '../app/measures/run-nightly-measures.js';
import { isoDateSchema } from '../shared/primitives.js';
import { defineJob } from './define-job.js';
import type { JobSchedule } from './runner.js';

export const measuresNightlyJob = defineJob({
  name: 'measures-nightly',
  payload: z.object({ orgId: z.number().int().optional(), asOf: isoDateSchema.optional() }),
  maxAttempts: 3,
  timeoutSeconds: 1800,
  visibleTo: 'measure.read',
  handler: async (payload, ctx): Promise<NightlyResult[]> => {
    const asOf = payload.asOf ?? beijingDate(ctx.now());
    const orgIds = payload.orgId ? [payload.orgId] : await findOrgIds(ctx.db);
    const out: NightlyResult[] = [];
    for (const orgId of orgIds) {
      ctx.signal.throwIfAborted();
      out.push(await runNightlyMeasures(ctx.db, orgId, asOf, (pct, text) => ctx.progress(pct, text)));
    }
    return out;
  },
});

export const measuresNightlySchedules: JobSchedule[] = [{ cron: '10 3 * * *', job: measuresNightlyJob, payload: () => ({}) }];

/** A run now for the viewer's org (marketing, after changing the weights): one at a time per org, audited with the job. */
export async function queueMeasuresRun(db: Db, viewer: Viewer, asOf: string | undefined, now: Date): Promise<JobRow> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { job, created } = await enqueueJob(t, measuresNightlyJob, { orgId: viewer.orgId, ...(asOf ? { asOf } : {}) }, { orgId: viewer.orgId, createdBy: viewer.userId, singletonKey: `org:${viewer.orgId}` });
    void created;
    await writeAudit(t, viewer, { action: 'create', entity: 'measures_run', entityIds: [job.id], detail: { asOf: asOf ?? null } }, now);
    return job;
  });
}
