import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { findGrids, findStations, getOrg } from '../../app/org/org-queries.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { stationSchema, gridSchema, orgSchema } from '../../shared/org.js';

export type OrgRouteDeps = { db: Db; tiles: { url: string; crs: 'wgs84' | 'gcj02' | 'bd09' } };

export function orgRoutes(app: FastifyInstance, { db, tiles }: OrgRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/org', { preHandler: requirePermission('org.read'), schema: { tags: ['org'], response: { 200: orgSchema } } }, async (req) => {
    const org = await getOrg(db, viewerOf(req).orgId);
    return { ...org, tiles };
  });

  r.get(
    '/api/stations',
    { preHandler: requirePermission('org.structure'), schema: { tags: ['org'], response: { 200: z.array(stationSchema) } } },
    async (req) => findStations(db, viewerOf(req)),
  );

  r.get(
    '/api/grids',
    { preHandler: requirePermission('org.structure'), schema: { tags: ['org'], response: { 200: z.array(gridSchema) } } },
    async (req) => findGrids(db, viewerOf(req)),
  );
}
