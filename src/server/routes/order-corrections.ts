// Wrong orders and returns (错单与退货) and emergency supply (应急补货): the
// week's orders to record a correction from, the corrections and requests
// for the approver (marketing staff) and for whoever asked, and decisions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { writeAudit } from '../../app/audit/audit.js';
import { findOrders } from '../../app/ordering/order-list.js';
import { decideCorrection, findCorrections, requestCorrection } from '../../app/ordering/order-corrections.js';
import { decideEmergency, findEmergencyRequests, requestEmergency } from '../../app/ordering/emergency-requests.js';
import {
  correctionDecisionSchema,
  correctionListQuerySchema,
  correctionRequestSchema,
  correctionSchema,
  emergencyDecisionSchema,
  emergencyListQuerySchema,
  emergencyRequestInputSchema,
  emergencyRequestSchema,
  correctionCreatedSchema,
  correctionDecidedSchema,
  emergencyCreatedSchema,
  emergencyDecidedSchema,
  orderListQuerySchema,
  orderListSchema,
} from '../../shared/order-corrections.js';
import { idParamSchema } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type OrderCorrectionRouteDeps = { db: Db; now: () => Date; correctionDays: number };

const idParams = z.object({ id: idParamSchema });

export function orderCorrectionRoutes(app: FastifyInstance, { db, now, correctionDays }: OrderCorrectionRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ordering'];

  r.get('/api/orders', { preHandler: requirePermission('order.read'), schema: { tags, querystring: orderListQuerySchema, response: { 200: orderListSchema } } }, async (req) =>
    findOrders(db, viewerOf(req), req.query, now()),
  );

  r.post(
    '/api/order-lines/:id/corrections',
    { preHandler: requirePermission('order.take'), schema: { tags, params: idParams, body: correctionRequestSchema, response: { 201: correctionCreatedSchema } } },
    async (req, reply) => reply.status(201).send(await requestCorrection(db, viewerOf(req), req.params.id, req.body, now(), correctionDays)),
  );

  r.get(
    '/api/order-corrections',
    { preHandler: requirePermission('order.read'), schema: { tags, querystring: correctionListQuerySchema, response: { 200: z.object({ items: z.array(correctionSchema) }) } } },
    async (req) => ({ items: await findCorrections(db, viewerOf(req), req.query) }),
  );

  r.post(
    '/api/order-corrections/:id/decision',
    { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, body: correctionDecisionSchema, response: { 200: correctionDecidedSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const out = await decideCorrection(db, viewer, req.params.id, req.body, now());
      await writeAudit(db, viewer, { action: 'decide', entity: 'order_correction', entityIds: [req.params.id], detail: { status: out.status, reason: req.body.reason }, ip: req.ip }, now());
      return out;
    },
  );

  r.get(
    '/api/emergency-requests',
    { preHandler: requirePermission('order.read'), schema: { tags, querystring: emergencyListQuerySchema, response: { 200: z.object({ items: z.array(emergencyRequestSchema) }) } } },
    async (req) => ({ items: await findEmergencyRequests(db, viewerOf(req), req.query) }),
  );

  r.post('/api/emergency-requests', { preHandler: requirePermission('order.take'), schema: { tags, body: emergencyRequestInputSchema, response: { 201: emergencyCreatedSchema } } }, async (req, reply) =>
    reply.status(201).send(await requestEmergency(db, viewerOf(req), req.body)),
  );

  r.post(
    '/api/emergency-requests/:id/decision',
    { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, body: emergencyDecisionSchema, response: { 200: emergencyDecidedSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const out = await decideEmergency(db, viewer, req.params.id, req.body, now());
      await writeAudit(db, viewer, { action: 'decide', entity: 'emergency_request', entityIds: [req.params.id], detail: { status: out.status, approvedQty: out.approvedQty, reason: req.body.reason }, ip: req.ip }, now());
      return out;
    },
  );
}
