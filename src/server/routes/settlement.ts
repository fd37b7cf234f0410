// Electronic settlement (电子结算): marketing records deductions, retries a
// failed one and reads the daily report with its one-sided records; staff
// with a territory read the failed deductions of their retailers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { findFailedDeductions } from '../../app/ordering/failed-deductions.js';
import { recordSettlement, retrySettlement, settlementReport } from '../../app/ordering/settlement.js';
import {
  failedDeductionsSchema,
  settlementRecordSchema,
  settlementRecordedSchema,
  settlementReportQuerySchema,
  settlementReportSchema,
  settlementRetrySchema,
} from '../../shared/settlement.js';
import { idParams } from '../../shared/primitives.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';

export type SettlementRouteDeps = { db: Db; now: () => Date };


export function settlementRoutes(app: FastifyInstance, { db, now }: SettlementRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settlement'];

  r.post(
    '/api/orders/:id/settlement',
    { preHandler: requirePermission('settlement.manage'), schema: { tags, params: idParams, body: settlementRecordSchema, response: { 200: settlementRecordedSchema } } },
    async (req) => recordSettlement(db, viewerOf(req), req.params.id, req.body, now()),
  );

  r.post(
    '/api/orders/:id/settlement/retry',
    { preHandler: requirePermission('settlement.manage'), schema: { tags, params: idParams, response: { 200: settlementRetrySchema } } },
    async (req) => retrySettlement(db, viewerOf(req), req.params.id),
  );

  r.get(
    '/api/settlement/report',
    { preHandler: requirePermission('settlement.manage'), schema: { tags, querystring: settlementReportQuerySchema, response: { 200: settlementReportSchema } } },
    async (req) => settlementReport(db, viewerOf(req), req.query.date, now()),
  );

  r.get(
    '/api/settlement/failed',
    { preHandler: requirePermission('settlement.read'), schema: { tags, response: { 200: failedDeductionsSchema } } },
    async (req) => findFailedDeductions(db, viewerOf(req)),
  );
}
