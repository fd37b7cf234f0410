// Jobs: the map's proposals — an automatic grid partition and delivery points
// for remote shops. Each is a solver run of seconds to a minute on a county,
// so a request queues it (202) and the map follows its progress
// (decision 0801). Both only read and then insert one proposal, so a job cut
// off by a dead process simply runs again.
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { writeAudit } from '../app/audit/audit.js';
import { findViewerById } from '../app/auth/session-queries.js';
import { checkProposalRequest, createProposal, type ProposalInput } from '../app/grids/grid-proposals.js';
import { proposeDelivery } from '../app/grids/service-delivery.js';
import type { Viewer } from '../domain/access/viewer.js';
import { AppError } from '../shared/app-error.js';
import { deliveryRequestSchema } from '../shared/service-delivery.js';
import { defineJob } from './define-job.js';
import { enqueueJob, notifyJobRunners, type JobRow } from './job-queue.js';

/** The user who asked, as they are now (a user deactivated meanwhile gets nothing). */
async function viewerOf(db: Db, userId: number): Promise<Viewer> {
  const viewer = await findViewerById(db, userId);
  if (!viewer) throw new AppError('forbidden');
  return viewer;
}

const gridProposalPayload = z.object({
  userId: z.number().int(),
  input: z.object({ stationId: z.number().int().optional(), grids: z.number().int().optional(), targetWorkload: z.number().optional() }),
});

export const gridProposalJob = defineJob({
  name: 'grid-proposal',
  payload: gridProposalPayload,
  maxAttempts: 2,
  timeoutSeconds: 600,
  handler: async ({ userId, input }, ctx) => {
    const viewer = await viewerOf(ctx.db, userId);
    return createProposal(ctx.db, viewer, input, ctx.now(), (pct, text) => ctx.progress(pct, text));
  },
});

export const deliveryProposalJob = defineJob({
  name: 'delivery-proposal',
  payload: z.object({ userId: z.number().int(), opts: deliveryRequestSchema }),
  maxAttempts: 2,
  timeoutSeconds: 600,
  handler: async ({ userId, opts }, ctx) => {
    const viewer = await viewerOf(ctx.db, userId);
    return proposeDelivery(ctx.db, viewer, opts, (pct, text) => ctx.progress(pct, text));
  },
});

/**
 * Refuses at once what would only fail later, then queues the partition; one
 * per user at a time: asking again while one runs gets that one.
 */
export async function requestGridProposal(db: Db, viewer: Viewer, input: ProposalInput): Promise<JobRow> {
  await checkProposalRequest(db, viewer, input);
  const { job, created } = await enqueueJob(db, gridProposalJob, { userId: viewer.userId, input }, { orgId: viewer.orgId, createdBy: viewer.userId, singletonKey: `user:${viewer.userId}` });
  // Who asked, from where (the job's own row, written when the proposal is stored, has no request).
  if (created) await writeAudit(db, viewer, { action: 'create', entity: 'grid_proposal', entityIds: [], detail: { jobId: job.id, ...input } });
  notifyJobRunners();
  return job;
}

export async function requestDeliveryProposal(db: Db, viewer: Viewer, opts: z.infer<typeof deliveryRequestSchema>): Promise<JobRow> {
  const { job } = await enqueueJob(db, deliveryProposalJob, { userId: viewer.userId, opts }, { orgId: viewer.orgId, createdBy: viewer.userId, singletonKey: `user:${viewer.userId}` });
  notifyJobRunners();
  return job;
}
