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
import { findRollupSheet } from '../../app/org-tree/export-rollup.js';
import { writeAudit } from '../../app/audit/audit.js';
import { sendTableFile, tableFile } from '../table-file.js';
import { fileResponseSchema } from '../../shared/primitives.js';
import { jobView } from './jobs.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import {
  orgRuleInForceSchema,
  orgRuleInputSchema,
  orgRuleParams,
  orgTreeSchema,
  refreshRollupsSchema,
  rollupExportQuerySchema,
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

  // The roll-up by city and county as .xlsx (built in a compute worker, decision 0913) or CSV (cells neutralised), audited.
  r.get(
    '/api/rollups/export',
    { preHandler: requirePermission('rollup.read'), schema: { tags: ['org-tree'], querystring: rollupExportQuerySchema, response: { 200: fileResponseSchema } } },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const { format, lang, parentId } = req.query;
      const at = now();
      const sheet = await findRollupSheet(db, viewer, parentId, lang);
      const widths = [8, 18, 24, ...Array.from({ length: sheet.header.length - 3 }, () => 11)];
      const body = await tableFile(format, lang === 'zh' ? '省市汇总' : 'Roll-up', sheet.header, sheet.rows, widths);
      await writeAudit(db, viewer, { action: 'export', entity: 'rollup', entityIds: sheet.orgIds, detail: { parentId: parentId ?? null, rows: sheet.rows.length, format } }, at);
      const day = at.toISOString().slice(0, 10);
      return sendTableFile(reply, [`省市汇总_${sheet.parentName}_${day}`, `rollup-${day}`], format, body);
    },
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
