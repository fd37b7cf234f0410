// The text of an uploaded CSV. Excel on Chinese Windows saves "CSV (逗号分隔)"
// in the ANSI code page, GBK (936); only "CSV UTF-8" is UTF-8, with a BOM.
// GB18030 is a superset of GBK, and Node's full ICU decodes it (decision 007).
import { AppError } from './errors.js';
import { neutraliseCell, restoreCell } from '../shared/spreadsheet-cell.js';

export type CsvEncoding = 'utf-8' | 'gb18030';

const BOM = [0xef, 0xbb, 0xbf];

/**
 * UTF-8 (with or without a byte-order mark) when the bytes are valid UTF-8,
 * else GB18030 when they are valid GB18030; anything else (UTF-16, a binary
 * file) is refused with `import_csv_encoding`, never decoded into mojibake.
 */
export function decodeCsv(data: Uint8Array): { text: string; encoding: CsvEncoding } {
  if (BOM.every((b, i) => data[i] === b)) {
    const text = strictDecode('utf-8', data.subarray(3));
    if (text === undefined) throw new AppError('import_csv_encoding');
    return { text, encoding: 'utf-8' };
  }
  // Chinese text in GBK is almost never valid UTF-8 (UTF-8 wants each byte
  // from 0x80 up in a strict lead/continuation pattern; the header row alone,
  // 客户编码 = bf cd bb a7…, breaks it), so UTF-8 is tried first.
  const utf8 = strictDecode('utf-8', data);
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  const gb = strictDecode('gb18030', data);
  if (gb !== undefined) return { text: gb, encoding: 'gb18030' };
  throw new AppError('import_csv_encoding');
}

function strictDecode(encoding: CsvEncoding, data: Uint8Array): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true }).decode(data);
  } catch {
    return undefined;
  }
}

// ---- Writing: the one CSV writer of the app (retailer files, layout lists) ----

export { neutraliseCell, restoreCell };

/** One RFC 4180 field, neutralised, quoted when it holds a comma, quote, line break or edge space. */
export function csvField(v: string | number): string {
  const s = neutraliseCell(v);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** RFC 4180 rows, CRLF-terminated. */
export function csvRows(rows: (string | number)[][]): string {
  return rows.map((r) => r.map(csvField).join(',') + '\r\n').join('');
}

/** A whole CSV file with a byte-order mark, so Excel reads the Chinese as UTF-8. */
export function csvFile(rows: (string | number)[][]): Buffer {
  return Buffer.from('\ufeff' + csvRows(rows), 'utf8');
}
