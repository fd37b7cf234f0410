// Marketing launches a product: the target shops are chosen from the file
// (tier, the latest published segment, business format, grids) and frozen
// with their grid, station, worker and tier, in one transaction with the
// audit row and the first launch-stats job.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { addDays, isoWeekday } from '../../domain/visits/visit-cycle.js';
import { AppError } from '../../shared/app-error.js';
import { createLaunchSchema, launchTargetSchema, type CreateLaunchInput } from '../../shared/cultivation.js';
import { writeAudit } from '../audit/audit.js';
import { enqueueJob } from '../../jobs/job-queue.js';
import { launchStatsJob } from '../../jobs/launch-stats.js';
import { targetWhere } from './launch-target-sql.js';

export async function createLaunch(db: Db, viewer: Viewer, raw: CreateLaunchInput, now: Date): Promise<{ id: number; targets: number; jobId: number }> {
  const input = createLaunchSchema.parse(raw);
  if (!input.productId) throw new AppError('launch_product_required', [{ field: 'productId', code: 'required' }]);
  if (!input.target) throw new AppError('launch_target_required', [{ field: 'target', code: 'required' }]);
  const target = launchTargetSchema.parse(input.target);
  if (target.tierMin > target.tierMax) throw new AppError('validation_failed', [{ field: 'target.tierMax', code: 'invalid_value' }]);
  const [product] = await query<{ id: number; name: string }>(
    db,
    sql`select id, name from products where id = ${input.productId} and org_id = ${viewer.orgId} and active`,
  );
  if (!product) throw new AppError('launch_product_required', [{ field: 'productId', code: 'not_found' }]);
  if (target.gridIds.length) {
    const [g] = await query<{ n: number }>(db, sql`select count(*)::int as n from grids where org_id = ${viewer.orgId} and id = any(${`{${target.gridIds.join(',')}}`}::int[])`);
    if (g.n !== new Set(target.gridIds).size) throw new AppError('validation_failed', [{ field: 'target.gridIds', code: 'unknown_grid' }]);
  }
  const launchWeek = addDays(input.launchWeek, 1 - isoWeekday(input.launchWeek));
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [launch] = await query<{ id: number }>(
      t,
      sql`insert into launches (org_id, product_id, name, launch_week, weeks, target, target_count, created_by, created_at)
        values (${viewer.orgId}, ${product.id}, ${input.name || product.name}, ${launchWeek}, ${input.weeks}, ${JSON.stringify(target)}::jsonb, 0,
          ${viewer.userId}, ${now.toISOString()}::timestamptz)
        returning id`,
    );
    const [{ n }] = await query<{ n: number }>(
      t,
      sql`with ins as (
          insert into launch_targets (org_id, launch_id, retailer_id, grid_id, station_id, worker_id, tier)
          select r.org_id, ${launch.id}, r.id, r.grid_id, g.station_id, g.worker_id, r.tier
          from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where r.org_id = ${viewer.orgId} and r.status = 'active' and ${targetWhere(viewer.orgId, target)}
          returning 1)
        select count(*)::int as n from ins`,
    );
    // An empty target is refused whole: the transaction rolls the launch back.
    if (n === 0) throw new AppError('launch_target_empty', [{ field: 'target', code: 'launch_target_empty' }]);
    await t.execute(sql`update launches set target_count = ${n} where org_id = ${viewer.orgId} and id = ${launch.id}`);
    const { job } = await enqueueJob(t, launchStatsJob, { orgId: viewer.orgId, launchId: launch.id }, { orgId: viewer.orgId, createdBy: viewer.userId, singletonKey: `launch-stats:${launch.id}` });
    await writeAudit(tx, viewer, { action: 'create', entity: 'launch', entityIds: [launch.id], detail: { productId: product.id, launchWeek, weeks: input.weeks, target, targets: n } }, now);
    return { id: launch.id, targets: n, jobId: job.id };
  });
}
