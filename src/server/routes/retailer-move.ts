import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { moveRetailer } from '../../app/retailers/move-retailer.js';
import { previewRetailerMove } from '../../app/retailers/preview-retailer-move.js';
import { idParams } from '../../shared/primitives.js';
import { retailerMoveInputSchema, retailerMovePreviewQuerySchema, retailerMovePreviewSchema, retailerMoveResultSchema } from '../../shared/retailer-move.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type RetailerMoveRouteDeps = { db: Db; now: () => Date };

/** POST /api/retailers/:id/move (and its GET preview) — an administrator moves a shop to another county (issue 19, decision 1902). */
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
  // The move screen's preview: the counties, the chosen one's grids, what would move or end, and why it would be refused.
  r.get(
    '/api/retailers/:id/move-preview',
    {
      preHandler: requirePermission('retailer.move'),
      schema: { tags: ['retailers'], params: idParams, querystring: retailerMovePreviewQuerySchema, response: { 200: retailerMovePreviewSchema } },
    },
    async (req) => previewRetailerMove(db, viewerOf(req), req.params.id, req.query.toOrgId),
  );
}
