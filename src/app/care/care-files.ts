// Uploaded care photos: checked by their bytes, stored in the database as
// bytes (never as a path or HTML), and read back only by someone allowed to
// see what they belong to — a certificate photo is a view of the register,
// so it is audited like one.
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import { can } from '../../domain/access/permissions.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { checkPhoto } from '../../domain/care/care-photo.js';
import { AppError } from '../../shared/app-error.js';
import { writeAudit } from '../audit/audit.js';

export type CarePurpose = 'special_group' | 'activity';

/** Checks and stores one photo; throws a 400 code when its bytes are not what it says. */
export async function storeCarePhoto(db: Db, orgId: number, userId: number, purpose: CarePurpose, dataUrl: string, field = 'photo'): Promise<number> {
  const checked = checkPhoto(dataUrl);
  if (!checked.ok) throw new AppError(checked.code, [{ field, code: checked.code }]);
  const sha = createHash('sha256').update(checked.bytes).digest('hex');
  const [row] = await query<{ id: number }>(
    db,
    sql`insert into care_files (org_id, purpose, content_type, bytes, size, sha256, created_by)
      values (${orgId}, ${purpose}, ${checked.contentType}, decode(${checked.bytes.toString('base64')}, 'base64'), ${checked.bytes.length}, ${sha}, ${userId}) returning id`,
  );
  return row.id;
}

/** One photo for the viewer, or not_found when it does not exist or is not theirs to see. */
export async function getCarePhoto(db: Db, viewer: Viewer, id: number, now: Date): Promise<{ contentType: string; bytes: Buffer }> {
  const [file] = await query<{ purpose: string; contentType: string; b64: string }>(
    db,
    sql`select purpose, content_type as "contentType", encode(bytes, 'base64') as b64 from care_files where org_id = ${viewer.orgId} and id = ${id}`,
  );
  if (!file) throw new AppError('not_found');
  if (file.purpose === 'special_group') {
    if (!can(viewer.role, 'care.special.read')) throw new AppError('not_found');
    const [rec] = await query<{ id: number; retailerId: number }>(
      db,
      sql`select s.id, s.retailer_id as "retailerId" from care_special_groups s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where s.org_id = ${viewer.orgId} and s.photo_id = ${id} and ${retailerScope(viewer)}`,
    );
    if (!rec) throw new AppError('not_found');
    await writeAudit(db, viewer, { action: 'view_pii', entity: 'care_special_group', entityIds: [rec.retailerId], detail: { recordId: rec.id, photo: id } }, now);
  } else if (!can(viewer.role, 'care.read')) throw new AppError('not_found');
  return { contentType: file.contentType, bytes: Buffer.from(file.b64, 'base64') };
}
