// Import and export of retailers as Excel (.xlsx) or CSV, and the import
// template. The columns come from one table (src/domain/retailers/import-columns.ts),
// so an unmasked export re-imports with no changes. Exports are masked by the
// role's personal-data policy; a masked cell re-imported for an existing
// retailer keeps the stored value, and cannot create or change one.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { writeAudit } from '../../db/audit.js';
import { findGrids, getOrg } from '../../db/org-queries.js';
import { importRetailers } from '../../db/retailer-import.js';
import { findRetailersForExport } from '../../db/retailer-queries.js';
import { maskPii } from '../../domain/access/mask-retailer.js';
import { piiPolicy } from '../../domain/access/permissions.js';
import { FILE_COLUMNS, fileCells, type Cell, type FileFields } from '../../domain/retailers/import-columns.js';
import { parseCsv } from '../../domain/retailers/import-rows.js';
import { retailerListQuerySchema } from '../../shared/retailer.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { AppError } from '../errors.js';
import { cellText } from '../sheet-cells.js';

export type RetailerFileRouteDeps = { db: Db; now: () => Date };

const formatSchema = z.enum(['xlsx', 'csv']).default('xlsx');
const exportQuerySchema = retailerListQuerySchema.extend({ format: formatSchema });
const importQuerySchema = z.object({ dryRun: z.enum(['0', '1', 'true', 'false']).optional() });
export const importResultSchema = z.object({
  created: z.number(),
  updated: z.number(),
  unchanged: z.number(),
  total: z.number(),
  dryRun: z.boolean(),
  ignoredColumns: z.array(z.string()),
});

const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;
const SHEET = '零售户';

export function retailerFileRoutes(app: FastifyInstance, { db, now }: RetailerFileRouteDeps) {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/api/retailers/import',
    {
      preHandler: requirePermission('retailer.import'),
      schema: { tags: ['retailers'], consumes: ['multipart/form-data'], querystring: importQuerySchema, response: { 200: importResultSchema } },
    },
    async (req) => {
      const viewer = viewerOf(req);
      const { filename, data } = await readUpload(req);
      const table = await readTable(filename, data);
      const dryRun = req.query.dryRun === '1' || req.query.dryRun === 'true';
      return importRetailers(db, viewer, table, { now: now(), dryRun, fileName: filename, ip: req.ip });
    },
  );

  r.get(
    '/api/retailers/export',
    { preHandler: requirePermission('retailer.export'), schema: { tags: ['retailers'], querystring: exportQuerySchema } },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const { format, ...filters } = req.query;
      const policy = piiPolicy(viewer.role);
      const rows = await findRetailersForExport(db, viewer, filters);
      const cells = rows.map((row) => {
        // The export query selects every file column under its field name.
        const f = row as unknown as FileFields;
        const masked = maskPii({ ...f, legalPersonIdNo: f.legalPersonIdNo ?? null, familyMembers: [] }, policy);
        return fileCells(masked);
      });
      const unmasked = (['phone', 'family', 'idNumber'] as const).filter((k) => policy[k]);
      const { sort: _s, order: _o, page: _p, pageSize: _ps, ...usedFilters } = filters;
      await writeAudit(
        db,
        viewer,
        {
          action: 'export',
          entity: 'retailer',
          entityIds: rows.map((x) => x.id),
          detail: { count: rows.length, format, piiIncluded: unmasked.length > 0, unmasked, filters: usedFilters },
          ip: req.ip,
        },
        now(),
      );
      const headers = FILE_COLUMNS.map((c) => c.header);
      return sendFile(reply, [`零售户_${shanghaiDate(now())}`, `retailers_${shanghaiDate(now())}`], format, format === 'csv' ? toCsv([headers, ...cells]) : await toXlsx(cells));
    },
  );

  r.get(
    '/api/retailers/import-template',
    { preHandler: requirePermission('retailer.import'), schema: { tags: ['retailers'], querystring: z.object({ format: formatSchema }) } },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const [org, grids] = await Promise.all([getOrg(db, viewer.orgId), findGrids(db, viewer)]);
      const example: FileFields = {
        customerCode: `${org.adcode}999901`,
        licenceNo: `${org.adcode}999901`,
        shopName: '示例便利店',
        address: '某某镇某某路 1 号',
        phone: '13800000000',
        legalPerson: '张三',
        legalPersonIdNo: null,
        businessFormat: 'B',
        districtType: 'residential',
        network: 'rural',
        gridCode: grids[0]?.code ?? '',
        eSettlement: true,
        settlementMethod: 'bank_deduction',
        orderWeekday: 1,
        familyNote: '',
        specialGroups: [],
        birthday: '1980-08-15',
        birthdayCalendar: 'lunar',
        storeImage: 'C',
        storeAreaM2: 30,
        lat: org.centerLat,
        lng: org.centerLng,
        status: 'active',
      };
      const headers = FILE_COLUMNS.map((c) => c.header);
      const body = req.query.format === 'csv' ? toCsv([headers, fileCells(example)]) : await toXlsx([fileCells(example)], { example: true });
      return sendFile(reply, ['零售户导入模板', 'retailer-import-template'], req.query.format, body);
    },
  );
}

