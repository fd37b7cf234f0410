// Follow-up items raised on visits, within the viewer's scope. Items past
// their due time are flagged (overdue_at set once) whenever they are read.
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { workerRowScope } from '../../db/visit-scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { FollowUp } from '../../shared/visits.js';
import { AppError } from '../../shared/app-error.js';
import { syncFollowUpCase } from '../desk/follow-up-cases.js';

export async function flagOverdueFollowUps(db: Db, orgId: number, now: Date): Promise<void> {
  await db.execute(
    sql`update follow_ups set overdue_at = ${now.toISOString()} where org_id = ${orgId} and status = 'open' and overdue_at is null and due_at < ${now.toISOString()}`,
  );
}

type Row = Omit<FollowUp, 'dueAt' | 'doneAt' | 'createdAt'> & { dueAt: Date | string; doneAt: Date | string | null; createdAt: Date | string };
const iso = (v: Date | string) => new Date(v).toISOString();

export async function findFollowUps(db: Db, viewer: Viewer, q: { status: 'open' | 'done' | 'all'; overdue?: 'true' | 'false' }, now: Date): Promise<FollowUp[]> {
  await flagOverdueFollowUps(db, viewer.orgId, now);
  const status = q.status === 'all' ? sql`true` : sql`f.status = ${q.status}`;
  const overdue = q.overdue === undefined ? sql`true` : q.overdue === 'true' ? sql`f.overdue_at is not null` : sql`f.overdue_at is null`;
  const rows = await query<Row>(
    db,
    sql`select f.id, f.visit_id::text as "visitId", f.retailer_id as "retailerId", r.shop_name as "shopName", f.worker_id as "workerId",
        u.display_name as "workerName", f.kind, f.action, f.text, f.key_customer as "keyCustomer", f.due_at as "dueAt", f.status,
        (f.status = 'open' and f.due_at < ${now.toISOString()}) as overdue, f.done_at as "doneAt", f.resolution, f.created_at as "createdAt"
      from follow_ups f join retailers r on r.org_id = f.org_id and r.id = f.retailer_id join users u on u.org_id = f.org_id and u.id = f.worker_id
      where ${workerRowScope(viewer, 'f')} and ${status} and ${overdue}
      order by (f.status = 'open') desc, f.due_at limit 500`,
  );
  return rows.map((r) => ({ ...r, dueAt: iso(r.dueAt), doneAt: r.doneAt ? iso(r.doneAt) : null, createdAt: iso(r.createdAt) }));
}

export async function updateFollowUp(db: Db, viewer: Viewer, id: number, patch: { status: 'open' | 'done'; resolution: string }, now: Date): Promise<void> {
  const done = patch.status === 'done';
  const rows = await query<{ id: number }>(
    db,
    sql`update follow_ups f set status = ${patch.status}, resolution = ${patch.resolution},
        done_at = ${done ? now.toISOString() : null}, done_by = ${done ? viewer.userId : null}
      where f.id = ${id} and ${workerRowScope(viewer, 'f')} returning f.id`,
  );
  if (!rows.length) throw new AppError('not_found');
  await syncFollowUpCase(db, viewer, id, patch, now);
  await writeAudit(db, viewer, { action: 'update', entity: 'follow_up', entityIds: [id], detail: { status: patch.status, resolution: patch.resolution } }, now);
}
