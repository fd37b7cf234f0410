// The weekly supply plan as an Excel sheet: the template (every active
// product with the plan's figures) and the import, refused whole with a
// row-by-row report when any row is bad.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { writeAudit } from '../../app/audit/audit.js';
import { findPlanSheetRows, importPlanItems } from '../../app/ordering/supply-plan-import.js';
import { PLAN_IMPORT_HEADERS, planImportResultSchema } from '../../shared/order-corrections.js';
import { fileResponseSchema, idParams } from '../../shared/primitives.js';
import { compute } from '../../solver/compute.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';
import { readUploadedSheet } from '../upload-sheet.js';

export type SupplyPlanImportRouteDeps = { db: Db; now: () => Date };

const SHEET = '货源计划';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function supplyPlanImportRoutes(app: FastifyInstance, { db, now }: SupplyPlanImportRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['ordering'];

  r.get('/api/supply-plans/:id/import-template', { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, response: { 200: fileResponseSchema } } }, async (req, reply) => {
    const sheet = await findPlanSheetRows(db, viewerOf(req), req.params.id);
    const file = await compute('supplyPlanTemplateXlsx', { sheet: SHEET, weekStart: sheet.weekStart, items: sheet.items });
    const body = Buffer.from(file.buffer, file.byteOffset, file.byteLength);
    const name = `货源计划_${sheet.weekStart}`;
    return reply
      .header('content-type', XLSX)
      .header('content-disposition', `attachment; filename="supply-plan-${sheet.weekStart}.xlsx"; filename*=UTF-8''${encodeURIComponent(`${name}.xlsx`)}`)
      .header('cache-control', 'no-store')
      .send(body);
  });

  r.post(
    '/api/supply-plans/:id/import',
    { preHandler: requirePermission('supply.manage'), schema: { tags, params: idParams, consumes: ['multipart/form-data'], response: { 201: planImportResultSchema } } },
    async (req, reply) => {
      const viewer = viewerOf(req);
      if (!req.isMultipart()) throw new AppError('import_bad_file');
      const file = await req.file();
      if (!file) throw new AppError('import_bad_file');
      let data: Buffer;
      try {
        data = await file.toBuffer();
      } catch (e) {
        if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('import_too_many_rows');
        throw e;
      }
      const table = await readUploadedSheet(data, { sheet: SHEET });
      const res = await importPlanItems(db, viewer, req.params.id, table);
      await writeAudit(db, viewer, { action: 'import', entity: 'supply_plan', entityIds: [req.params.id], detail: { ...res, file: file.filename }, ip: req.ip }, now());
      return reply.status(201).send(res);
    },
  );
}
