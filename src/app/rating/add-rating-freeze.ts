// A shop hit by disaster or road works keeps last month's rating for a month
// that is not yet published.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { writeAudit } from '../audit/audit.js';
import { findMonthRun } from './rating-runs.js';

/** Throws not_found unless the retailer belongs to the org. */
export async function assertRetailerInOrg(db: Db, orgId: number, retailerId: number): Promise<void> {
  const [row] = await query<{ id: number }>(db, sql`select id from retailers where id = ${retailerId} and org_id = ${orgId}`);
  if (!row) throw new AppError('not_found');
}

export async function addRatingFreeze(
  db: Db,
  viewer: Viewer,
  input: { retailerId: number; month: string; reason: string; ip: string },
  now: Date,
): Promise<{ id: number }> {
  await assertRetailerInOrg(db, viewer.orgId, input.retailerId);
  if (await findMonthRun(db, viewer.orgId, input.month, true)) throw new AppError('rating_month_published');
  const [done] = await query<{ id: number }>(
    db,
    sql`insert into rating_freezes (org_id, retailer_id, month, reason, created_by) values (${viewer.orgId}, ${input.retailerId}, ${input.month}, ${input.reason}, ${viewer.userId})
      on conflict (org_id, retailer_id, month) do nothing returning id`,
  );
  if (!done) throw new AppError('rating_freeze_exists');
  await writeAudit(db, viewer, { action: 'update', entity: 'rating_freeze', entityIds: [input.retailerId], detail: { month: input.month, reason: input.reason }, ip: input.ip }, now);
  return { id: done.id };
}
