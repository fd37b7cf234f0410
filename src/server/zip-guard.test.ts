import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { assertZipWithinLimits } from './zip-guard.js';
import { zipBomb, zipOf } from '../../tests/support/zip-bomb.js';

const limits = { maxEntries: 40, maxEntryBytes: 8 * 1024 * 1024, maxTotalBytes: 12 * 1024 * 1024 };
const code = async (p: Promise<unknown>) => p.then(() => 'ok', (e: { code?: string }) => e.code);

describe('assertZipWithinLimits', () => {
  it('passes a real .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('s').addRow(['知音', 1]);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    expect(await code(assertZipWithinLimits(buf, limits))).toBe('ok');
  });

  it('refuses an entry declared larger than the limit, quickly', async () => {
    const bomb = zipBomb(20);
    const t0 = performance.now();
    expect(await code(assertZipWithinLimits(bomb, limits))).toBe('import_too_large');
    expect(performance.now() - t0).toBeLessThan(200);
  });

  it('refuses an entry that inflates past the size it declared', async () => {
    expect(await code(assertZipWithinLimits(zipBomb(20, { lie: true }), limits))).toBe('import_too_large');
  });

  it('refuses too many entries and garbage', async () => {
    const many = zipOf(Array.from({ length: 41 }, (_, i) => ({ name: `f${i}`, data: Buffer.from('x') })));
    expect(await code(assertZipWithinLimits(many, limits))).toBe('import_too_large');
    expect(await code(assertZipWithinLimits(Buffer.from('PK\u0003\u0004 not really a zip at all, no directory'), limits))).toBe('import_bad_file');
  });
});
