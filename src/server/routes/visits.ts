// Visits (issue 7): configuration, calendars, the day route, check-in and
// visit submission from the phone, follow-ups and progress.
import { writeAudit } from '../../app/audit/audit.js';
import { piiPolicy } from '../../domain/access/permissions.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { findActiveWorkerIds, getRetailerIdInScope, hasMissingCalendars, saveVisitDepot } from '../../app/visits/visit-workers.js';
import { getFrequencyRules, getVisitSettings, saveRetailerOverride, saveVisitConfig } from '../../app/visits/visit-config-queries.js';
import { findDayRoute, resolveWorker } from '../../app/visits/visit-route-queries.js';
import { checkIn, submitVisit } from '../../app/visits/visit-record.js';
import { findFollowUps, updateFollowUp } from '../../app/visits/follow-up-queries.js';
import { findRetailerVisits } from '../../app/visits/find-retailer-visits.js';
import { findProgress } from '../../app/visits/visit-progress-queries.js';
import { calendarBeingPlanned, replanNextCycle, requestCalendars } from '../../jobs/visit-calendars.js';
import { jobView } from './jobs.js';
import { cycleOf, localDate } from '../../domain/visits/visit-cycle.js';
import {
  checkInSchema,
  dayRouteQuerySchema,
  dayRouteSchema,
  followUpQuerySchema,
  followUpSchema,
  followUpUpdateSchema,
  generatePlansSchema,
  planningQueuedSchema,
  progressQuerySchema,
  progressSchema,
  visitConfigSchema,
  visitConfigUpdateSchema,
  visitOverrideSchema,
  visitResultSchema,
  visitSubmitSchema,
  visitDepotSchema,
  retailerVisitsSchema,
} from '../../shared/visits.js';
import { idParams } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';

export type VisitRouteDeps = { db: Db; now: () => Date };

const uuidParams = z.object({ id: z.uuid({ error: 'invalid_value' }) });
const ok = z.object({ ok: z.boolean() });

