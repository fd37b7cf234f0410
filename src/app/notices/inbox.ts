// The inbox of whoever asks: a retailer's shop notices, a staff member's own.
// A notice is shown from its visible time, unless suppressed, and a nudge
// disappears the moment the shop has ordered in its plan.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';

const mine = (v: Viewer): SQL =>
  v.role === 'retailer' ? sql`n.org_id = ${v.orgId} and n.retailer_id = ${v.retailerId ?? -1}` : sql`n.org_id = ${v.orgId} and n.user_id = ${v.userId}`;

const shown = (now: Date): SQL => sql`n.visible_at <= ${now.toISOString()}::timestamptz and n.suppressed_at is null
  and not (n.unless_ordered_plan_id is not null and exists (select 1 from plan_orders po where po.plan_id = n.unless_ordered_plan_id and po.retailer_id = n.retailer_id))`;

export type InboxItem = { id: number; template: string; title: string; body: string; urgent: boolean; at: string; readAt: string | null };

export async function countUnread(db: Db, viewer: Viewer, now: Date): Promise<number> {
  const [r] = await query<{ n: number }>(db, sql`select count(*)::int as n from notices n where ${mine(viewer)} and n.read_at is null and ${shown(now)}`);
  return r.n;
}

export async function findInbox(db: Db, viewer: Viewer, now: Date, opts: { unreadOnly: boolean; limit: number }) {
  const items = await query<InboxItem>(db, sql`select n.id::int8 as id, n.template, n.title, n.body, n.urgent, n.visible_at as at, n.read_at as "readAt"
    from notices n where ${mine(viewer)} and ${shown(now)} ${opts.unreadOnly ? sql`and n.read_at is null` : sql``}
    order by n.read_at is null desc, n.visible_at desc, n.id desc limit ${opts.limit}`);
  return { items: items.map((x) => ({ ...x, id: Number(x.id) })), unread: await countUnread(db, viewer, now) };
}

/** Marks one of my notices read (the first time only; reading it again keeps the first time). */
export async function markNoticeRead(db: Db, viewer: Viewer, id: number, now: Date) {
  const [row] = await query<{ id: number; readAt: string }>(db, sql`update notices n set read_at = coalesce(n.read_at, ${now.toISOString()}::timestamptz)
    where n.id = ${id} and ${mine(viewer)} and ${shown(now)} returning n.id::int8 as id, n.read_at as "readAt"`);
  if (!row) throw new AppError('not_found');
  return { id: Number(row.id), readAt: row.readAt };
}

export async function markAllRead(db: Db, viewer: Viewer, now: Date) {
  const rows = await query<{ id: number }>(db, sql`update notices n set read_at = ${now.toISOString()}::timestamptz
    where ${mine(viewer)} and n.read_at is null and ${shown(now)} returning n.id`);
  return { updated: rows.length };
}
