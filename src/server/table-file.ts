// A small table as a download: .xlsx (ExcelJS, cells as values, never
// formulas, built in a compute worker, decision 0913) or CSV through the
// app's one CSV writer, which neutralises cells a spreadsheet would run as
// formulas. Used by the layout lists, the audit log and the desk.
import { compute } from '../solver/compute.js';
import type { FastifyReply } from 'fastify';
import { csvFile } from './csv-text.js';

export type TableCell = string | number;
export type TableFormat = 'xlsx' | 'csv';

export async function tableFile(format: TableFormat, sheet: string, header: string[], rows: TableCell[][], widths: number[] = []): Promise<Buffer> {
  if (format === 'csv') return csvFile([header, ...rows]);
  const file = await compute('tableXlsx', { sheet, header, rows, widths });
  return Buffer.from(file.buffer, file.byteOffset, file.byteLength);
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