export function visitRoutes(app: FastifyInstance, { db, now }: VisitRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['visits'];

  r.get('/api/visits/config', { preHandler: requirePermission('visit.progress'), schema: { tags, response: { 200: visitConfigSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    return { settings: await getVisitSettings(db, viewer.orgId), rules: await getFrequencyRules(db, viewer.orgId) };
  });

  r.put(
    '/api/visits/config',
    { preHandler: requirePermission('visit.config'), schema: { tags, body: visitConfigUpdateSchema, response: { 200: visitConfigSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const s = req.body.settings ?? {};
      if (s.dayStart !== undefined && s.dayEnd !== undefined && s.dayEnd <= s.dayStart) {
        throw new AppError('validation_failed', [{ field: 'settings.dayEnd', code: 'invalid_value' }]);
      }
      await saveVisitConfig(db, viewer.orgId, s, req.body.rules, now());
      await writeAudit(db, viewer, { action: 'update', entity: 'visit_config', detail: { settings: Object.keys(s), rules: req.body.rules?.length ?? null } }, now());
      await replanNextCycle(db, viewer.orgId, localDate(now()), viewer.userId);
      return { settings: await getVisitSettings(db, viewer.orgId), rules: await getFrequencyRules(db, viewer.orgId) };
    },
  );

  r.put(
    '/api/retailers/:id/visit-override',
    { preHandler: requirePermission('visit.plan'), schema: { tags, params: idParams, body: visitOverrideSchema, response: { 200: ok } } },
    async (req) => {
      const viewer = viewerOf(req);
      const retailerId = await getRetailerIdInScope(db, viewer, req.params.id);
      await saveRetailerOverride(db, viewer.orgId, retailerId, req.body, viewer.userId, now());
      await writeAudit(db, viewer, { action: 'update', entity: 'visit_override', entityIds: [retailerId], detail: req.body }, now());
      return { ok: true };
    },
  );

  r.post(
    '/api/visit-plans',
    { preHandler: requirePermission('visit.plan'), schema: { tags, body: generatePlansSchema, response: { 202: planningQueuedSchema } } },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const inScope = await findActiveWorkerIds(db, viewer);
      const asked = req.body.workerIds;
      if (asked && asked.some((id) => !inScope.includes(id))) throw new AppError('not_found');
      const workerIds = [...(asked ?? inScope)].sort((a, b) => a - b);
      const date = req.body.date ?? localDate(now());
      // The same request again while its job is queued or running gets that job (its result is in the job: generatePlansResultSchema).
      const { job } = await requestCalendars(db, { orgId: viewer.orgId, date, workerIds }, { key: `cal:${viewer.orgId}:${date}:${workerIds.join(',')}`, createdBy: viewer.userId });
      await writeAudit(db, viewer, { action: 'create', entity: 'visit_plan', entityIds: workerIds, detail: { date, jobId: job.id } }, now());
      return reply.status(202).send({ job: jobView(job) });
    },
  );

  r.get(
    '/api/visit-plans/day',
    { preHandler: requirePermission('visit.route'), schema: { tags, querystring: dayRouteQuerySchema, response: { 200: dayRouteSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const worker = await resolveWorker(db, viewer, req.query.workerId);
      const date = req.query.date ?? localDate(now());
      const route = await findDayRoute(db, viewer, worker, date);
      // The phones of the day's shops are shown unmasked to a role that sees them: that is a view of personal data.
      const shops = [...route.stops.map((x) => x.retailer.id), ...route.extraVisits.map((x) => x.retailer.id)];
      if (shops.length && piiPolicy(viewer.role).phone) {
        await writeAudit(db, viewer, { action: 'view_pii', entity: 'retailer', entityIds: shops, detail: { fields: ['phone'], via: 'day_route' } }, now());
      }
      if (route.planId !== null) return { ...route, planning: null };
      const job = await calendarBeingPlanned(db, { orgId: viewer.orgId, date, workerIds: [worker.id] }, `cal:${viewer.orgId}:${route.cycleStart}:w${worker.id}`, viewer.userId);
      return { ...route, planning: job ? { jobId: job.id, state: job.state, progress: job.progress } : null };
    },
  );

  // Where a worker's day starts and ends: their station, or home (a worker sets their own; heads and the county theirs).
  r.put(
    '/api/workers/:id/visit-depot',
    { preHandler: requirePermission('visit.route'), schema: { tags, params: idParams, body: visitDepotSchema, response: { 200: ok } } },
    async (req) => {
      const viewer = viewerOf(req);
      const worker = await resolveWorker(db, viewer, req.params.id);
      await saveVisitDepot(db, viewer, worker.id, req.body);
      return { ok: true };
    },
  );

  r.post(
    '/api/visits/check-in',
    { preHandler: requirePermission('visit.record'), schema: { tags, body: checkInSchema, response: { 200: visitResultSchema } } },
    async (req) => checkIn(db, viewerOf(req), req.body, now()),
  );

  r.put(
    '/api/visits/:id',
    // Up to four photos of 400 kB each, as data URLs: above the 1 MB default.
    { bodyLimit: 2 * 1024 * 1024, preHandler: requirePermission('visit.record'), schema: { tags, params: uuidParams, body: visitSubmitSchema, response: { 200: visitResultSchema } } },
    async (req) => submitVisit(db, viewerOf(req), req.params.id, req.body, now()),
  );

  r.get(
    '/api/retailers/:id/visits',
    { preHandler: requirePermission('followup.read'), schema: { tags, params: idParams, response: { 200: retailerVisitsSchema } } },
    async (req) => ({ items: await findRetailerVisits(db, viewerOf(req), req.params.id) }),
  );

  r.get(
    '/api/follow-ups',
    { preHandler: requirePermission('followup.read'), schema: { tags, querystring: followUpQuerySchema, response: { 200: z.array(followUpSchema) } } },
    async (req) => findFollowUps(db, viewerOf(req), req.query, now()),
  );

  r.patch(
    '/api/follow-ups/:id',
    { preHandler: requirePermission('followup.update'), schema: { tags, params: idParams, body: followUpUpdateSchema, response: { 200: ok } } },
    async (req) => {
      await updateFollowUp(db, viewerOf(req), req.params.id, req.body, now());
      return { ok: true };
    },
  );

  r.get(
    '/api/visits/progress',
    { preHandler: requirePermission('visit.progress'), schema: { tags, querystring: progressQuerySchema, response: { 200: progressSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const today = localDate(now());
      const settings = await getVisitSettings(db, viewer.orgId);
      const cycle = cycleOf(today, settings.cycleAnchor, settings.cycleWeeks);
      const from = req.query.from ?? cycle.start;
      const to = req.query.to ?? cycle.end;
      if (to < from) throw new AppError('validation_failed', [{ field: 'to', code: 'invalid_value' }]);
      if (req.query.workerId) await resolveWorker(db, viewer, req.query.workerId);
      // Missing calendars of the workers in view are queued, not made here; the answer says they are coming.
      const inScope = await findActiveWorkerIds(db, viewer);
      const ids = (req.query.workerId ? [req.query.workerId] : inScope).sort((a, b) => a - b);
      let planning = false;
      for (const date of new Set([cycleOf(from, settings.cycleAnchor, settings.cycleWeeks).start, cycleOf(to, settings.cycleAnchor, settings.cycleWeeks).start])) {
        if (!ids.length || !(await hasMissingCalendars(db, ids, date))) continue;
        const job = await calendarBeingPlanned(db, { orgId: viewer.orgId, date, workerIds: ids }, `cal:${viewer.orgId}:${date}:${ids.join(',')}`, viewer.userId);
        planning ||= job !== null;
      }
      return { ...(await findProgress(db, viewer, { from, to, today, workerId: req.query.workerId }, now())), planning };
    },
  );
}
