// A recorded cause lets one retailer's tier move further than the scheme's
// monthly cap in a month not yet published (a relocation, a licence change, a
// shop closed for works). The next computation of the month applies it, and the
// explanation shows it (decision 1420).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { writeAudit } from '../audit/audit.js';
import { assertRetailerInOrg } from './add-rating-freeze.js';
import { findMonthRun } from './rating-runs.js';

export async function recordTierCause(
  db: Db,
  viewer: Viewer,
  input: { retailerId: number; month: string; reason: string; ip: string },
  now: Date,
): Promise<{ id: number }> {
  await assertRetailerInOrg(db, viewer.orgId, input.retailerId);
  if (await findMonthRun(db, viewer.orgId, input.month, true)) throw new AppError('rating_month_published');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    // One cause per retailer and month: recording again replaces the reason (both are in the audit log).
    const [row] = await query<{ id: number }>(
      t,
      sql`insert into rating_tier_causes (org_id, retailer_id, month, reason, created_by, created_at)
        values (${viewer.orgId}, ${input.retailerId}, ${input.month}, ${input.reason}, ${viewer.userId}, ${now.toISOString()}::timestamptz)
        on conflict (org_id, retailer_id, month) do update set reason = excluded.reason, created_by = excluded.created_by, created_at = excluded.created_at
        returning id`,
    );
    await writeAudit(t, viewer, { action: 'update', entity: 'rating_tier_cause', entityIds: [input.retailerId], detail: { month: input.month, reason: input.reason }, ip: input.ip }, now);
    return { id: row.id };
  });
}
