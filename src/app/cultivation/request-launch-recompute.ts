// Marketing asks for a launch's measures now (after late orders or visits):
// one job per launch at a time, and the audit row.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { enqueueJob } from '../../jobs/job-queue.js';
import { launchStatsJob } from '../../jobs/launch-stats.js';
import { writeAudit } from '../audit/audit.js';

export async function requestLaunchRecompute(db: Db, viewer: Viewer, id: number, now: Date): Promise<{ jobId: number }> {
  const [l] = await query<{ id: number }>(db, sql`select id from launches where org_id = ${viewer.orgId} and id = ${id}`);
  if (!l) throw new AppError('not_found');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const { job } = await enqueueJob(t, launchStatsJob, { orgId: viewer.orgId, launchId: id }, { orgId: viewer.orgId, createdBy: viewer.userId, singletonKey: `launch-stats:${id}` });
    await writeAudit(tx, viewer, { action: 'update', entity: 'launch', entityIds: [id], detail: { recompute: true, jobId: job.id } }, now);
    return { jobId: job.id };
  });
}
