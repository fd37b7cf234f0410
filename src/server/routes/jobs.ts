// A background job's progress and outcome, for the user who started it and
// for same-org users allowed to see that kind of work; anyone else gets 404,
// as for a job that does not exist.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { can } from '../../domain/access/permissions.js';
import { findJob, type JobRow } from '../../jobs/job-queue.js';
import { definitionOf } from '../../jobs/registry.js';
import { jobIdParams, jobViewSchema, type JobView } from '../../shared/jobs.js';
import { viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';

const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

export function jobView(j: JobRow): JobView {
  return {
    id: j.id,
    name: j.name,
    state: j.state,
    progress: j.progress,
    progressText: j.progressText,
    attempts: j.attempts,
    maxAttempts: j.maxAttempts,
    result: j.result,
    error: j.error,
    createdAt: iso(j.createdAt)!,
    startedAt: iso(j.startedAt),
    finishedAt: iso(j.finishedAt),
  };
}

export function jobRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/jobs/:id', { schema: { tags: ['jobs'], params: jobIdParams, response: { 200: jobViewSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    const job = await findJob(db, req.params.id);
    const permission = job && definitionOf(job.name)?.visibleTo;
    const allowed = job && job.orgId === viewer.orgId && (job.createdBy === viewer.userId || (permission && can(viewer.role, permission)));
    if (!allowed) throw new AppError('not_found');
    return jobView(job);
  });
}
