// Every night at 03:10 Shanghai: the four measures of every active shop and
// the month's score sheets, per org (decision 1710). Re-running a night
// replaces that night's rows, so a cut-off job simply runs again. The nightly
// job without an org queues one job per county under that county's org
// (decision 1924), so a province's counties run in parallel, claimed fairly
// (1914), each with its own progress and retries, and a failing county does
// not hold up or repeat the others.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import type { Viewer } from '../domain/access/viewer.js';
import { writeAudit } from '../app/audit/audit.js';
import { enqueueJob, type JobRow } from './job-queue.js';
import { beijingDate } from '../app/ordering/order-reminders.js';
import { runNightlyMeasures, type NightlyResult } from '../app/measures/run-nightly-measures.js';
import { findCountyOrgIds } from '../app/org-tree/queue-rollups.js';
import { isoDateSchema } from '../shared/primitives.js';
import { defineJob } from './define-job.js';
import type { JobSchedule } from './runner.js';

export const measuresNightlyJob = defineJob({
  name: 'measures-nightly',
  payload: z.object({ orgId: z.number().int().optional(), asOf: isoDateSchema.optional() }),
  maxAttempts: 3,
  timeoutSeconds: 1800,
  visibleTo: 'measure.read',
  handler: async (payload, ctx): Promise<NightlyResult | { asOf: string; queued: number[] }> => {
    const asOf = payload.asOf ?? beijingDate(ctx.now());
    if (payload.orgId) return runNightlyMeasures(ctx.db, payload.orgId, asOf, (pct, text) => ctx.progress(pct, text));
    const queued = await queueCountyMeasures(ctx.db, await findCountyOrgIds(ctx.db), asOf, ctx.job.createdBy);
    return { asOf, queued };
  },
});

/** One measures job per county for the night `asOf`, each under its county (a county's night already waiting is not queued twice). */
export async function queueCountyMeasures(db: Db, countyIds: number[], asOf: string, createdBy: number | null): Promise<number[]> {
  for (const orgId of countyIds) await enqueueJob(db, measuresNightlyJob, { orgId, asOf }, { orgId, createdBy, singletonKey: `org:${orgId}` });
  return countyIds;
}

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
