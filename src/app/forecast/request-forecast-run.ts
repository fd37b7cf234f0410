// Marketing asks for a fresh forecast (after a correction of last week's
// orders, say): the forecasts job for this org, one at a time.
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { enqueueJob } from '../../jobs/job-queue.js';
import { forecastsJob } from '../../jobs/forecasts.js';
import { writeAudit } from '../audit/audit.js';

export async function requestForecastRun(db: Db, viewer: Viewer, now: Date): Promise<{ jobId: number }> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { job } = await enqueueJob(t, forecastsJob, { orgId: viewer.orgId }, { orgId: viewer.orgId, createdBy: viewer.userId, singletonKey: `forecasts:${viewer.orgId}` });
    await writeAudit(tx, viewer, { action: 'create', entity: 'forecast_run', entityIds: [job.id], detail: {} }, now);
    return { jobId: job.id };
  });
}
