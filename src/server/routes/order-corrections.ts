// Wrong orders and returns (错单与退货) and emergency supply (应急补货): the
// week's orders to record a correction from, the corrections and requests
// for the approver (marketing staff) and for whoever asked, and decisions.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../db/audit.js';
import { findOrders } from '../../db/order-list.js';
import { decideCorrection, findCorrections, requestCorrection } from '../../db/order-corrections.js';
import { decideEmergency, findEmergencyRequests, requestEmergency } from '../../db/emergency-requests.js';
import {
  correctionDecisionSchema,
  correctionListQuerySchema,
  correctionRequestSchema,
  correctionSchema,
  emergencyDecisionSchema,
  emergencyListQuerySchema,
  emergencyRequestInputSchema,
  emergencyRequestSchema,
  orderListQuerySchema,
  orderListSchema,
} from '../../shared/order-corrections.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { idParamSchema } from '../../shared/primitives.js';

export type OrderCorrectionRouteDeps = { db: Db; now: () => Date };

const idParams = z.object({ id: idParamSchema });

export function orderCorrectionRoutes(app: FastifyInstance, { db, now }: OrderCorrectionRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ordering'];

  r.get('/api/orders', { preHandler: requirePermission('order.read'), schema: { tags, querystring: orderListQuerySchema, response: { 200: orderListSchema } } }, async (req) =>
    findOrders(db, viewerOf(req), req.query, now()),
  );

  r.post(
    '/api/order-lines/:id/corrections',
    { preHandler: requirePermission('order.take'), schema: { tags, params: idParams, body: correctionRequestSchema } },
    async (req, reply) => reply.status(201).send(await requestCorrection(db, viewerOf(req), req.params.id, req.body, now())),
  );

  r.get(
    '/api/order-corrections',
    { preHandler: requirePermission('order.read'), schema: { tags, querystring: correctionListQuerySchema, response: { 200: z.object({ items: z.array(correctionSchema) }) } } },
    async (req) => ({ items: await findCorrections(db, viewerOf(req), req.query) }),
  );

  r.post(
    '/api/order-corrections/:id/decision',
    { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, body: correctionDecisionSchema } },
    async (req) => {
      const viewer = viewerOf(req);
      const out = await decideCorrection(db, viewer, req.params.id, req.body, now());
      await writeAudit(db, viewer, { action: 'update', entity: 'order_correction', entityIds: [req.params.id], detail: { status: out.status, reason: req.body.reason }, ip: req.ip }, now());
      return out;
    },
  );

  r.get(
    '/api/emergency-requests',
    { preHandler: requirePermission('order.read'), schema: { tags, querystring: emergencyListQuerySchema, response: { 200: z.object({ items: z.array(emergencyRequestSchema) }) } } },
    async (req) => ({ items: await findEmergencyRequests(db, viewerOf(req), req.query) }),
  );

  r.post('/api/emergency-requests', { preHandler: requirePermission('order.take'), schema: { tags, body: emergencyRequestInputSchema } }, async (req, reply) =>
    reply.status(201).send(await requestEmergency(db, viewerOf(req), req.body)),
  );

  r.post(
    '/api/emergency-requests/:id/decision',
    { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, body: emergencyDecisionSchema } },
    async (req) => {
      const viewer = viewerOf(req);
      const out = await decideEmergency(db, viewer, req.params.id, req.body, now());
      await writeAudit(db, viewer, { action: 'update', entity: 'emergency_request', entityIds: [req.params.id], detail: { status: out.status, approvedQty: out.approvedQty, reason: req.body.reason }, ip: req.ip }, now());
      return out;
    },
  );
}
