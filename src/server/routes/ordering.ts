// Supply plans and allocation (marketing staff), and order taking for every
// channel: the same submit/amend endpoints serve the call centre, the
// retailer's own page and the grid worker on a visit; scope comes from the
// viewer, the rules from src/db/order-submit.ts. Corrections and emergency
// supply are in order-corrections.ts.
import { writeAudit } from '../../app/audit/audit.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { amendOrder, submitOrder } from '../../app/ordering/order-submit.js';
import { getRetailerOrdering } from '../../app/ordering/ordering-queries.js';
import { queueOrderDayReminders } from '../../app/ordering/order-reminders.js';
import { orderCycleStats } from '../../app/ordering/ordering-stats.js';
import { findPlans, getPlan } from '../../app/ordering/supply-plan-queries.js';
import { createPlan, findOrderWindows, publishPlan, updatePlanItems } from '../../app/ordering/supply-plans.js';
import { setOrderWindow } from '../../app/ordering/set-order-window.js';
import { allocateSupplyPlanJob, requestAllocation } from '../../jobs/supply-plan-allocation.js';
import { findActiveJob } from '../../jobs/job-queue.js';
import { jobView } from './jobs.js';
import { orderCycleStatsQuerySchema, orderCycleStatsSchema } from '../../shared/ordering-stats.js';
import {
  allocationQueuedSchema,
  amendOrderSchema,
  createPlanSchema,
  orderReplySchema as orderReply,
  orderWindowsSchema,
  planDetailSchema,
  planIdParams as idParams,
  planListSchema,
  planWindowParams,
  publishedPlanSchema,
  remindersQueuedSchema,
  retailerOrderingSchema,
  setOrderWindowSchema,
  submitOrderSchema,
  updatePlanItemsSchema,
} from '../../shared/ordering.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type OrderingRouteDeps = { db: Db; now: () => Date };


export function orderingRoutes(app: FastifyInstance, { db, now }: OrderingRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ordering'];

  r.get('/api/supply-plans', { preHandler: requirePermission('supply.read'), schema: { tags, response: { 200: planListSchema } } }, async (req) => ({ items: await findPlans(db, viewerOf(req)) }));

  r.post('/api/supply-plans', { preHandler: requirePermission('supply.manage'), schema: { tags, body: createPlanSchema, response: { 201: planDetailSchema } } }, async (req, reply) => {
    const id = await createPlan(db, viewerOf(req), req.body, now());
    return reply.status(201).send(await getPlan(db, viewerOf(req), id));
  });

  r.get('/api/supply-plans/:id', { preHandler: requirePermission('supply.read'), schema: { tags, params: idParams, response: { 200: planDetailSchema } } }, async (req) => {
    const plan = await getPlan(db, viewerOf(req), req.params.id);
    const active = await findActiveJob(db, allocateSupplyPlanJob.name, `plan:${req.params.id}`);
    return { ...plan, allocation: active ? jobView(active) : null };
  });

  r.put(
    '/api/supply-plans/:id/items',
    { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, body: updatePlanItemsSchema, response: { 200: planDetailSchema } } },
    async (req) => {
      await updatePlanItems(db, viewerOf(req), req.params.id, req.body.items);
      return getPlan(db, viewerOf(req), req.params.id);
    },
  );

  // Answers at once with the queued allocation; the screen follows it at GET /api/jobs/:id.
  r.post('/api/supply-plans/:id/allocate', { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, response: { 202: allocationQueuedSchema } } }, async (req, reply) => {
    const job = await requestAllocation(db, viewerOf(req), req.params.id, now());
    return reply.status(202).send({ job: jobView(job), ...(await getPlan(db, viewerOf(req), req.params.id)), allocation: jobView(job) });
  });

  r.post('/api/supply-plans/:id/publish', { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, response: { 200: publishedPlanSchema } } }, async (req) => {
    const reminders = await publishPlan(db, viewerOf(req), req.params.id, now());
    return { reminders, ...(await getPlan(db, viewerOf(req), req.params.id)) };
  });

  r.get('/api/supply-plans/:id/windows', { preHandler: requirePermission('supply.read'), schema: { tags, params: idParams, response: { 200: orderWindowsSchema } } }, async (req) => ({
    items: await findOrderWindows(db, viewerOf(req), req.params.id),
  }));

  r.put(
    '/api/supply-plans/:id/windows/:weekday',
    {
      preHandler: requirePermission('supply.manage'),
      schema: {
        tags,
        params: planWindowParams,
        body: setOrderWindowSchema,
        response: { 200: orderWindowsSchema },
      },
    },
    async (req) => ({ items: await setOrderWindow(db, viewerOf(req), req.params.id, req.params.weekday, req.body, now(), req.ip) }),
  );

  // The daily job's entry point: queue tomorrow's order-day reminders (idempotent).
  r.post('/api/ordering/reminders', { preHandler: requirePermission('supply.manage'), schema: { tags, response: { 200: remindersQueuedSchema } } }, async (req) => {
    const out = await queueOrderDayReminders(db, viewerOf(req).orgId, now());
    await writeAudit(db, viewerOf(req), { action: 'create', entity: 'order_reminders', detail: out }, now());
    return out;
  });

  r.get(
    '/api/ordering/stats',
    { preHandler: requirePermission('supply.read'), schema: { tags, querystring: orderCycleStatsQuerySchema, response: { 200: orderCycleStatsSchema } } },
    async (req) => orderCycleStats(db, viewerOf(req), req.query.weekStart, now()),
  );

  r.get('/api/ordering/retailers/:id', { preHandler: requirePermission('order.read'), schema: { tags, params: idParams, response: { 200: retailerOrderingSchema } } }, async (req) =>
    getRetailerOrdering(db, viewerOf(req), req.params.id, now()),
  );

  r.post('/api/orders', { preHandler: requirePermission('order.take'), schema: { tags, body: submitOrderSchema, response: { 200: orderReply, 201: orderReply } } }, async (req, reply) => {
    const out = await submitOrder(db, viewerOf(req), req.body, now());
    return reply.status(out.status).send({ ...out.order, replayed: out.replayed });
  });

  r.put(
    '/api/orders/:id',
    { preHandler: requirePermission('order.take'), schema: { tags, params: idParams, body: amendOrderSchema, response: { 200: orderReply } } },
    async (req) => {
      const out = await amendOrder(db, viewerOf(req), req.params.id, req.body, now());
      return { ...out.order, replayed: out.replayed };
    },
  );
}
