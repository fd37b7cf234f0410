// Importing a retailer file: every row is checked against the importer's
// scope, the county and the licences already held, and then all rows are
// written in one transaction, or none. Writes are set-based (batched inserts,
// one UPDATE … FROM jsonb_to_recordset per batch) so 3,000 rows take seconds.
import { and, eq, getTableColumns, sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerChanges, retailers, type NewRetailer, type Retailer } from '../../db/schema.js';
import { gridScope, retailerScope } from '../../db/scope.js';
import { writeAudit } from '../audit/audit.js';
import { isValidBirthday } from '../../domain/retailers/birthday.js';
import { countyFieldErrors, getOrgGeo, uniqueViolation } from './retailer-update.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { diffFields, type FieldChange } from '../../domain/retailers/diff.js';
import { canonicalGroups, columnOf, type FileField, type FileFields } from '../../domain/retailers/import-columns.js';
import { describeRowErrors, parseRetailerTable, sortRowErrors, type FileRow, type ParsedTable, type RowError } from '../../domain/retailers/import-rows.js';
import { retailerSearchTokens } from '../../domain/retailers/search-tokens.js';
import type { MessageCode } from '../../shared/messages.js';
import { AppError } from '../../shared/app-error.js';

export type ImportOptions = { now: Date; dryRun?: boolean; fileName?: string; ip?: string };
export type ImportResult = {
  created: number;
  updated: number;
  unchanged: number;
  total: number;
  dryRun: boolean;
  ignoredColumns: string[];
};

type Fields = Omit<FileFields, 'gridCode'> & { gridId: number };
type Update = { id: number; merged: Fields; changes: FieldChange[] };

const BATCH = 500;

export async function importRetailers(db: Db, viewer: Viewer, table: string[][], opts: ImportOptions): Promise<ImportResult> {
  const parsed = parseRetailerTable(table);
  if (!parsed.ok) throw tableError(parsed);
  const { rows, present, ignoredColumns } = parsed;

  return db.transaction(async (trx) => {
    const tx = trx as unknown as Db;
    const { inserts, updates, unchanged, errors } = await planImport(tx, viewer, rows, present, parsed.errors, opts.now);
    if (errors.length) {
      throw new AppError('import_rejected', [], { rows: describeRowErrors(sortRowErrors(errors)) });
    }
    const result = { created: inserts.length, updated: updates.length, unchanged, total: rows.length, dryRun: !!opts.dryRun, ignoredColumns };
    if (opts.dryRun) return result;

    try {
      const createdIds = await insertRetailers(tx, inserts);
      await updateRetailers(tx, updates, opts.now);
      for (let i = 0; i < updates.length; i += BATCH) {
        await tx.insert(retailerChanges).values(
          updates.slice(i, i + BATCH).map((u) => ({ orgId: viewer.orgId, retailerId: u.id, userId: viewer.userId, source: 'import', changes: u.changes, at: opts.now })),
        );
      }
      const entityIds = [...createdIds, ...updates.map((u) => u.id)];
      const detail = { created: result.created, updated: result.updated, unchanged, total: result.total, fileName: opts.fileName };
      await writeAudit(tx, viewer, { action: 'import', entity: 'retailer', entityIds, detail, ip: opts.ip }, opts.now);
    } catch (e) {
      // Someone took a code or licence between our checks and the write.
      throw uniqueViolation(e) ?? e;
    }
    return result;
  });
}

function tableError(p: Exclude<ParsedTable, { ok: true }>): AppError {
  switch (p.code) {
    case 'import_empty':
      return new AppError('import_empty');
    case 'import_too_many_rows':
      return new AppError('import_too_many_rows', [], {
        max: p.max,
        message: `文件行数过多（最多 ${p.max} 行），请分批导入`,
        messageEn: `The file has too many rows (at most ${p.max}); import it in parts`,
      });
    case 'import_missing_columns':
      return new AppError('import_missing_columns', [], {
        columns: p.columns,
        message: `文件缺少必需的列：${p.columns.join('、')}`,
        messageEn: `The file lacks required columns: ${p.columns.join(', ')}`,
      });
  }
}

