// The administrator opens a staff account in their own county (decision 0863):
// a new grid worker, station head, call agent, marketing or another
// administrator. The first password is generated and shown once to the
// administrator to hand over; the user must change it at the first login
// (0860, 0861). Audited without the password.
import { sql } from 'drizzle-orm';
import { isUniqueViolation, query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { STATION_ROLES, type UserCreate, type UserSummary } from '../../shared/users.js';
import { writeAudit } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import { temporaryPassword } from '../auth/temporary-password.js';
import { findUserSummary } from './find-users.js';

/** A station of the viewer's county, or a 422 naming the field. */
export async function checkStation(db: Db, orgId: number, stationId: number): Promise<void> {
  const [s] = await query<{ id: number }>(db, sql`select id from stations where org_id = ${orgId} and id = ${stationId}`);
  if (!s) throw new AppError('station_unknown', [{ field: 'stationId', code: 'station_unknown' }]);
}

export async function createUser(db: Db, viewer: Viewer, input: UserCreate, now: Date): Promise<{ user: UserSummary; temporaryPassword: string }> {
  const stationId = STATION_ROLES.includes(input.role) ? (input.stationId ?? null) : null;
  if (stationId !== null) await checkStation(db, viewer.orgId, stationId);
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  try {
    return await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const [{ id }] = await query<{ id: number }>(
        tx,
        sql`insert into users (org_id, username, display_name, password_hash, role, station_id, phone, password_change_required, created_at)
          values (${viewer.orgId}, ${input.username}, ${input.displayName}, ${hash}, ${input.role}, ${stationId}, ${input.phone ?? null}, true, ${now.toISOString()}::timestamptz)
          returning id`,
      );
      const user = (await findUserSummary(tx, viewer.orgId, id))!;
      await writeAudit(tx, viewer, { action: 'create', entity: 'user', entityIds: [id], detail: { username: user.username, role: user.role, stationId } }, now);
      return { user, temporaryPassword: password };
    });
  } catch (e) {
    // Login names are unique across every county: the login form has no county to choose.
    if (isUniqueViolation(e)) throw new AppError('username_taken', [{ field: 'username', code: 'username_taken' }]);
    throw e;
  }
}
