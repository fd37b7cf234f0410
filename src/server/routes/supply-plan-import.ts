// The weekly supply plan as an Excel sheet: the template (every active
// product with the plan's figures) and the import, refused whole with a
// row-by-row report when any row is bad.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import type { Db } from '../../app/context.js';
import { writeAudit } from '../../app/audit/audit.js';
import { findPlanSheetRows, importPlanItems } from '../../app/ordering/supply-plan-import.js';
import { PLAN_IMPORT_HEADERS, planImportResultSchema } from '../../shared/order-corrections.js';
import { fileResponseSchema, idParams } from '../../shared/primitives.js';
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
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
    // Codes stay text, so Excel keeps every digit.
    ws.columns = [
      { header: PLAN_IMPORT_HEADERS.code, width: 18, style: { numFmt: '@' } },
      { header: PLAN_IMPORT_HEADERS.name, width: 24 },
      { header: PLAN_IMPORT_HEADERS.supply, width: 14 },
      { header: PLAN_IMPORT_HEADERS.scarce, width: 10 },
    ];
    ws.getRow(1).font = { bold: true };
    ws.addRows(sheet.items.map((i) => [i.code, i.name, i.supplyQty, i.scarce ? '是' : '否']));
    const help = wb.addWorksheet('填写说明');
    help.getColumn(1).width = 90;
    for (const line of [
      `货源计划 ${sheet.weekStart} 周：每个商品一行，按“商品编码”匹配。`,
      '可供量（条）：本周可投放的条数，不小于 0 的整数。是否紧俏：填“是”或“否”，紧俏商品按档位限量投放。',
      '商品名称仅供核对，导入时不读取。文件中没有列出的商品保持原值。',
      '有任何一行出错（编码不存在、数量为负数或小数、编码重复），整个文件都不会导入，并列出出错的行、列和原因。',
      'One row per product, matched by 商品编码 (product code); 可供量（条） is whole cartons ≥ 0; 是否紧俏 is 是 (yes) or 否 (no). A file with any bad row is refused whole.',
    ])
      help.addRow([line]);
    const body = Buffer.from(await wb.xlsx.writeBuffer());
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
