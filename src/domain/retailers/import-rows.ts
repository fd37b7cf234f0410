// From a spreadsheet table (rows of strings, header first) to validated
// retailer rows or a report of every bad cell. Pure: the checks that need the
// database (grids, county, licences held by others) come after, in
// src/db/retailer-import.ts.
import { z } from 'zod';
import { isMessageCode, messageText, type MessageCode } from '../../shared/messages.js';
import { retailerFieldsSchema } from '../../shared/retailer.js';
import { columnOf, columnOfHeader, FILE_COLUMNS, type AnyFileColumn, type FileField, type FileFields } from './import-columns.js';

/** row is the spreadsheet row number (header = 1, first data row = 2); column is the Chinese header. */
export type RowError = { row: number; column: string; value: string; code: MessageCode; otherRow?: number };

export type FileRow = {
  row: number;
  /** Trustworthy only for fields not in `bad`; a file with any error is never written. */
  fields: FileFields;
  /** Personal-data cells holding an export's masked value (e.g. 138****5678), to be matched against the database. */
  masked: FileField[];
  bad: FileField[];
};

export type ParsedTable =
  | { ok: true; rows: FileRow[]; errors: RowError[]; present: FileField[]; ignoredColumns: string[] }
  | { ok: false; code: 'import_empty' }
  | { ok: false; code: 'import_too_many_rows'; max: number }
  | { ok: false; code: 'import_missing_columns'; columns: string[] };

export const MAX_IMPORT_ROWS = 20_000;

const fileSchema = retailerFieldsSchema
  .omit({ gridId: true, familyMembers: true })
  .extend({ gridCode: z.string().trim().min(1, 'required').max(40, 'text_too_long') });

const schemaCache = new Map<string, z.ZodType<Partial<FileFields>>>();
/** The schema without the masked fields, which cannot be validated until matched. */
function schemaWithout(masked: FileField[]): z.ZodType<Partial<FileFields>> {
  const key = masked.join(',');
  let s = schemaCache.get(key);
  if (!s) {
    s = fileSchema.omit(Object.fromEntries(masked.map((f) => [f, true])) as never) as unknown as z.ZodType<Partial<FileFields>>;
    schemaCache.set(key, s);
  }
  return s;
}

const blank = (cells: string[]) => cells.every((c) => c.trim() === '');

export function parseRetailerTable(table: string[][], maxRows = MAX_IMPORT_ROWS): ParsedTable {
  const headerIndex = table.findIndex((r) => !blank(r));
  if (headerIndex < 0) return { ok: false, code: 'import_empty' };
  const header = table[headerIndex];

  const errors: RowError[] = [];
  const at = new Map<FileField, number>();
  const ignoredColumns: string[] = [];
  header.forEach((h, i) => {
    if (!h.trim()) return;
    const col = columnOfHeader(h);
    if (!col) ignoredColumns.push(h.trim());
    else if (at.has(col.field)) errors.push({ row: headerIndex + 1, column: col.header, value: h.trim(), code: 'duplicate_in_file' });
    else at.set(col.field, i);
  });
  const missing = FILE_COLUMNS.filter((c) => c.required && !at.has(c.field)).map((c) => c.header);
  if (missing.length) return { ok: false, code: 'import_missing_columns', columns: missing };

  const dataRows = table.slice(headerIndex + 1).map((cells, i) => ({ row: headerIndex + 2 + i, cells })).filter((r) => !blank(r.cells));
  if (!dataRows.length) return { ok: false, code: 'import_empty' };
  if (dataRows.length > maxRows) return { ok: false, code: 'import_too_many_rows', max: maxRows };

  const present = FILE_COLUMNS.filter((c) => at.has(c.field)).map((c) => c.field);
  const rows = dataRows.map(({ row, cells }) => parseRow(row, cells, at, errors));
  duplicatesInFile(rows, 'customerCode', at, errors);
  duplicatesInFile(rows, 'licenceNo', at, errors);
  return { ok: true, rows, errors: sortRowErrors(errors), present, ignoredColumns };
}

