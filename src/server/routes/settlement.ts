// Electronic settlement (电子结算): marketing records deductions, retries a
// failed one and reads the daily report with its one-sided records; staff
// with a territory read the failed deductions of their retailers.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { findFailedDeductions } from '../../db/failed-deductions.js';
import { recordSettlement, retrySettlement, settlementReport } from '../../db/settlement.js';
import {
  failedDeductionsSchema,
  settlementRecordSchema,
  settlementReportQuerySchema,
  settlementReportSchema,
  settlementRetrySchema,
} from '../../shared/settlement.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { idParamSchema } from '../../shared/primitives.js';

export type SettlementRouteDeps = { db: Db; now: () => Date };

const idParams = z.object({ id: idParamSchema });

export function settlementRoutes(app: FastifyInstance, { db, now }: SettlementRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['settlement'];

  r.post(
    '/api/orders/:id/settlement',
    { preHandler: requirePermission('settlement.manage'), schema: { tags, params: idParams, body: settlementRecordSchema } },
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
