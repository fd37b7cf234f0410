// Editing a retailer: validate against the county and the viewer's scope,
// write the change and its history in one transaction, or nothing.
import { and, eq, sql } from 'drizzle-orm';
import { isUniqueViolation, query, type Db } from '../../db/client.js';
import { orgs, retailerChanges, retailers } from '../../db/schema.js';
import { gridScope, retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { diffFields, SEARCHABLE_FIELDS, type FieldChange } from '../../domain/retailers/diff.js';
import { retailerSearchTokens } from '../../domain/retailers/search-tokens.js';
import { isInsideBoundary, type Boundary } from '../../domain/geo/inside-boundary.js';
import type { RetailerFields, RetailerUpdate } from '../../shared/retailer.js';
import { AppError, type FieldError } from '../../shared/app-error.js';
import { isValidBirthday } from '../../domain/retailers/birthday.js';
import { writeAudit } from '../audit/audit.js';
import { fieldsRoleMayNotChange } from '../../domain/access/retailer-fields.js';

export type OrgGeo = { adcode: string; boundary: Boundary };

export async function getOrgGeo(db: Db, orgId: number): Promise<OrgGeo> {
  const [o] = await db.select({ adcode: orgs.adcode, boundary: orgs.boundary }).from(orgs).where(eq(orgs.id, orgId));
  return { adcode: o.adcode, boundary: o.boundary as Boundary };
}

/** Checks that need the county: licence area code, position inside the boundary. */
export function countyFieldErrors(geo: OrgGeo, f: Partial<RetailerFields>): FieldError[] {
  const errors: FieldError[] = [];
  if (f.licenceNo && !f.licenceNo.startsWith(geo.adcode)) errors.push({ field: 'licenceNo', code: 'licence_area' });
  if (f.lat !== undefined && f.lng !== undefined && !isInsideBoundary(geo.boundary, f.lat, f.lng)) {
    errors.push({ field: 'lat', code: 'outside_county' });
  }
  return errors;
}

export async function gridsInScope(db: Db, viewer: Viewer, ids: number[]): Promise<Set<number>> {
  if (!ids.length) return new Set();
  const rows = await query<{ id: number }>(
    db,
    sql`select g.id from grids g where ${gridScope(viewer)} and g.id in (${sql.join(ids.map((i) => sql`${i}`), sql`, `)})`,
  );
  return new Set(rows.map((r) => r.id));
}

export async function updateRetailer(
  db: Db,
  viewer: Viewer,
  id: number,
  input: RetailerUpdate,
  now: Date,
): Promise<FieldChange[]> {
  const { version, ...fields } = input;
  return db.transaction(async (tx) => {
    const [row] = await query<Record<string, unknown>>(tx as Db, sql`select r.* from retailers r
      join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${retailerScope(viewer)} and r.id = ${id} for update of r`);
    if (!row) throw new AppError('not_found');
    const current = camelRow(row);
    if (current.version !== version) throw new AppError('version_conflict', [], { currentVersion: current.version });

    const changes = diffFields(current, fields);
    if (!changes.length) throw new AppError('nothing_changed');
    // Customer code, licence number and grid need more than retailer.update (decision 1402); the form sends changed fields only.
    const refused = fieldsRoleMayNotChange(viewer.role, changes.map((c) => c.field));
    if (refused.length) throw new AppError('retailer_field_forbidden', refused.map((field) => ({ field, code: 'retailer_field_forbidden' })));

    const merged = { ...current, ...fields } as RetailerFields & Record<string, unknown>;
    const errors = countyFieldErrors(await getOrgGeo(tx as Db, viewer.orgId), {
      licenceNo: fields.licenceNo,
      lat: merged.lat,
      lng: fields.lat !== undefined || fields.lng !== undefined ? merged.lng : undefined,
    });
    if (fields.gridId !== undefined && !(await gridsInScope(tx as Db, viewer, [fields.gridId])).has(fields.gridId)) {
      errors.push({ field: 'gridId', code: 'unknown_grid' });
    }
    if ((fields.birthday !== undefined || fields.birthdayCalendar !== undefined) && merged.birthday && !isValidBirthday(merged.birthday, merged.birthdayCalendar)) {
      errors.push({ field: 'birthday', code: 'date_format' });
    }
    if (errors.length) throw new AppError('validation_failed', errors);

    const set: Record<string, unknown> = { ...fields, version: version + 1, updatedAt: now };
    if (changes.some((c) => (SEARCHABLE_FIELDS as readonly string[]).includes(c.field))) {
      const s = retailerSearchTokens(merged);
      set.searchTokens = s.tokens;
      set.shopNameInitials = s.initials;
    }
    try {
      await tx
        .update(retailers)
        .set(set)
        .where(and(eq(retailers.id, id), eq(retailers.version, version)));
    } catch (e) {
      throw uniqueViolation(e) ?? e;
    }
    await tx.insert(retailerChanges).values({ orgId: viewer.orgId, retailerId: id, userId: viewer.userId, source: 'edit', changes, at: now });
    await writeAudit(tx as Db, viewer, { action: 'update', entity: 'retailer', entityIds: [id], detail: { fields: changes.map((c) => c.field) } }, now);
    return changes;
  });
}

/** Map a unique-index violation to the field it concerns. */
export function uniqueViolation(e: unknown): AppError | undefined {
  if (!isUniqueViolation(e)) return undefined;
  const err = e as { constraint?: string; cause?: { constraint?: string } };
  const constraint = err.constraint ?? err.cause?.constraint ?? '';
  if (constraint.includes('licence')) return new AppError('duplicate_licence', [{ field: 'licenceNo', code: 'duplicate_licence' }]);
  return new AppError('duplicate_code', [{ field: 'customerCode', code: 'duplicate_code' }]);
}

const camel = (s: string) => s.replace(/_([a-z0-9])/g, (_, c: string) => c.toUpperCase());

/** Raw SQL rows come snake_case; the schema's field names are camelCase. */
export function camelRow(row: Record<string, unknown>): Record<string, unknown> & { version: number } {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(row)) out[camel(k)] = v;
  // e_settlement → eSettlement; store_area_m2 → storeAreaM2
  return out as Record<string, unknown> & { version: number };
}