const colIndex = (header: string) => FILE_COLUMNS.findIndex((c) => c.header === header);

/** In reading order: by row, then by column as the file lays them out. */
export function sortRowErrors(errors: RowError[]): RowError[] {
  return errors.sort((a, b) => a.row - b.row || colIndex(a.column) - colIndex(b.column));
}

function parseRow(row: number, cells: string[], at: Map<FileField, number>, errors: RowError[]): FileRow {
  const candidate: Record<string, unknown> = {};
  const raw: Partial<Record<FileField, string>> = {};
  const masked: FileField[] = [];
  const bad = new Set<FileField>();
  const fail = (col: AnyFileColumn, code: MessageCode) => {
    bad.add(col.field);
    errors.push({ row, column: col.header, value: raw[col.field] ?? '', code });
  };

  for (const col of FILE_COLUMNS) {
    const i = at.get(col.field);
    const text = i === undefined ? '' : (cells[i] ?? '').trim();
    raw[col.field] = text;
    if (!text) {
      if (col.required) fail(col, 'required');
      candidate[col.field] = col.empty;
      continue;
    }
    if (col.mask?.is(text)) {
      masked.push(col.field);
      candidate[col.field] = text;
      continue;
    }
    const parsed = col.parse(text);
    if ('error' in parsed) fail(col, parsed.error);
    else candidate[col.field] = parsed.value;
  }

  const result = schemaWithout(masked).safeParse(candidate);
  if (result.success) Object.assign(candidate, result.data);
  else {
    const seen = new Set<FileField>();
    for (const issue of result.error.issues) {
      const field = issue.path[0] as FileField;
      if (bad.has(field) || seen.has(field)) continue;
      seen.add(field);
      fail(columnOf(field), isMessageCode(issue.message) ? issue.message : 'invalid_value');
    }
  }
  return { row, fields: candidate as FileFields, masked, bad: [...bad] };
}

function duplicatesInFile(rows: FileRow[], field: 'customerCode' | 'licenceNo', at: Map<FileField, number>, errors: RowError[]) {
  if (!at.has(field)) return;
  const first = new Map<string, number>();
  for (const r of rows) {
    const v = r.fields[field];
    if (typeof v !== 'string' || !v || r.bad.includes(field)) continue;
    const other = first.get(v);
    if (other === undefined) first.set(v, r.row);
    else {
      r.bad.push(field);
      errors.push({ row: r.row, column: columnOf(field).header, value: v, code: 'duplicate_in_file', otherRow: other });
    }
  }
}

export type RowErrorReport = RowError & { message: string; messageEn: string };

/** Text a person can act on: the reason, the other row of a duplicate, the values a column allows. */
export function describeRowErrors(errors: RowError[]): RowErrorReport[] {
  return errors.map((e) => {
    let zh = messageText(e.code, 'zh');
    let en = messageText(e.code, 'en');
    if (e.otherRow) {
      zh += `（第 ${e.otherRow} 行）`;
      en += ` (row ${e.otherRow})`;
    }
    const allowed = FILE_COLUMNS.find((c) => c.header === e.column)?.allowed;
    if (allowed && (e.code === 'invalid_value' || e.code === 'number_format')) {
      zh += `；可填：${allowed.zh}`;
      en += `; allowed: ${allowed.en}`;
    }
    return { ...e, message: zh, messageEn: en };
  });
}

/**
 * RFC 4180 CSV to rows of strings: quoted fields with commas, quotes ("") and
 * line breaks; CRLF, LF or CR line ends; a UTF-8 byte-order mark is dropped.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const endField = () => {
    row.push(field);
    field = '';
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch !== '"') field += ch;
      else if (text[i + 1] === '"') {
        field += '"';
        i++;
      } else quoted = false;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === ',') endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || row.length || quoted) endRow();
  return rows;
}
