// A small table as .xlsx (ExcelJS, cells as values, never formulas), built in
// a compute worker (decision 0913): the in-memory workbook of a few thousand
// rows held the event loop for up to a second. Layout lists, the audit log,
// the desk's cases and analysis.
import ExcelJS from 'exceljs';

export type TableXlsxInput = { sheet: string; header: string[]; rows: (string | number)[][]; widths: number[] };

export async function tableXlsx({ sheet, header, rows, widths }: TableXlsxInput): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header).font = { bold: true };
  ws.addRows(rows);
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 16));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
