// The map: retailers (or clusters), grids with areas and workloads, villages,
// and selecting retailers by a drawn polygon.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { findGridOverlaps } from '../../app/grids/find-grid-areas.js';
import { findGridFeatures, findMapPoints, findPlaces, findRetailersInPolygon } from '../../app/grids/grid-map-queries.js';
import { idParamSchema } from '../../shared/primitives.js';
import { checkRing } from '../../domain/grids/drawn-ring.js';
import { gridFeatureSchema, gridOverlapSchema, mapPointsSchema, mapQuerySchema, placeSchema, selectedRetailerSchema, selectSchema } from '../../shared/grids.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';

export function gridMapRoutes(app: FastifyInstance, { db }: { db: Db }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['map'];

  r.get(
    '/api/map/points',
    { preHandler: requirePermission('map.read'), schema: { tags, querystring: mapQuerySchema, response: { 200: mapPointsSchema } } },
    async (req) => {
      const q = req.query;
      const bbox = q.bbox ? (q.bbox.split(',').map(Number) as [number, number, number, number]) : undefined;
      return findMapPoints(db, viewerOf(req), { stationId: q.stationId, bbox, zoom: q.zoom, maxPoints: q.maxPoints });
    },
  );

  r.get(
    '/api/map/grids',
    {
      preHandler: requirePermission('map.read'),
      schema: { tags, querystring: z.object({ stationId: idParamSchema.optional() }), response: { 200: z.array(gridFeatureSchema) } },
    },
    async (req) => findGridFeatures(db, viewerOf(req), req.query.stationId),
  );

  r.get(
    '/api/map/grid-overlaps',
    { preHandler: requirePermission('map.read'), schema: { tags, response: { 200: z.array(gridOverlapSchema) } } },
    async (req) => findGridOverlaps(db, viewerOf(req)),
  );

  r.get(
    '/api/map/places',
    { preHandler: requirePermission('map.read'), schema: { tags, response: { 200: z.array(placeSchema) } } },
    async (req) => findPlaces(db, viewerOf(req)),
  );

  // Selection ignores the county border (a rectangle may stick out) but not crossing edges. A read sent as a POST (the
  // ring is too long for a query string): it writes nothing, so a province or city user drilled in may draw one too.
  r.post(
    '/api/map/select',
    { preHandler: requirePermission('map.read'), config: { sideEffectFree: true }, schema: { tags, body: selectSchema, response: { 200: z.array(selectedRetailerSchema) } } },
    async (req) => {
      const checked = checkRing(req.body.ring);
      if (!checked.ok) throw new AppError(checked.code, [{ field: 'ring', code: checked.code }]);
      return findRetailersInPolygon(db, viewerOf(req), checked.polygon);
    },
  );
}
