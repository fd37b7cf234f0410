// The org tree (issue 19): the tree, the roll-up screens, the province-wide
// retailer search and the rules a province sets for its counties.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { findRollup } from '../../app/org-tree/find-rollup.js';
import { findRuleInForce, setOrgRule } from '../../app/org-tree/org-rules.js';
import { findOrgTreeView } from '../../app/org-tree/org-tree-queries.js';
import { searchRollupRetailers } from '../../app/org-tree/search-rollup.js';
import { refreshRollups } from '../../app/org-tree/refresh-rollups.js';
import { jobView } from './jobs.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import {
  orgRuleInForceSchema,
  orgRuleInputSchema,
  orgRuleParams,
  orgTreeSchema,
  refreshRollupsSchema,
  rollupQuerySchema,
  rollupSchema,
  rollupSearchQuerySchema,
  rollupSearchSchema,
} from '../../shared/org-tree.js';
import { jobQueuedSchema } from '../../shared/jobs.js';

export function orgTreeRoutes(app: FastifyInstance, { db, now }: { db: Db; now: () => Date }) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/org-tree', { preHandler: requirePermission('org.read'), schema: { tags: ['org-tree'], response: { 200: orgTreeSchema } } }, async (req) =>
    findOrgTreeView(db, viewerOf(req)),
  );

  r.get(
    '/api/rollups',
    { preHandler: requirePermission('rollup.read'), schema: { tags: ['org-tree'], querystring: rollupQuerySchema, response: { 200: rollupSchema } } },
    async (req) => findRollup(db, viewerOf(req), req.query.parentId),
  );

  r.get(
    '/api/rollups/retailers',
    { preHandler: requirePermission('rollup.read'), schema: { tags: ['org-tree'], querystring: rollupSearchQuerySchema, response: { 200: rollupSearchSchema } } },
    async (req) => searchRollupRetailers(db, viewerOf(req), req.query.q),
  );

  r.post(
    '/api/rollups/refresh',
    { preHandler: requirePermission('rollup.read'), schema: { tags: ['org-tree'], response: { 202: jobQueuedSchema } } },
    async (req, reply) => reply.code(202).send({ job: jobView(await refreshRollups(db, viewerOf(req))) }),
  );

  r.get(
    '/api/org-rules/:kind',
    { preHandler: requirePermission('org.read'), schema: { tags: ['org-tree'], params: orgRuleParams, response: { 200: orgRuleInForceSchema } } },
    async (req) => findRuleInForce(db, viewerOf(req), req.params.kind),
  );

  r.put(
    '/api/org-rules/:kind',
    { preHandler: requirePermission('org.rules'), schema: { tags: ['org-tree'], params: orgRuleParams, body: orgRuleInputSchema, response: { 200: orgRuleInForceSchema } } },
    async (req) => setOrgRule(db, viewerOf(req), req.params.kind, req.body, now()),
  );
}
