// Ratings: run the monthly batch, watch it, see distribution and movers,
// publish; a retailer's "why did my star change" and "what does it take";
// scheme versions; manual tier changes, disaster freezes, compliance records;
// the per-grid review sheet.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { writeAudit } from '../../app/audit/audit.js';
import type { Db } from '../../app/context.js';
import { addRatingFreeze } from '../../app/rating/add-rating-freeze.js';
import { saveComplianceRecord } from '../../app/rating/save-compliance-record.js';
import { changeRetailerTier } from '../../app/rating/change-retailer-tier.js';
import { previousMonth } from '../../app/rating/rating-inputs.js';
import { findMovers, findRetailerRatings, findReviewSheetRows, getRunScopeView } from '../../app/rating/rating-queries.js';
import { recordTierCause } from '../../app/rating/record-tier-cause.js';
import { findMonthRun, findRuns, getRun, publishRun, type RunSummary } from '../../app/rating/rating-runs.js';
import { importCompliance } from '../../app/retailers/compliance-import.js';
import { findSchemeInForce, findSchemeVersions, getSchemeVersion, saveScheme } from '../../app/rating/rating-schemes.js';
import { buildRetailerRatingView } from '../../domain/rating/retailer-rating-view.js';
import { starLabel, labelOf } from '../../shared/codes.js';
import { fileResponseSchema } from '../../shared/primitives.js';
import { compute } from '../../solver/compute.js';
import {
  complianceImportedSchema,
  complianceRecordedSchema,
  complianceSchema,
  freezeCreatedSchema,
  freezeSchema,
  manualTierSchema,
  moversQuery,
  moversSchema,
  ratingRunSchema,
  ratingRunsSchema,
  retailerRatingParams,
  retailerRatingQuery,
  retailerRatingSchema,
  reviewSheetQuery,
  runIdParams,
  runRetailerParams,
  runScopeSchema,
  savedSchemeSchema,
  saveSchemeSchema,
  schemesSchema,
  startRunSchema,
  tierCauseRecordedSchema,
  tierCauseSchema,
  tierChangedSchema,
} from '../../shared/rating.js';
import { startRatingBatch } from '../../jobs/rating-batch.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';
import { readUploadedSheet } from '../upload-sheet.js';

export type RatingRouteDeps = { db: Db; now: () => Date };

const tags = ['ratings'];

