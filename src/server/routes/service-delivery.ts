// Service modes (定点 / 流动) and second-level delivery points.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { classifyModes, findDeliveryPoints, findModes, recordDelivery, setMode } from '../../app/grids/service-delivery.js';
import {
  classifyResultSchema,
  deliveryRecordedSchema,
  deliveryPointSchema,
  deliveryProposalSchema,
  deliveryRecordSchema,
  deliveryRequestSchema,
  modesSchema,
  setModeSchema,
} from '../../shared/service-delivery.js';
import { idParams } from '../../shared/primitives.js';
import { requestDeliveryProposal } from '../../jobs/map-proposals.js';
import { jobQueuedSchema } from '../../shared/jobs.js';
import { jobView } from './jobs.js';
import { okSchema } from '../../shared/grids.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';


export function serviceDeliveryRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['service'];
  const manage = requirePermission('grid.manage');

  r.get('/api/service-modes', { preHandler: requirePermission('map.read'), schema: { tags, response: { 200: modesSchema } } }, async (req) =>
    findModes(db, viewerOf(req)),
  );
  r.post(
    '/api/service-modes/classify',
    { preHandler: manage, schema: { tags, response: { 200: classifyResultSchema } } },
    async (req) => classifyModes(db, viewerOf(req), now()),
  );
  r.put('/api/service-modes/:id', { preHandler: manage, schema: { tags, params: idParams, body: setModeSchema, response: { 200: okSchema } } }, async (req) => {
    await setMode(db, viewerOf(req), req.params.id, req.body.mode, now());
    return { ok: true };
  });

  // Queued (decision 0801): the map follows the job; its result is the proposal (deliveryProposalSchema).
  r.post('/api/delivery-points/proposal', { preHandler: manage, schema: { tags, body: deliveryRequestSchema, response: { 202: jobQueuedSchema } } }, async (req, reply) =>
    reply.status(202).send({ job: jobView(await requestDeliveryProposal(db, viewerOf(req), req.body)) }),
  );
  r.put(
    '/api/delivery-points',
    { preHandler: manage, schema: { tags, body: deliveryRecordSchema, response: { 200: deliveryRecordedSchema } } },
    async (req) => recordDelivery(db, viewerOf(req), req.body.points, now()),
  );
  r.get('/api/delivery-points', { preHandler: requirePermission('map.read'), schema: { tags, response: { 200: z.array(deliveryPointSchema) } } }, async (req) =>
    findDeliveryPoints(db, viewerOf(req)),
  );
}
