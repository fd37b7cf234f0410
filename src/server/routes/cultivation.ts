// New-brand cultivation (品牌培育): launches, their dashboard in the viewer's
// scope, and a recompute of their measures (a job). Shelf checks and feedback
// arrive with visits (POST /api/visits/:id).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { createLaunch } from '../../app/cultivation/create-launch.js';
import { findLaunchOptions, findLaunches, getLaunchDashboard } from '../../app/cultivation/launch-queries.js';
import { requestLaunchRecompute } from '../../app/cultivation/request-launch-recompute.js';
import {
  createLaunchSchema,
  launchCreatedSchema,
  launchDashboardSchema,
  launchIdParams,
  launchListSchema,
  launchOptionsSchema,
  launchRecomputeSchema,
} from '../../shared/cultivation.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type CultivationRouteDeps = { db: Db; now: () => Date };

const tags = ['cultivation'];

export function cultivationRoutes(app: FastifyInstance, { db, now }: CultivationRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/api/launches',
    { preHandler: requirePermission('launch.read'), schema: { tags, response: { 200: launchListSchema } } },
    async (req) => ({ items: await findLaunches(db, viewerOf(req), now()) }),
  );

  r.get(
    '/api/launches/options',
    { preHandler: requirePermission('launch.manage'), schema: { tags, response: { 200: launchOptionsSchema } } },
    async (req) => findLaunchOptions(db, viewerOf(req)),
  );

  r.post(
    '/api/launches',
    { preHandler: requirePermission('launch.manage'), schema: { tags, body: createLaunchSchema, response: { 201: launchCreatedSchema } } },
    async (req, reply) => reply.status(201).send(await createLaunch(db, viewerOf(req), req.body, now())),
  );

  r.get(
    '/api/launches/:id',
    { preHandler: requirePermission('launch.read'), schema: { tags, params: launchIdParams, response: { 200: launchDashboardSchema } } },
    async (req) => getLaunchDashboard(db, viewerOf(req), req.params.id, now()),
  );

  r.post(
    '/api/launches/:id/recompute',
    { preHandler: requirePermission('launch.manage'), schema: { tags, params: launchIdParams, response: { 202: launchRecomputeSchema } } },
    async (req, reply) => reply.status(202).send(await requestLaunchRecompute(db, viewerOf(req), req.params.id, now())),
  );
}
