// The special-group register (五保户/特困, 残疾人, 烈属/军属, 低保, 独居老人):
// who may see it is `care.special.read` (decision 1121), within the viewer's
// retailer scope; every read of it is a `view_pii` audit row naming the shops.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { specialGroupCreateSchema, specialGroupRenewSchema, specialGroupSchema } from '../../shared/care.js';
import { writeAudit } from '../audit/audit.js';
import { storeCarePhoto } from './care-files.js';
import { localDate } from './care-dates.js';

type Row = z.input<typeof specialGroupSchema>;

async function shopInScope(db: Db, viewer: Viewer, retailerId: number): Promise<void> {
  const [shop] = await query<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and ${retailerScope(viewer)}`);
  if (!shop) throw new AppError('not_found');
}

function checkDates(validUntil: string, recheckOn: string): void {
  if (recheckOn > validUntil) throw new AppError('care_dates_order', [{ field: 'recheckOn', code: 'care_dates_order' }]);
}

export async function createSpecialGroup(db: Db, viewer: Viewer, input: z.output<typeof specialGroupCreateSchema>, now: Date): Promise<{ id: number }> {
  await shopInScope(db, viewer, input.retailerId);
  if (!input.photo) throw new AppError('care_proof_required', [{ field: 'photo', code: 'care_proof_required' }]);
  if (input.kind === 'disabled' && !input.disabilityGrade) throw new AppError('care_grade_required', [{ field: 'disabilityGrade', code: 'care_grade_required' }]);
  checkDates(input.validUntil, input.recheckOn);
  const photo = input.photo;
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const photoId = await storeCarePhoto(tx, viewer.orgId, viewer.userId, 'special_group', photo);
    const [row] = await query<{ id: number }>(
      tx,
      sql`insert into care_special_groups (org_id, retailer_id, kind, disability_grade, authority, document_no, photo_id, valid_until, recheck_on, note, created_by)
        values (${viewer.orgId}, ${input.retailerId}, ${input.kind}, ${input.kind === 'disabled' ? input.disabilityGrade : null}, ${input.authority}, ${input.documentNo}, ${photoId},
          ${input.validUntil}, ${input.recheckOn}, ${input.note}, ${viewer.userId})
        on conflict (org_id, retailer_id, kind) do nothing returning id`,
    );
    if (!row) throw new AppError('care_record_exists');
    await writeAudit(tx, viewer, { action: 'create', entity: 'care_special_group', entityIds: [input.retailerId], detail: { recordId: row.id, kind: input.kind, validUntil: input.validUntil } }, now);
    return { id: row.id };
  });
}

/** New proof dates (and photo): the record's open proof and re-check tasks are done by it. */
export async function renewSpecialGroup(db: Db, viewer: Viewer, id: number, input: z.output<typeof specialGroupRenewSchema>, now: Date): Promise<{ ok: true }> {
  checkDates(input.validUntil, input.recheckOn);
  if (input.validUntil <= localDate(now)) throw new AppError('care_dates_order', [{ field: 'validUntil', code: 'care_dates_order' }]);
  const [rec] = await query<{ retailerId: number }>(
    db,
    sql`select s.retailer_id as "retailerId" from care_special_groups s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where s.org_id = ${viewer.orgId} and s.id = ${id} and ${retailerScope(viewer)}`,
  );
  if (!rec) throw new AppError('not_found');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const photoId = input.photo ? await storeCarePhoto(tx, viewer.orgId, viewer.userId, 'special_group', input.photo) : null;
    await query(
      tx,
      sql`update care_special_groups set valid_until = ${input.validUntil}, recheck_on = ${input.recheckOn}, photo_id = coalesce(${photoId}::int, photo_id),
        authority = coalesce(${input.authority ?? null}::text, authority), updated_at = ${now.toISOString()}::timestamptz where org_id = ${viewer.orgId} and id = ${id}`,
    );
    await query(
      tx,
      sql`update care_tasks set status = 'done', done_at = ${now.toISOString()}::timestamptz, done_by = ${viewer.userId}, note = '证明已更新'
        where org_id = ${viewer.orgId} and special_group_id = ${id} and status = 'open' and kind in ('proof_expired', 'recheck')`,
    );
    await writeAudit(tx, viewer, { action: 'update', entity: 'care_special_group', entityIds: [rec.retailerId], detail: { recordId: id, validUntil: input.validUntil, recheckOn: input.recheckOn } }, now);
    return { ok: true as const };
  });
}

/** The register in the viewer's scope (or one shop's records); the read is audited. */
export async function findSpecialGroups(db: Db, viewer: Viewer, filter: { retailerId?: number }, now: Date): Promise<Row[]> {
  const today = localDate(now);
  const rows = await query<Row>(
    db,
    sql`select s.id, s.retailer_id as "retailerId", r.shop_name as "shopName", g.name as "gridName", s.kind, s.disability_grade as "disabilityGrade", s.authority,
        s.document_no as "documentNo", s.photo_id as "photoId", to_char(s.valid_until, 'YYYY-MM-DD') as "validUntil", to_char(s.recheck_on, 'YYYY-MM-DD') as "recheckOn",
        s.valid_until < ${today}::date as expired, s.note
      from care_special_groups s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where s.org_id = ${viewer.orgId} and ${retailerScope(viewer)} ${filter.retailerId ? sql`and s.retailer_id = ${filter.retailerId}` : sql``}
      order by s.valid_until, s.id limit 2000`,
  );
  if (rows.length) {
    await writeAudit(db, viewer, { action: 'view_pii', entity: 'care_special_group', entityIds: [...new Set(rows.map((r) => r.retailerId))], detail: { records: rows.length, ...(filter.retailerId ? { retailerId: filter.retailerId } : {}) } }, now);
  }
  return rows;
}
