// Writing retailer files: the export as a stream of pages (CSV, or .xlsx
// through ExcelJS's streaming WorkbookWriter in a worker thread, decision
// 0913), so a province's export holds a page at a time, and the one-row
// import template in memory (decision 008).
import { Readable } from 'node:stream';
// ExcelJS only as a type here: the template loads it on first use, so a server start does not (~0.4 s of CPU).
import type ExcelJS from 'exceljs';
import { sheetStreamInWorker } from '../solver/sheet-stream-in-worker.js';
import { FILE_COLUMNS, type Cell } from '../domain/retailers/import-columns.js';
import { csvFile, csvRows } from './csv-text.js';

export const RETAILER_SHEET = '零售户';
const HEADERS = FILE_COLUMNS.map((c) => c.header);

/** A whole CSV file (header and rows), through the app's one CSV writer. */
export function toCsv(rows: Cell[][]): Buffer {
  return csvFile([HEADERS, ...rows]);
}

/**
 * The CSV export as a byte stream: the byte-order mark and header, then each
 * page as it comes. The next page is read only when the client has taken
 * what was sent (a byte stream with the default 16 KB high-water mark).
 */
export function csvStream(pages: AsyncIterable<Cell[][]>): Readable {
  async function* chunks() {
    yield Buffer.from('\ufeff' + csvRows([HEADERS]), 'utf8');
    for await (const rows of pages) if (rows.length) yield Buffer.from(csvRows(rows), 'utf8');
  }
  return Readable.from(chunks(), { objectMode: false });
}

function defineColumns(ws: ExcelJS.Worksheet) {
  // Codes, licences, phones and ID numbers stay text, so Excel keeps every digit.
  ws.columns = FILE_COLUMNS.map((c) => ({ header: c.header, key: c.field, width: c.width, style: c.text ? { numFmt: '@' } : {} }));
  ws.getRow(1).font = { bold: true };
}

/**
 * The .xlsx export as a byte stream, written in a worker thread a page at a
 * time (decision 0913): building and compressing the rows held the event
 * loop for up to seconds. The next page is read when the client and the
 * worker have caught up, so memory holds about two pages, not the file.
 */
export function xlsxStream(pages: AsyncIterable<Cell[][]>): Readable {
  const columns = FILE_COLUMNS.map((c) => ({ header: c.header, width: c.width, text: Boolean(c.text) }));
  return sheetStreamInWorker({ sheet: RETAILER_SHEET, columns }, pages);
}

/** The import template: the header, an example row in grey, and a sheet explaining each column. */
export async function templateXlsx(example: Cell[]): Promise<Buffer> {
  const { default: Excel } = await import('exceljs');
  const wb = new Excel.Workbook();
  const ws = wb.addWorksheet(RETAILER_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  defineColumns(ws);
  ws.addRow(example);
  ws.getRow(2).font = { italic: true, color: { argb: 'FF888888' } };
  ws.getCell('A2').note = '示例行，导入前请删除';
  addHelpSheet(wb);
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
