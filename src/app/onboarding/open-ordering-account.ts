// Marketing enters a new licensee into the order cycle (issue 15 item 8): the
// shop gets its ordering login, named by its licence number as the
// industry's ordering sites do, with an initial password shown once to the
// person who opened it to hand to the retailer (decision 1026).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { hashPassword } from '../auth/password.js';
import { temporaryPassword } from '../auth/temporary-password.js';

export type OpenedAccount = { username: string; initialPassword: string | null };

/** Inside the step's transaction. A shop that already has a login keeps it (no password shown). */
export async function openOrderingAccount(tx: Db, viewer: Viewer, shop: { id: number; licenceNo: string; shopName: string }, now: Date): Promise<OpenedAccount> {
  const [existing] = await query<{ username: string }>(
    tx,
    sql`select username from users where org_id = ${viewer.orgId} and retailer_id = ${shop.id} and role = 'retailer' order by id limit 1`,
  );
  if (existing) return { username: existing.username, initialPassword: null };
  const password = temporaryPassword();
  const [created] = await query<{ username: string }>(
    tx,
    // The retailer chooses their own password at first login (decision 0860).
    sql`insert into users (org_id, username, display_name, password_hash, role, retailer_id, password_change_required, created_at)
      values (${viewer.orgId}, ${shop.licenceNo}, ${shop.shopName}, ${await hashPassword(password)}, 'retailer', ${shop.id}, true, ${now.toISOString()}::timestamptz)
      on conflict (username) do nothing returning username`,
  );
  if (!created) throw new AppError('onboarding_account_taken', [{ field: 'openAccount', code: 'onboarding_account_taken' }]);
  return { username: created.username, initialPassword: password };
}
