// The administrator edits a staff account of their county (decision 0863):
// its name, role and station, or closes (or reopens) it. A closed account
// cannot log in and its sessions end at once; a grid worker who still has
// grids is not closed or moved off the role until the grids are reassigned
// (one grid, one worker). Shops' logins are onboarding's; one's own account
// cannot be closed or lose its role here. Audited with before and after.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { STAFF_ROLES, STATION_ROLES, type StaffRole, type UserSummary, type UserUpdate } from '../../shared/users.js';
import { writeAudit } from '../audit/audit.js';
import { endAllSessions } from '../auth/session-queries.js';
import { checkStation } from './create-user.js';
import { findUserSummary } from './find-users.js';

export async function updateUser(db: Db, viewer: Viewer, userId: number, input: UserUpdate, now: Date): Promise<{ user: UserSummary; sessionsEnded: number }> {
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [locked] = await query<{ id: number }>(tx, sql`select id from users where org_id = ${viewer.orgId} and id = ${userId} for update`);
    const before = locked && (await findUserSummary(tx, viewer.orgId, userId));
    if (!before) throw new AppError('not_found');
    if (!(STAFF_ROLES as readonly string[]).includes(before.role)) throw new AppError('user_not_staff');
    const role = (input.role ?? before.role) as StaffRole;
    if (userId === viewer.userId && ((input.active === false && before.active) || role !== before.role)) throw new AppError('user_self_change');
    const stationId = STATION_ROLES.includes(role) ? (input.stationId !== undefined ? input.stationId : before.stationId) : null;
    if (STATION_ROLES.includes(role) && !stationId) throw new AppError('validation_failed', [{ field: 'stationId', code: 'station_required' }]);
    if (stationId !== null && stationId !== before.stationId) await checkStation(tx, viewer.orgId, stationId);
    const active = input.active ?? before.active;
    const leavesGrids = before.role === 'grid_worker' && (role !== 'grid_worker' || !active);
    if (leavesGrids) {
      const grids = await query<{ name: string }>(tx, sql`select name from grids where org_id = ${viewer.orgId} and worker_id = ${userId} order by name limit 5`);
      if (grids.length) throw new AppError('user_has_grids', [], { grids: grids.map((g) => g.name) });
    }
    await query(
      tx,
      sql`update users set display_name = ${input.displayName ?? before.displayName}, role = ${role}, station_id = ${stationId}, active = ${active}
        where org_id = ${viewer.orgId} and id = ${userId}`,
    );
    // Closing, or a new role: the sessions end, so no screen keeps what the account no longer may do.
    const sessionsEnded = !active || role !== before.role ? await endAllSessions(tx, userId) : 0;
    const user = (await findUserSummary(tx, viewer.orgId, userId))!;
    const changed = Object.fromEntries(
      (['displayName', 'role', 'stationId', 'active'] as const).filter((k) => before[k] !== user[k]).map((k) => [k, { from: before[k], to: user[k] }]),
    );
    await writeAudit(tx, viewer, { action: 'update', entity: 'user', entityIds: [userId], detail: { username: user.username, changed, sessionsEnded } }, now);
    return { user, sessionsEnded };
  });
}
