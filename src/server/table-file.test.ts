// Table downloads (.xlsx) are built in a compute worker, not on the thread
// that serves requests (decision 0913), and come out as the same workbook.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { tableFile } from './table-file.js';

describe('table files', () => {
  it('.xlsx: built off this thread; header bold and frozen, cells as values (a formula-like name stays text)', async () => {
    // Count the workbooks made on this thread (a spy would break ExcelJS's constructor).
    const lib = ExcelJS as unknown as { Workbook: new (...a: unknown[]) => object };
    const Original = lib.Workbook;
    let made = 0;
    lib.Workbook = class extends Original {
      constructor(...a: unknown[]) {
        super(...a);
        made++;
      }
    };
    let file: Buffer;
    try {
      file = await tableFile('xlsx', '审计日志', ['时间', '名称', '数量'], [['2026-12-03', '=HYPERLINK("http://x")', 3]], [20, 30]);
      expect(made).toBe(0);
    } finally {
      lib.Workbook = Original;
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('审计日志')!;
    expect(ws.getRow(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).values).toEqual([undefined, '2026-12-03', '=HYPERLINK("http://x")', 3]);
    expect(ws.getRow(2).getCell(2).type).toBe(ExcelJS.ValueType.String);
    expect(ws.getColumn(2).width).toBe(30);
  }, 60_000);
});
