// The four measures and the score sheets (issue 17 items 2 and 3).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../app/context.js';
import { writeAudit } from '../../app/audit/audit.js';
import { getMeasureDefinition, saveMeasureDefinition } from '../../app/measures/measure-definitions.js';
import { getCountyMeasures, getRetailerMeasures } from '../../app/measures/measure-queries.js';
import { drillScoreItem, findScoreSheets, getScoreSheet } from '../../app/measures/score-sheet-queries.js';
import { getScoreScheme, saveScoreScheme, scoreSourcesList } from '../../app/measures/score-sheet-schemes.js';
import { queueMeasuresRun } from '../../jobs/measures-nightly.js';
import {
  countyMeasuresSchema,
  drillParamsSchema,
  drillSchema,
  measureDefinitionSchema,
  measureWeightsSchema,
  monthQuerySchema,
  retailerMeasuresSchema,
  runMeasuresSchema,
    scoreSheetListSchema,
  scoreSheetSchema,
  scoreSheetSchemeInputSchema,
  scoreSheetSchemeSchema,
  sheetParamsSchema,
} from '../../shared/measures.js';
import { fileResponseSchema, idParams } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { jobQueuedSchema } from '../../shared/jobs.js';
import { jobView } from './jobs.js';
import { compute } from '../../solver/compute.js';
import { sendTableFile } from '../table-file.js';

export type MeasureRouteDeps = { db: Db; now: () => Date };

export function measureRoutes(app: FastifyInstance, { db, now }: MeasureRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['measures'];

  r.get('/api/measures/definition', { preHandler: requirePermission('measure.read'), schema: { tags, response: { 200: measureDefinitionSchema } } }, async (req) =>
    getMeasureDefinition(db, viewerOf(req).orgId),
  );
  r.put('/api/measures/definition', { preHandler: requirePermission('measure.manage'), schema: { tags, body: measureWeightsSchema, response: { 200: measureDefinitionSchema } } }, async (req) =>
    saveMeasureDefinition(db, viewerOf(req), req.body, now()),
  );
  r.post('/api/measures/runs', { preHandler: requirePermission('measure.manage'), schema: { tags, body: runMeasuresSchema, response: { 202: jobQueuedSchema } } }, async (req, reply) =>
    reply.status(202).send({ job: jobView(await queueMeasuresRun(db, viewerOf(req), req.body.asOf, now())) }),
  );
  r.get('/api/measures/county', { preHandler: requirePermission('measure.read'), schema: { tags, response: { 200: countyMeasuresSchema } } }, async (req) =>
    getCountyMeasures(db, viewerOf(req)),
  );
  r.get('/api/retailers/:id/measures', { preHandler: requirePermission('measure.read'), schema: { tags, params: idParams, response: { 200: retailerMeasuresSchema } } }, async (req) =>
    getRetailerMeasures(db, viewerOf(req), req.params.id),
  );

  r.get('/api/score-sheets/scheme', { preHandler: requirePermission('scoresheet.read'), schema: { tags, response: { 200: scoreSheetSchemeSchema } } }, async (req) => ({
    ...(await getScoreScheme(db, viewerOf(req).orgId)),
    sources: scoreSourcesList(),
  }));
  r.put('/api/score-sheets/scheme', { preHandler: requirePermission('scoresheet.manage'), schema: { tags, body: scoreSheetSchemeInputSchema, response: { 200: scoreSheetSchemeSchema } } }, async (req) => ({
    ...(await saveScoreScheme(db, viewerOf(req), req.body.items, now())),
    sources: scoreSourcesList(),
  }));
  r.get('/api/score-sheets', { preHandler: requirePermission('scoresheet.read'), schema: { tags, querystring: monthQuerySchema, response: { 200: scoreSheetListSchema } } }, async (req) =>
    findScoreSheets(db, viewerOf(req), req.query.month),
  );
  r.get('/api/score-sheets/:kind/:subjectId', { preHandler: requirePermission('scoresheet.read'), schema: { tags, params: sheetParamsSchema, querystring: monthQuerySchema, response: { 200: scoreSheetSchema } } }, async (req) =>
    getScoreSheet(db, viewerOf(req), req.params.kind, req.params.subjectId, req.query.month),
  );
  r.get(
    '/api/score-sheets/:kind/:subjectId/items/:source',
    { preHandler: requirePermission('scoresheet.read'), schema: { tags, params: drillParamsSchema, querystring: monthQuerySchema, response: { 200: drillSchema } } },
    async (req) => drillScoreItem(db, viewerOf(req), req.params.kind, req.params.subjectId, req.params.source, req.query.month),
  );
  r.get(
    '/api/score-sheets/:kind/:subjectId/export',
    {
      preHandler: requirePermission('scoresheet.read'),
      schema: { tags, params: sheetParamsSchema, querystring: monthQuerySchema.extend({ lang: z.enum(['zh', 'en']).default('zh') }), response: { 200: fileResponseSchema } },
    },
    async (req, reply) => {
      const v = viewerOf(req);
      const { kind, subjectId } = req.params;
      const sheet = await getScoreSheet(db, v, kind, subjectId, req.query.month);
      const drills = [];
      for (const i of sheet.items) drills.push(await drillScoreItem(db, v, kind, subjectId, i.source, sheet.month, 5000));
      const file = await compute('scoreSheetXlsx', { sheet, drills, lang: req.query.lang });
      const body = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
      await writeAudit(db, v, { action: 'export', entity: 'score_sheet', entityIds: [subjectId], detail: { kind, month: sheet.month }, ip: req.ip }, now());
      return sendTableFile(reply, [`考核表_${sheet.subjectName}_${sheet.month}`, `score-sheet-${kind}-${subjectId}-${sheet.month}`], 'xlsx', body);
    },
  );
}
