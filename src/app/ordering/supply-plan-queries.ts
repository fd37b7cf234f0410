// Reading supply plans: the list, and one plan with its items, quotas by
// tier and market, and the supply used.
import { findExpectedDemand } from '../forecast/find-expected-demand.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { AllocationQuota, PlanDetail, PlanItem, PlanSummary } from '../../shared/ordering.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export async function findPlans(db: Db, viewer: Viewer): Promise<PlanSummary[]> {
  return rows<PlanSummary>(
    db,
    sql`select p.id, p.week_start::text as "weekStart", p.status, p.published_at as "publishedAt",
               (select count(*)::int from supply_plan_items i where i.plan_id = p.id and i.scarce) as "scarceItems"
        from supply_plans p where p.org_id = ${viewer.orgId} order by p.week_start desc limit 60`,
  );
}

export async function getPlan(db: Db, viewer: Viewer, planId: number): Promise<PlanDetail> {
  const [plan] = await rows<PlanDetail['plan']>(
    db,
    sql`select id, week_start::text as "weekStart", status, note, allocated_at as "allocatedAt", published_at as "publishedAt", version
        from supply_plans where id = ${planId} and org_id = ${viewer.orgId}`,
  );
  if (!plan) throw new AppError('not_found');
  const items = await rows<PlanItem>(
    db,
    sql`select i.product_id as "productId", p.code, p.name as name, p.price_class as "priceClass", i.supply_qty as "supplyQty", i.scarce,
               i.urban_weight::float8 as "urbanWeight", i.rural_weight::float8 as "ruralWeight", i.min_tier as "minTier", i.tier_exponent::float8 as "tierExponent",
               i.max_quota as "maxQuota", i.allocated_qty as "allocatedQty", i.priority_qty as "priorityQty", i.gap_pct::float8 as "gapPct", i.method,
               coalesce((select sum(l.ordered_qty)::int from order_limits l where l.plan_id = i.plan_id and l.product_id = i.product_id), 0) as "orderedQty"
        from supply_plan_items i join products p on p.org_id = i.org_id and p.id = i.product_id
        where i.plan_id = ${planId} order by i.scarce desc, p.price_class, p.code`,
  );
  const quotas = await rows<AllocationQuota>(
    db,
    sql`select product_id as "productId", tier, network, quota, retailers, allocated from allocation_quotas where plan_id = ${planId} order by product_id, network, tier`,
  );
  const expected = await findExpectedDemand(db, viewer.orgId, plan.weekStart);
  for (const i of items) {
    const e = expected.get(i.productId);
    i.expectedDemand = e ? Math.round(e.qty * 10) / 10 : null;
    i.expectedOverridden = e?.overridden ?? false;
  }
  return { plan, items, quotas };
}
