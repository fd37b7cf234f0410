// The accounts of the administrator's own county (decision 0862), for the
// screen where a password is reset: staff and the shops' ordering logins.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { USER_LIST_LIMIT, type UserListQuery, type UserSummary } from '../../shared/users.js';

/** A user row as the screen shows it: its columns, and the users with their station they are read from. */
const userSummaryColumns = sql`u.id, u.username, u.display_name as "displayName", u.role, u.active,
  u.password_change_required as "mustChangePassword", u.station_id as "stationId", s.name as "stationName"`;
const usersWithStation = sql`users u left join stations s on s.org_id = u.org_id and s.id = u.station_id`;

/** One user of the viewer's county as the screen shows it, or undefined. */
export async function findUserSummary(db: Db, orgId: number, userId: number): Promise<UserSummary | undefined> {
  const [u] = await query<UserSummary>(
    db,
    sql`select ${userSummaryColumns} from ${usersWithStation} where u.org_id = ${orgId} and u.id = ${userId}`,
  );
  return u;
}

const likeOf = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Staff first (by role as listed in ROLES), then the shops' logins; at most USER_LIST_LIMIT, with the count of all matches. */
export async function findUsers(db: Db, viewer: Viewer, input: UserListQuery): Promise<{ items: UserSummary[]; total: number }> {
  const match = input.q ? sql`and (u.username ilike ${likeOf(input.q)} or u.display_name ilike ${likeOf(input.q)})` : sql``;
  const rows = await query<UserSummary & { total: number }>(
    db,
    sql`select ${userSummaryColumns}, (count(*) over ())::int as total
      from ${usersWithStation}
      where u.org_id = ${viewer.orgId} ${match}
      order by (u.role = 'retailer'), u.role, u.username limit ${USER_LIST_LIMIT}`,
  );
  return { items: rows.map(({ total: _total, ...u }) => u), total: rows[0]?.total ?? 0 };
}
