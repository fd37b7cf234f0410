// The "today" home (issue 17 item 5): one endpoint answers every item of the
// viewer's role, each scoped by the viewer.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { getHome } from '../../app/home/get-home.js';
import { homeSchema } from '../../shared/home.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type HomeRouteDeps = { db: Db; now: () => Date };

export function homeRoutes(app: FastifyInstance, { db, now }: HomeRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  r.get('/api/home', { preHandler: requirePermission('home.read'), schema: { tags: ['home'], response: { 200: homeSchema } } }, async (req) =>
    getHome(db, viewerOf(req), now()),
  );
}
