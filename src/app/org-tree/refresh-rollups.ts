// "Refresh" on the roll-up screen: one job that queues a roll-up job per county of the viewer's company.
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { enqueueJob, type JobRow } from '../../jobs/job-queue.js';
import { orgRollupsJob } from '../../jobs/org-rollups.js';

export async function refreshRollups(db: Db, viewer: Viewer): Promise<JobRow> {
  const home = viewer.regional?.homeOrgId ?? viewer.orgId;
  const { job } = await enqueueJob(db, orgRollupsJob, { rootId: home }, { orgId: home, createdBy: viewer.userId, singletonKey: `org-rollups:${home}` });
  return job;
}
