// Reading uploaded spreadsheets into rows of text, in a compute worker
// (src/solver/compute.ts): parsing a county's .xlsx held the event loop for
// seconds. The zip-bomb guard runs before, on the request side.
import ExcelJS from 'exceljs';

/** What a cell shows, as text: dates as YYYY-MM-DD, formulas by their result, rich text joined. */
export function cellText(v: ExcelJS.CellValue | undefined): string {
  if (v == null) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return String(v.error);
    return '';
  }
  return String(v);
}

export type SheetRead = { ok: true; table: string[][] } | { ok: false };

/**
 * The named sheet (else the first) as rows of cell text, row n at index n-1
 * (empty rows as []), or with `skipEmpty` only the rows that hold something.
 * `ok: false` when the file is not a workbook or has no sheet.
 */
export async function readSheetTable(input: { data: Uint8Array; sheet?: string; skipEmpty?: boolean }): Promise<SheetRead> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(input.data.buffer, input.data.byteOffset, input.data.byteLength) as unknown as ExcelJS.Buffer);
  } catch {
    return { ok: false };
  }
  const ws = (input.sheet ? wb.worksheets.find((w) => w.name === input.sheet) : undefined) ?? wb.worksheets[0];
  if (!ws) return { ok: false };
  const table: string[][] = [];
  ws.eachRow((row, n) => {
    const cells = Array.from(row.values as ExcelJS.CellValue[]).slice(1).map(cellText);
    if (input.skipEmpty) table.push(cells);
    else table[n - 1] = cells;
  });
  return { ok: true, table: Array.from(table, (r) => r ?? []) };
}
