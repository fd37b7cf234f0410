// A small table as a download: .xlsx (ExcelJS, cells as values, never
// formulas) or CSV through the app's one CSV writer, which neutralises cells
// a spreadsheet would run as formulas. Used by the layout lists and the audit log.
import ExcelJS from 'exceljs';
import type { FastifyReply } from 'fastify';
import { csvFile } from './csv-text.js';

export type TableCell = string | number;
export type TableFormat = 'xlsx' | 'csv';

export async function tableFile(format: TableFormat, sheet: string, header: string[], rows: TableCell[][], widths: number[] = []): Promise<Buffer> {
  if (format === 'csv') return csvFile([header, ...rows]);
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  ws.addRows(rows);
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 16));
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const CONTENT_TYPE = { xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', csv: 'text/csv; charset=utf-8' } as const;

/** The Chinese file name per RFC 5987 (filename*), with an ASCII one for old clients. */
export function sendTableFile(reply: FastifyReply, [zh, ascii]: [string, string], format: TableFormat, body: Buffer) {
  return reply
    .header('content-type', CONTENT_TYPE[format])
    .header('content-disposition', `attachment; filename="${ascii}.${format}"; filename*=UTF-8''${encodeURIComponent(`${zh}.${format}`)}`)
    .header('cache-control', 'no-store')
    .send(body);
}