export function ratingRoutes(app: FastifyInstance, { db, now }: RatingRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/api/ratings/runs', { preHandler: requirePermission('rating.review'), schema: { tags, response: { 200: ratingRunsSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    return { runs: await findRuns(db, viewer.orgId), defaultMonth: previousMonth(now().toISOString().slice(0, 7)) };
  });

  r.post('/api/ratings/runs', { preHandler: requirePermission('rating.manage'), schema: { tags, body: startRunSchema, response: { 202: ratingRunSchema.extend({ jobId: z.number() }) } } }, async (req, reply) => {
    const viewer = viewerOf(req);
    if (req.body.month >= now().toISOString().slice(0, 7)) throw new AppError('validation_failed', [{ field: 'month', code: 'rating_month_incomplete' }]);
    const { runId, jobId } = await startRatingBatch(db, { orgId: viewer.orgId, month: req.body.month, userId: viewer.userId });
    return reply.status(202).send({ ...(await getRun(db, viewer.orgId, runId)), jobId });
  });

  r.get('/api/ratings/runs/:id', { preHandler: requirePermission('rating.review'), schema: { tags, params: runIdParams, response: { 200: ratingRunSchema } } }, async (req) =>
    getRun(db, viewerOf(req).orgId, req.params.id),
  );

  r.get(
    '/api/ratings/runs/:id/movers',
    { preHandler: requirePermission('rating.review'), schema: { tags, params: runIdParams, querystring: moversQuery, response: { 200: moversSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const run = await getRun(db, viewer.orgId, req.params.id);
      const prev = (run.summary as RunSummary).previousRunId ?? null;
      return { items: await findMovers(db, viewer, run.id, prev, req.query.direction, req.query.limit) };
    },
  );

  r.get('/api/ratings/runs/:id/scope', { preHandler: requirePermission('rating.review'), schema: { tags, params: runIdParams, response: { 200: runScopeSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    const run = await getRun(db, viewer.orgId, req.params.id);
    if (!('distribution' in run.summary)) throw new AppError('rating_run_busy');
    const summary = run.summary as RunSummary;
    return getRunScopeView(db, viewer, run.id, summary.previousRunId ?? null, summary, summary.distribution.tier.length);
  });

  r.post('/api/ratings/runs/:id/publish', { preHandler: requirePermission('rating.manage'), schema: { tags, params: runIdParams, response: { 200: ratingRunSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    await publishRun(db, viewer, req.params.id, now(), req.ip);
    return getRun(db, viewer.orgId, req.params.id);
  });

  r.get('/api/ratings/schemes', { preHandler: requirePermission('rating.review'), schema: { tags, response: { 200: schemesSchema } } }, async (req) => {
    const viewer = viewerOf(req);
    return { ...(await findSchemeInForce(db, viewer.orgId, viewer.userId)), versions: await findSchemeVersions(db, viewer.orgId) };
  });

  r.post('/api/ratings/schemes', { preHandler: requirePermission('rating.manage'), schema: { tags, body: saveSchemeSchema, response: { 201: savedSchemeSchema } } }, async (req, reply) => {
    const viewer = viewerOf(req);
    await saveScheme(db, viewer.orgId, viewer.userId, req.body.scheme, req.body.note);
    await writeAudit(db, viewer, { action: 'update', entity: 'rating_scheme', detail: { version: req.body.scheme.version }, ip: req.ip }, now());
    return reply.status(201).send({ version: req.body.scheme.version });
  });

  r.get(
    '/api/ratings/retailers/:id',
    { preHandler: requirePermission('rating.read'), schema: { tags, params: retailerRatingParams, querystring: retailerRatingQuery, response: { 200: retailerRatingSchema } } },
    async (req) => {
      const viewer = viewerOf(req);
      const { shop, rows } = await findRetailerRatings(db, viewer, req.params.id, req.query.month);
      if (!shop) throw new AppError('not_found');
      const cur = rows[0];
      if (!cur || (req.query.month && cur.month !== req.query.month)) {
        return { retailer: shop, rating: null, history: [] };
      }
      const prev = rows[1] && rows[1].month === previousMonth(cur.month) ? rows[1] : null;
      const context = async (x: typeof cur) => {
        const summary = x.summary as RunSummary;
        return { scheme: await getSchemeVersion(db, viewer.orgId, x.schemeVersion), starCutoffs: summary.starCutoffs, tierContext: summary.tierContext ?? null };
      };
      const rating = buildRetailerRatingView(cur, prev, await context(cur), prev ? await context(prev) : null);
      const history = rows.map((x) => ({ month: x.month, star: x.star, score: x.starScore, tier: x.tier, classCode: x.classCode, segment: x.segment }));
      return { retailer: shop, rating, history };
    },
  );

  r.post(
    '/api/ratings/runs/:id/retailers/:retailerId/tier',
    {
      preHandler: requirePermission('rating.adjust'),
      schema: { tags, params: runRetailerParams, body: manualTierSchema, response: { 200: tierChangedSchema } },
    },
    async (req) => {
      return changeRetailerTier(db, viewerOf(req), { runId: req.params.id, retailerId: req.params.retailerId, toTier: req.body.toTier, reason: req.body.reason, ip: req.ip }, now());
    },
  );

  r.post('/api/ratings/freezes', { preHandler: requirePermission('rating.adjust'), schema: { tags, body: freezeSchema, response: { 201: freezeCreatedSchema } } }, async (req, reply) => {
    const viewer = viewerOf(req);
    return reply.status(201).send(await addRatingFreeze(db, viewer, { ...req.body, ip: req.ip }, now()));
  });

  r.post('/api/ratings/tier-causes', { preHandler: requirePermission('rating.adjust'), schema: { tags, body: tierCauseSchema, response: { 201: tierCauseRecordedSchema } } }, async (req, reply) => {
    const viewer = viewerOf(req);
    return reply.status(201).send(await recordTierCause(db, viewer, { ...req.body, ip: req.ip }, now()));
  });

  r.post('/api/ratings/compliance', { preHandler: requirePermission('rating.adjust'), schema: { tags, body: complianceSchema, response: { 201: complianceRecordedSchema } } }, async (req, reply) => {
    const viewer = viewerOf(req);
    return reply.status(201).send(await saveComplianceRecord(db, viewer, { ...req.body, ip: req.ip }, now()));
  });

  r.post('/api/ratings/compliance/import', { preHandler: requirePermission('rating.adjust'), schema: { tags, consumes: ['multipart/form-data'], response: { 201: complianceImportedSchema } } }, async (req, reply) => {
    const viewer = viewerOf(req);
    if (!req.isMultipart()) throw new AppError('import_bad_file');
    const file = await req.file();
    if (!file) throw new AppError('import_bad_file');
    const table = await readUploadedSheet(await file.toBuffer(), { skipEmpty: true });
    const res = await importCompliance(db, viewer, table);
    if (res.errors.length) throw new AppError('import_rejected', [], { rows: res.errors });
    await writeAudit(db, viewer, { action: 'import', entity: 'compliance_record', detail: { rows: res.saved, file: file.filename }, ip: req.ip }, now());
    return reply.status(201).send({ saved: res.saved });
  });

  r.get('/api/ratings/review-sheet', { preHandler: requirePermission('rating.review'), schema: { tags, querystring: reviewSheetQuery, response: { 200: fileResponseSchema } } }, async (req, reply) => {
    const viewer = viewerOf(req);
    const month = req.query.month ?? previousMonth(now().toISOString().slice(0, 7));
    const runId = await findMonthRun(db, viewer.orgId, month);
    if (!runId) throw new AppError('rating_not_rated');
    const prevRunId = await findMonthRun(db, viewer.orgId, previousMonth(month));
    const rows = await findReviewSheetRows(db, viewer, runId, prevRunId, req.query.gridId);
    const file = await compute('reviewSheetXlsx', { month, rows });
    const buffer = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    await writeAudit(db, viewer, { action: 'export', entity: 'rating_review_sheet', detail: { month, gridId: req.query.gridId ?? null, count: rows.length }, ip: req.ip }, now());
    const name = `客户类别细分考核表_${month}.xlsx`;
    return reply
      .header('content-type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="review_${month}.xlsx"; filename*=UTF-8''${encodeURIComponent(name)}`)
      .send(buffer);
  });
}

