// The accounts of the administrator's own county (decision 0862), for the
// screen where a password is reset: staff and the shops' ordering logins.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { USER_LIST_LIMIT, type UserListQuery, type UserSummary } from '../../shared/users.js';

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Staff first (by role as listed in ROLES), then the shops' logins; at most USER_LIST_LIMIT, with the count of all matches. */
export async function findUsers(db: Db, viewer: Viewer, input: UserListQuery): Promise<{ items: UserSummary[]; total: number }> {
  const match = input.q ? sql`and (u.username ilike ${likeOf(input.q)} or u.display_name ilike ${likeOf(input.q)})` : sql``;
  const rows = await query<UserSummary & { total: number }>(
    db,
    sql`select u.id, u.username, u.display_name as "displayName", u.role, u.active, u.password_change_required as "mustChangePassword",
        (count(*) over ())::int as total
      from users u where u.org_id = ${viewer.orgId} ${match}
      order by (u.role = 'retailer'), u.role, u.username limit ${USER_LIST_LIMIT}`,
  );
  return { items: rows.map(({ total: _total, ...u }) => u), total: rows[0]?.total ?? 0 };
}
