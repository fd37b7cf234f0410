// A county manager moves one shop's tier in a draft run, with a reason the
// scheme's rules accept; the computed tier is kept beside it.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { validateManualTierChange } from '../../domain/rating/manual-tier-change.js';
import { AppError } from '../../shared/app-error.js';
import { writeAudit } from '../audit/audit.js';
import { getRun } from './rating-runs.js';
import { getSchemeVersion } from './rating-schemes.js';

export async function changeRetailerTier(
  db: Db,
  viewer: Viewer,
  input: { runId: number; retailerId: number; toTier: number; reason: string; ip: string },
  now: Date,
): Promise<{ retailerId: number; fromTier: number; toTier: number }> {
  const run = await getRun(db, viewer.orgId, input.runId);
  if (run.status !== 'draft') throw new AppError(run.status === 'published' ? 'rating_month_published' : 'rating_run_not_draft');
  const [row] = await query<{ tier: number; computedTier: number | null }>(
    db,
    sql`select tier, computed_tier as "computedTier" from retailer_ratings where run_id = ${run.id} and retailer_id = ${input.retailerId} and org_id = ${viewer.orgId}`,
  );
  if (!row) throw new AppError('not_found');
  const scheme = await getSchemeVersion(db, viewer.orgId, run.schemeVersion);
  const checked = validateManualTierChange(
    { retailerId: String(input.retailerId), month: run.month, fromTier: row.tier, toTier: input.toTier, reason: input.reason, changedBy: viewer.username },
    scheme,
  );
  if (!checked.ok) {
    throw new AppError('rating_manual_tier_rejected', [], {
      errors: checked.errors.map((e) => ({ field: e.field, code: e.code, message: e.message.zh, messageEn: e.message.en })),
    });
  }
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await tx.execute(sql`update retailer_ratings set tier = ${input.toTier}, computed_tier = coalesce(computed_tier, tier)
      where run_id = ${run.id} and retailer_id = ${input.retailerId}`);
    await tx.execute(sql`insert into tier_overrides (org_id, run_id, retailer_id, month, from_tier, to_tier, reason, changed_by)
      values (${viewer.orgId}, ${run.id}, ${input.retailerId}, ${run.month}, ${row.tier}, ${input.toTier}, ${checked.value.reason}, ${viewer.userId})`);
    await writeAudit(
      t,
      viewer,
      { action: 'update', entity: 'retailer_tier', entityIds: [input.retailerId], detail: { month: run.month, runId: run.id, from: row.tier, to: input.toTier, reason: checked.value.reason }, ip: input.ip },
      now,
    );
  });
  return { retailerId: input.retailerId, fromTier: row.tier, toTier: input.toTier };
}