async function readUpload(req: FastifyRequest): Promise<{ filename: string; data: Buffer }> {
  if (!req.isMultipart()) throw new AppError('import_bad_file');
  const file = await req.file();
  if (!file) throw new AppError('import_bad_file');
  try {
    return { filename: file.filename, data: await file.toBuffer() };
  } catch (e) {
    if ((e as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') throw new AppError('import_too_many_rows');
    throw e;
  }
}

const isZip = (b: Buffer) => b.length > 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;

/** An .xlsx (by its zip signature) or a UTF-8 CSV, as rows of strings. */
async function readTable(filename: string, data: Buffer): Promise<string[][]> {
  if (isZip(data)) {
    const wb = new ExcelJS.Workbook();
    try {
      await wb.xlsx.load(data as unknown as ExcelJS.Buffer);
    } catch {
      throw new AppError('import_bad_file');
    }
    const ws = wb.worksheets.find((w) => w.name === SHEET) ?? wb.worksheets[0];
    if (!ws) throw new AppError('import_bad_file');
    const table: string[][] = [];
    ws.eachRow((row, n) => {
      table[n - 1] = Array.from(row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    });
    return Array.from(table, (r) => r ?? []);
  }
  if (!/\.(csv|txt)$/i.test(filename) && /\.[a-z0-9]+$/i.test(filename)) throw new AppError('import_bad_file');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    throw new AppError('import_csv_encoding');
  }
  if (text.includes('\u0000')) throw new AppError('import_bad_file');
  return parseCsv(text);
}

async function toXlsx(rows: Cell[][], opts: { example?: boolean } = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  // Codes, licences, phones and ID numbers stay text, so Excel keeps every digit.
  ws.columns = FILE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
  ws.addRows(rows);
  if (opts.example) {
    ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
    ws.getCell('A2').note = '示例行，导入前请删除';
    addHelpSheet(wb);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addHelpSheet(wb: ExcelJS.Workbook) {
  const ws = wb.addWorksheet('填写说明');
  ws.columns = [
    { header: '列名', width: 16 },
    { header: '必填', width: 8 },
    { header: '说明', width: 60 },
    { header: '可填写的值', width: 60 },
    { header: 'Column (English)', width: 20 },
    { header: 'Notes (English)', width: 60 },
  ];
  ws.getRow(1).font = { bold: true };
  for (const c of FILE_COLUMNS) {
    ws.addRow([c.header, c.required ? '是' : '否', c.help.zh, c.allowed?.zh ?? '', c.field, `${c.help.en}${c.allowed ? `. Allowed: ${c.allowed.en}` : ''}`]);
  }
  ws.addRow([]);
  for (const line of [
    '“零售户”工作表第 2 行为示例，导入前请删除。',
    '按客户编码匹配：已有的零售户被更新（修改记入变更历史），新的编码新建零售户。文件中没有的选填列保持原值。',
    '任何一行有错误时整个文件都不导入，并列出每个错误的行号、列名和原因。',
    '导出文件可直接修改后导入；导出时脱敏的内容（含 *）保持原样即保留原值。',
  ]) {
    ws.addRow([line]);
  }
}

/** RFC 4180, with a byte-order mark so Excel reads the Chinese as UTF-8. */
function toCsv(rows: Cell[][]): Buffer {
  const field = (v: Cell) => {
    const s = String(v);
    return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return Buffer.from('\ufeff' + rows.map((r) => r.map(field).join(',')).join('\r\n') + '\r\n', 'utf8');
}

/** The Chinese file name per RFC 5987 (filename*), with an ASCII one for old clients. */
function sendFile(reply: FastifyReply, [zh, ascii]: [string, string], format: 'xlsx' | 'csv', body: Buffer) {
  return reply
    .header('content-type', CONTENT_TYPE[format])
    .header('content-disposition', `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${zh}.${format}`)}`)
    .header('cache-control', 'no-store')
    .send(body);
}

/** YYYYMMDD in China time, for file names. */
function shanghaiDate(d: Date): string {
  return new Date(d.getTime() + 8 * 3600_000).toISOString().slice(0, 10).replace(/-/g, '');
}
