import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { moveRetailer } from '../../app/retailers/move-retailer.js';
import { idParams } from '../../shared/primitives.js';
import { retailerMoveInputSchema, retailerMoveResultSchema } from '../../shared/retailer-move.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type RetailerMoveRouteDeps = { db: Db; now: () => Date };

/** POST /api/retailers/:id/move — an administrator moves a shop to another county (issue 19, decision 1902). */
export function retailerMoveRoutes(app: FastifyInstance, { db, now }: RetailerMoveRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/api/retailers/:id/move',
    {
      preHandler: requirePermission('retailer.move'),
      schema: { tags: ['retailers'], params: idParams, body: retailerMoveInputSchema, response: { 200: retailerMoveResultSchema } },
    },
    async (req) => moveRetailer(db, viewerOf(req), req.params.id, req.body, now()),
  );
}
