// Import and export of retailers as Excel (.xlsx) or CSV, and the import
// template. The columns come from one table (src/domain/retailers/import-columns.ts),
// so an unmasked export re-imports with no changes. Exports are masked by the
// role's personal-data policy; a masked cell re-imported for an existing
// retailer keeps the stored value, and cannot create or change one. A CSV may
// be UTF-8 or GBK/GB18030, as Excel on Chinese Windows saves it (decision 007);
// exports stream page by page (decision 008).
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Db } from '../../app/context.js';
import { writeAudit } from '../../app/audit/audit.js';
import { findGrids, getOrg } from '../../app/org/org-queries.js';
import { importRetailers } from '../../app/retailers/retailer-import.js';
import { findRetailerExportPages, findRetailerIdsForExport } from '../../app/retailers/retailer-export.js';
import { maskPii } from '../../domain/access/mask-retailer.js';
import { piiPolicy, type PiiPolicy } from '../../domain/access/permissions.js';
import { fileCells, type Cell, type FileFields } from '../../domain/retailers/import-columns.js';
import { parseCsv } from '../../domain/retailers/import-rows.js';
import { fileResponseSchema } from '../../shared/primitives.js';
import {
  importResultSchema,
  importTemplateQuerySchema,
  retailerExportQuerySchema as exportQuerySchema,
  retailerImportQuerySchema as importQuerySchema,
} from '../../shared/retailer-files.js';
import { requirePermission, viewerOf } from '../auth/plugin.js';
import { decodeCsv, restoreCell } from '../csv-text.js';
import { AppError } from '../errors.js';
import { RETAILER_SHEET, csvStream, templateXlsx, toCsv, xlsxStream } from '../retailer-file-writers.js';
import { readUploadedSheet } from '../upload-sheet.js';

export type RetailerFileRouteDeps = { db: Db; now: () => Date; exportPageSize?: number };


const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
} as const;

export function retailerFileRoutes(app: FastifyInstance, { db, now, exportPageSize }: RetailerFileRouteDeps) {
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
    { preHandler: requirePermission('retailer.export'), schema: { tags: ['retailers'], querystring: exportQuerySchema, response: { 200: fileResponseSchema } } },
    async (req, reply) => {
      const viewer = viewerOf(req);
      const { format, ...filters } = req.query;
      const policy = piiPolicy(viewer.role);
      const ids = await findRetailerIdsForExport(db, viewer, filters);
      const unmasked = (['phone', 'family', 'idNumber'] as const).filter((k) => policy[k]);
      const { sort: _s, order: _o, page: _p, pageSize: _ps, ...usedFilters } = filters;
      // Written before the first row leaves: the entry names every retailer the file will hold.
      await writeAudit(
        db,
        viewer,
        {
          action: 'export',
          entity: 'retailer',
          entityIds: ids,
          detail: { count: ids.length, format, piiIncluded: unmasked.length > 0, unmasked, filters: usedFilters },
          ip: req.ip,
        },
        now(),
      );
      const pages = maskedPages(findRetailerExportPages(db, viewer, ids, exportPageSize), policy);
      return sendFile(reply, [`零售户_${shanghaiDate(now())}`, `retailers_${shanghaiDate(now())}`], format, format === 'csv' ? csvStream(pages) : xlsxStream(pages));
    },
  );

  r.get(
    '/api/retailers/import-template',
    { preHandler: requirePermission('retailer.import'), schema: { tags: ['retailers'], querystring: importTemplateQuerySchema, response: { 200: fileResponseSchema } } },
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
      const body = req.query.format === 'csv' ? toCsv([fileCells(example)]) : await templateXlsx(fileCells(example));
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

/** An .xlsx (by its zip signature) or a UTF-8 or GB18030 CSV, as rows of strings. */
async function readTable(filename: string, data: Buffer): Promise<string[][]> {
  if (isZip(data)) {
    const table = await readUploadedSheet(data, { sheet: RETAILER_SHEET });
    return table.map((row) => row.map(restoreCell));
  }
  if (!/\.(csv|txt)$/i.test(filename) && /\.[a-z0-9]+$/i.test(filename)) throw new AppError('import_bad_file');
  const { text } = decodeCsv(data);
  if (text.includes('\u0000')) throw new AppError('import_bad_file');
  return parseCsv(text).map((row) => row.map(restoreCell));
}

/** Each page of export rows as file cells, masked by the viewer's personal-data policy. */
async function* maskedPages(pages: AsyncIterable<(FileFields & { id: number })[]>, policy: PiiPolicy): AsyncGenerator<Cell[][]> {
  for await (const rows of pages) {
    yield rows.map((f) => fileCells(maskPii({ ...f, legalPersonIdNo: f.legalPersonIdNo ?? null, familyMembers: [] }, policy)));
  }
}

/** The Chinese file name per RFC 5987 (filename*), with an ASCII one for old clients. */
function sendFile(reply: FastifyReply, [zh, ascii]: [string, string], format: 'xlsx' | 'csv', body: Buffer | Readable) {
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