/** Decides for every row: insert, update (with its changes), unchanged, or errors. Reads only. */
async function planImport(tx: Db, viewer: Viewer, rows: FileRow[], present: FileField[], parseErrors: RowError[], now: Date) {
  const errors = [...parseErrors];
  const fail = (r: FileRow, field: FileField, code: MessageCode, value?: string) => {
    const col = columnOf(field);
    errors.push({ row: r.row, column: col.header, value: value ?? String((col.format as (v: unknown) => unknown)(r.fields[field])), code });
  };
  const good = (r: FileRow, ...fields: FileField[]) => fields.every((f) => !r.bad.includes(f));
  const values = (field: 'gridCode' | 'customerCode' | 'licenceNo') => [...new Set(rows.filter((r) => good(r, field)).map((r) => r.fields[field]))];

  const geo = await getOrgGeo(tx, viewer.orgId);
  const grids = new Map(
    (await query<{ id: number; code: string }>(tx, sql`select g.id, g.code from grids g where ${gridScope(viewer)} and g.code in ${jsonList(values('gridCode'))}`)).map((g) => [g.code, g.id]),
  );
  const codes = values('customerCode');
  const existing = new Map(
    (await tx.select().from(retailers).where(and(eq(retailers.orgId, viewer.orgId), sql`${retailers.customerCode} in ${jsonList(codes)}`)).for('update')).map((r) => [r.customerCode, r]),
  );
  const inScope = new Set(
    (await query<{ id: number }>(tx, sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${retailerScope(viewer)} and r.customer_code in ${jsonList(codes)}`)).map((r) => r.id),
  );
  const licenceHolder = new Map(
    (
      await query<{ licenceNo: string; customerCode: string }>(
        tx,
        sql`select licence_no as "licenceNo", customer_code as "customerCode" from retailers where org_id = ${viewer.orgId} and licence_no in ${jsonList(values('licenceNo'))}`,
      )
    ).map((r) => [r.licenceNo, r.customerCode]),
  );

  const inserts: NewRetailer[] = [];
  const updates: Update[] = [];
  let unchanged = 0;
  for (const r of rows) {
    const f = r.fields;
    const before = errors.length;
    const gridId = good(r, 'gridCode') ? grids.get(f.gridCode) : undefined;
    if (good(r, 'gridCode') && gridId === undefined) fail(r, 'gridCode', 'unknown_grid');
    for (const e of countyFieldErrors(geo, {
      licenceNo: good(r, 'licenceNo') ? f.licenceNo : undefined,
      ...(good(r, 'lat', 'lng') ? { lat: f.lat, lng: f.lng } : {}),
    })) {
      if (e.field === 'lat') fail(r, 'lat', 'outside_county', `${f.lat}, ${f.lng}`);
      else fail(r, 'licenceNo', e.code as MessageCode);
    }
    if (f.birthday && good(r, 'birthday', 'birthdayCalendar') && !isValidBirthday(f.birthday, f.birthdayCalendar ?? 'solar')) fail(r, 'birthday', 'date_format', f.birthday);
    const found = good(r, 'customerCode') ? existing.get(f.customerCode) : undefined;
    if (found && !inScope.has(found.id)) fail(r, 'customerCode', 'duplicate_code');
    const current = found && inScope.has(found.id) ? found : undefined;
    const holder = good(r, 'licenceNo') ? licenceHolder.get(f.licenceNo) : undefined;
    if (holder !== undefined && holder !== f.customerCode) fail(r, 'licenceNo', 'duplicate_licence');

    const kept: Partial<FileFields> = {};
    for (const field of r.masked) {
      const col = columnOf(field);
      const stored = current?.[field as keyof Retailer];
      if (stored != null && stored !== '' && (col.mask!.of as (v: unknown) => string)(stored) === f[field]) Object.assign(kept, { [field]: stored });
      else fail(r, field, 'masked_value');
    }
    if (errors.length > before || r.bad.length || gridId === undefined || (found && !current)) continue;

    const { gridCode: _, ...rest } = { ...f, ...kept };
    if (!current) {
      const s = retailerSearchTokens(rest);
      inserts.push({ ...rest, orgId: viewer.orgId, gridId, familyMembers: [], searchTokens: s.tokens, shopNameInitials: s.initials, createdAt: now, updatedAt: now });
      continue;
    }
    // Columns absent from the file keep their stored values.
    const update: Record<string, unknown> = { gridId };
    for (const field of present) if (field !== 'gridCode') update[field] = rest[field as keyof typeof rest];
    const stored = { ...current, specialGroups: canonicalGroups(current.specialGroups) };
    const changes = diffFields(stored, update);
    if (!changes.length) unchanged++;
    else updates.push({ id: current.id, merged: { ...stored, ...update } as Fields, changes });
  }
  return { inserts, updates, unchanged, errors };
}

/** `(select … from a JSON array)`: one parameter however many values, on both engines. */
function jsonList(values: string[]): SQL {
  return sql`(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

async function insertRetailers(tx: Db, inserts: NewRetailer[]): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < inserts.length; i += BATCH) {
    const rows = await tx
      .insert(retailers)
      .values(inserts.slice(i, i + BATCH))
      .returning({ id: retailers.id });
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const columns = getTableColumns(retailers);
/** Every column an import may set; the values come from the merged row, so one statement fits all rows. */
const UPDATED = [
  ...(['licenceNo', 'shopName', 'address', 'phone', 'legalPerson', 'legalPersonIdNo', 'businessFormat', 'districtType', 'network', 'gridId'] as const),
  ...(['eSettlement', 'settlementMethod', 'orderWeekday', 'familyNote', 'specialGroups', 'birthday', 'birthdayCalendar', 'storeImage'] as const),
  ...(['storeAreaM2', 'lat', 'lng', 'status', 'searchTokens', 'shopNameInitials'] as const),
].map((key) => ({ key, column: columns[key] }));

const setList = sql.raw(UPDATED.map(({ column }) => `${column.name} = x.${column.name}`).join(', '));
const recordType = sql.raw(['id integer', ...UPDATED.map(({ column }) => `${column.name} ${column.getSQLType()}`)].join(', '));

async function updateRetailers(tx: Db, updates: Update[], now: Date) {
  for (let i = 0; i < updates.length; i += BATCH) {
    const records = updates.slice(i, i + BATCH).map(({ id, merged }) => {
      const s = retailerSearchTokens(merged);
      const values: Record<string, unknown> = { ...merged, searchTokens: s.tokens, shopNameInitials: s.initials };
      return Object.fromEntries([['id', id], ...UPDATED.map(({ key, column }) => [column.name, values[key]])]);
    });
    await tx.execute(sql`update retailers r set ${setList}, version = r.version + 1, updated_at = ${now.toISOString()}::timestamptz
      from jsonb_to_recordset(${JSON.stringify(records)}::jsonb) as x(${recordType}) where r.id = x.id`);
  }
}
