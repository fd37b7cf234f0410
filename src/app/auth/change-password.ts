// A logged-in user changes their own password (decision 0860): the rules
// first (no guess spent on a password that would be refused anyway), then the
// current password counted and checked like a login (decision 0910), then in
// one transaction the new hash, the must-change flag cleared, the user's
// other sessions ended and the audit row (which never holds a password or a hash).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { passwordPolicyIssues } from '../../domain/access/password-policy.js';
import { AppError } from '../../shared/app-error.js';
import type { ChangePasswordInput, ChangePasswordResult } from '../../shared/auth.js';
import { writeAudit } from '../audit/audit.js';
import type { LoginThrottle } from './login-throttle.js';
import { hashPassword, verifyPassword } from './password.js';
import { endOtherSessions } from './session-queries.js';

type UserRow = { id: number; orgId: number; username: string; passwordHash: string; required: boolean };

export async function changePassword(
  db: Db,
  throttle: LoginThrottle,
  viewer: Viewer,
  input: ChangePasswordInput,
  ctx: { sessionToken: string; ip: string; now: Date },
): Promise<ChangePasswordResult> {
  // By id only: a province user looking into a county (viewer.orgId = the county) changes their own password.
  const [user] = await query<UserRow>(
    db,
    sql`select id, org_id as "orgId", username, password_hash as "passwordHash", password_change_required as required
      from users where id = ${viewer.userId} and active`,
  );
  if (!user) throw new AppError('unauthenticated');
  const who = { orgId: user.orgId, userId: user.id };

  const issues = passwordPolicyIssues(input.newPassword, { username: user.username, current: input.currentPassword });
  if (issues.length) throw new AppError('password_weak', issues.map((code) => ({ field: 'newPassword', code })));

  // Counted before the check, on the same counters as the login: a stolen session cannot guess the password faster.
  const wait = await throttle.claim(user.username, ctx.ip, ctx.now);
  if (wait > 0) {
    await writeAudit(db, who, { action: 'login_throttled', entity: 'user', entityIds: [user.id], detail: { passwordChange: true }, ip: ctx.ip }, ctx.now);
    throw new AppError('too_many_attempts', [], { retryAfterSeconds: wait });
  }
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    await writeAudit(db, who, { action: 'password_change_failed', entity: 'user', entityIds: [user.id], ip: ctx.ip }, ctx.now);
    throw new AppError('password_current_wrong', [{ field: 'currentPassword', code: 'password_current_wrong' }]);
  }
  const newHash = await hashPassword(input.newPassword);

  const otherSessionsEnded = await db.transaction(async (tx) => {
    // Only over the hash just checked: of two changes sent at once, the second finds it gone and changes nothing.
    const [updated] = await query<{ id: number }>(
      tx,
      sql`update users set password_hash = ${newHash}, password_change_required = false
        where id = ${user.id} and password_hash = ${user.passwordHash} returning id`,
    );
    if (!updated) throw new AppError('password_changed_meanwhile');
    const ended = await endOtherSessions(tx, user.id, ctx.sessionToken);
    await writeAudit(
      tx,
      who,
      { action: 'password_change', entity: 'user', entityIds: [user.id], detail: { otherSessionsEnded: ended, wasRequired: user.required }, ip: ctx.ip },
      ctx.now,
    );
    return ended;
  });
  await throttle.succeed(user.username, ctx.ip);
  return { ok: true, otherSessionsEnded };
}
