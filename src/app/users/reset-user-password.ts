// The administrator resets a user's password (decision 0862): a generated
// temporary password, shown once to the administrator to hand over; the user
// must change it at the next login (0860, 0861). In one transaction: the new
// hash, the must-change flag, every session of the user ended, the audit row
// (naming the user, never the password or its hash). The user's login
// throttle count is cleared, so a user locked out by wrong passwords can log
// in with the new one.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { throttleKeys } from '../../domain/access/login-throttle.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { UserSummary } from '../../shared/users.js';
import { findUserSummary } from './find-users.js';
import { writeAudit } from '../audit/audit.js';
import { hashPassword } from '../auth/password.js';
import { endAllSessions } from '../auth/session-queries.js';
import { temporaryPassword } from '../auth/temporary-password.js';

export type PasswordReset = { user: UserSummary; temporaryPassword: string; sessionsEnded: number };

/** Only a user of the viewer's own county: another county's (or an unknown) id is 404, as if it did not exist. */
export async function resetUserPassword(db: Db, viewer: Viewer, userId: number, now: Date): Promise<PasswordReset> {
  if (userId === viewer.userId) throw new AppError('password_reset_self');
  const password = temporaryPassword();
  const hash = await hashPassword(password);
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [updated] = await query<{ id: number }>(
      tx,
      sql`update users set password_hash = ${hash}, password_change_required = true
        where org_id = ${viewer.orgId} and id = ${userId} returning id`,
    );
    const user = updated && (await findUserSummary(tx, viewer.orgId, updated.id));
    if (!user) throw new AppError('not_found');
    const sessionsEnded = await endAllSessions(tx, user.id);
    await query(tx, sql`delete from login_attempts where key = ${throttleKeys(user.username, '').account}`);
    await writeAudit(tx, viewer, { action: 'password_reset', entity: 'user', entityIds: [user.id], detail: { username: user.username, sessionsEnded } }, now);
    return { user, temporaryPassword: password, sessionsEnded };
  });
}
