// Grid operations: create, edit, draw the area, split, merge, delete, move
// retailers, workers to assign, move history, and partition proposals.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import {
  createGrid,
  deleteGrid,
  findGridMoves,
  findWorkers,
  mergeGrid,
  moveRetailers,
  setGridArea,
  splitGrid,
  updateGrid,
} from '../../app/grids/grid-operations.js';
import { applyProposal } from '../../app/grids/grid-proposals.js';
import { requestGridProposal } from '../../jobs/map-proposals.js';
import { jobQueuedSchema } from '../../shared/jobs.js';
import { jobView } from './jobs.js';
import {
  gridAreaSchema,
  gridCreateSchema,
  gridMergeSchema,
  gridMoveRowSchema,
  gridMoveSchema,
  gridSplitSchema,
  gridUpdateSchema,
  proposalRequestSchema,
  okSchema as ok,
  gridCreatedSchema,
  gridRemovedSchema,
  gridSplitResultSchema,
  gridMergeResultSchema,
  gridMoveResultSchema,
  proposalAppliedSchema,
  proposalSchema,
  workerSchema,
} from '../../shared/grids.js';
import { idParams } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';


export function gridManageRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['grids'];
  const manage = requirePermission('grid.manage');

  r.post('/api/grids', { preHandler: manage, schema: { tags, body: gridCreateSchema, response: { 200: gridCreatedSchema } } }, async (req) => ({
    id: await createGrid(db, viewerOf(req), req.body, now()),
  }));

  r.patch('/api/grids/:id', { preHandler: manage, schema: { tags, params: idParams, body: gridUpdateSchema, response: { 200: ok } } }, async (req) => {
    await updateGrid(db, viewerOf(req), req.params.id, req.body, now());
    return { ok: true };
  });

  r.delete(
    '/api/grids/:id',
    { preHandler: manage, schema: { tags, params: idParams, response: { 200: gridRemovedSchema } } },
    async (req) => ({ result: await deleteGrid(db, viewerOf(req), req.params.id, now()) }),
  );

  r.put('/api/grids/:id/area', { preHandler: manage, schema: { tags, params: idParams, body: gridAreaSchema, response: { 200: ok } } }, async (req) => {
    await setGridArea(db, viewerOf(req), req.params.id, req.body.ring, now());
    return { ok: true };
  });

  r.post(
    '/api/grids/:id/split',
    { preHandler: manage, schema: { tags, params: idParams, body: gridSplitSchema, response: { 200: gridSplitResultSchema } } },
    async (req) => splitGrid(db, viewerOf(req), req.params.id, req.body, now()),
  );

  r.post(
    '/api/grids/:id/merge',
    {
      preHandler: manage,
      schema: { tags, params: idParams, body: gridMergeSchema, response: { 200: gridMergeResultSchema } },
    },
    async (req) => mergeGrid(db, viewerOf(req), req.params.id, req.body.intoGridId, now()),
  );

  r.post(
    '/api/grids/:id/retailers',
    { preHandler: manage, schema: { tags, params: idParams, body: gridMoveSchema, response: { 200: gridMoveResultSchema } } },
    async (req) => ({ moved: await moveRetailers(db, viewerOf(req), req.params.id, req.body.retailerIds, req.body.reason ?? null, now()) }),
  );

  r.get(
    '/api/grids/:id/moves',
    { preHandler: requirePermission('map.read'), schema: { tags, params: idParams, response: { 200: z.array(gridMoveRowSchema) } } },
    async (req) => findGridMoves(db, viewerOf(req), req.params.id),
  );

  r.get('/api/grid-workers', { preHandler: requirePermission('map.read'), schema: { tags, response: { 200: z.array(workerSchema) } } }, async (req) =>
    findWorkers(db, viewerOf(req)),
  );

  // Queued (decision 0801): the map follows the job; its result is the proposal (proposalSchema).
  r.post('/api/grid-proposals', { preHandler: manage, schema: { tags, body: proposalRequestSchema, response: { 202: jobQueuedSchema } } }, async (req, reply) =>
    reply.status(202).send({ job: jobView(await requestGridProposal(db, viewerOf(req), req.body)) }),
  );

  r.post(
    '/api/grid-proposals/:id/apply',
    {
      preHandler: manage,
      schema: { tags, params: idParams, response: { 200: proposalAppliedSchema } },
    },
    async (req) => applyProposal(db, viewerOf(req), req.params.id, now()),
  );
}
