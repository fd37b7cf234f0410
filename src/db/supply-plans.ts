// Weekly supply plans: create (defaults from recent demand), edit items,
// allocate the scarce products (caps from order history, quotas by the
// allocation method with the HiGHS LP in a worker), publish (limits become
// binding, order windows open, reminders are queued).
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Viewer } from '../domain/access/viewer.js';
import { AppError } from '../server/errors.js';
import { MARKETS, type AllocationProblem, type GroupDemand, type Market } from '../domain/allocation/types.js';
import { allocateWithLp } from '../solver/allocate-with-lp.js';
import { nextLayers, type NextLayer } from '../domain/allocation/next-layer.js';
import { latestSupplyPriorities } from './rating-segments.js';
import type { PlanItemInput } from '../shared/ordering.js';
import { queueOrderDayReminders } from './order-reminders.js';

type Exec = Pick<Db, 'execute'>;
async function rows<T>(db: Exec, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export const TIER_COUNT = 30;
/** A retailer can sell at most what it asked for in one week of the last 12 weeks. */
const HISTORY_DAYS = 84;

/** The tilt by price class: mid/high-price brands lean urban, low-price ones rural. */
export function defaultWeights(priceClass: number): { urbanWeight: number; ruralWeight: number } {
  if (priceClass <= 2) return { urbanWeight: 1.4, ruralWeight: 0.7 };
  if (priceClass >= 4) return { urbanWeight: 0.7, ruralWeight: 1.4 };
  return { urbanWeight: 1, ruralWeight: 1 };
}

export async function createPlan(db: Db, viewer: Viewer, input: { weekStart: string; note: string; items?: PlanItemInput[] }): Promise<number> {
  const monday = new Date(`${input.weekStart}T00:00:00Z`);
  if (Number.isNaN(monday.getTime()) || monday.getUTCDay() !== 1) throw new AppError('validation_failed', [{ field: 'weekStart', code: 'date_format' }]);
  return db.transaction(async (tx) => {
    const [plan] = await rows<{ id: number }>(
      tx,
      sql`insert into supply_plans (org_id, week_start, note, created_by) values (${viewer.orgId}, ${input.weekStart}, ${input.note}, ${viewer.userId})
          on conflict do nothing returning id`,
    );
    if (!plan) throw new AppError('plan_week_exists');
    if (input.items) {
      await writeItems(tx, viewer, plan.id, input.items);
    } else {
      // Every active product; supply from the average weekly demand of the last 4 weeks (scarce: half of it).
      await tx.execute(sql`
        insert into supply_plan_items (org_id, plan_id, product_id, supply_qty, scarce, urban_weight, rural_weight)
        select ${viewer.orgId}, ${plan.id}, p.id,
               ceil(coalesce(d.weekly, 0) * case when p.scarce then 0.5 else 1.1 end)::int, p.scarce,
               case when p.price_class <= 2 then 1.4 when p.price_class >= 4 then 0.7 else 1 end,
               case when p.price_class <= 2 then 0.7 when p.price_class >= 4 then 1.4 else 1 end
        from products p
        left join (
          select l.product_id, sum(l.demand_qty) / 4.0 as weekly
          from orders o join order_lines l on l.order_id = o.id
          where o.org_id = ${viewer.orgId} and o.status = 'confirmed'
            and o.order_date >= ${input.weekStart}::date - 28 and o.order_date < ${input.weekStart}::date
          group by l.product_id) d on d.product_id = p.id
        where p.org_id = ${viewer.orgId} and p.active`);
    }
    return plan.id;
  });
}

async function writeItems(tx: Exec, viewer: Viewer, planId: number, items: PlanItemInput[]) {
  const ids = items.map((i) => i.productId);
  const known = await rows<{ id: number }>(tx, sql`select id from products where org_id = ${viewer.orgId} and id = any(${sql.raw(`'{${ids.join(',')}}'::int[]`)})`);
  const knownIds = new Set(known.map((k) => k.id));
  const unknown = items.flatMap((it, i) => (knownIds.has(it.productId) ? [] : [{ field: `items.${i}.productId`, code: 'unknown_product' }]));
  if (unknown.length) throw new AppError('unknown_product', unknown);
  for (const it of items) {
    await tx.execute(sql`
      insert into supply_plan_items (org_id, plan_id, product_id, supply_qty, scarce, urban_weight, rural_weight, min_tier, tier_exponent, max_quota)
      values (${viewer.orgId}, ${planId}, ${it.productId}, ${it.supplyQty}, ${it.scarce}, ${it.urbanWeight}, ${it.ruralWeight}, ${it.minTier}, ${it.tierExponent}, ${it.maxQuota})
      on conflict (plan_id, product_id) do update set supply_qty = excluded.supply_qty, scarce = excluded.scarce,
        urban_weight = excluded.urban_weight, rural_weight = excluded.rural_weight, min_tier = excluded.min_tier,
        tier_exponent = excluded.tier_exponent, max_quota = excluded.max_quota,
        allocated_qty = null, priority_qty = null, lp_bound = null, objective = null, gap_pct = null, method = null`);
  }
}

export async function draftPlan(tx: Exec, viewer: Viewer, planId: number): Promise<{ id: number; weekStart: string; status: string }> {
  const [plan] = await rows<{ id: number; weekStart: string; status: string }>(
    tx,
    sql`select id, week_start::text as "weekStart", status from supply_plans where id = ${planId} and org_id = ${viewer.orgId} for update`,
  );
  if (!plan) throw new AppError('not_found');
  if (plan.status !== 'draft') throw new AppError('plan_published');
  return plan;
}

export async function updatePlanItems(db: Db, viewer: Viewer, planId: number, items: PlanItemInput[]) {
  await db.transaction(async (tx) => {
    await draftPlan(tx, viewer, planId);
    await writeItems(tx, viewer, planId, items);
    await tx.execute(sql`update supply_plans set version = version + 1, allocated_at = null where id = ${planId}`);
  });
}

/** Caps from history into order_limits, quotas per product by the allocation method, limits = min(quota, cap). */
export async function runAllocation(db: Db, viewer: Viewer, planId: number, now: Date) {
  return db.transaction(async (tx) => {
    const plan = await draftPlan(tx, viewer, planId);
    await tx.execute(sql`delete from order_limits where plan_id = ${planId}`);
    await tx.execute(sql`delete from allocation_quotas where plan_id = ${planId}`);
    // What each active retailer can sell of each scarce product; without its own history, the median of its tier and market.
    await tx.execute(sql`
      with items as (select product_id, max_quota from supply_plan_items where plan_id = ${planId} and scarce),
      hist as (
        select o.retailer_id, l.product_id, max(l.demand_qty) as cap
        from orders o join order_lines l on l.order_id = o.id
        where o.org_id = ${viewer.orgId} and o.status = 'confirmed'
          and o.order_date >= ${plan.weekStart}::date - ${HISTORY_DAYS}::int and o.order_date < ${plan.weekStart}::date
          and l.product_id in (select product_id from items)
        group by 1, 2),
      base as (
        select r.id as retailer_id, r.tier, r.network, i.product_id, i.max_quota, h.cap
        from retailers r cross join items i
        left join hist h on h.retailer_id = r.id and h.product_id = i.product_id
        where r.org_id = ${viewer.orgId} and r.status = 'active'),
      med as (
        select tier, network, product_id, percentile_disc(0.5) within group (order by cap) as m
        from base where cap is not null group by 1, 2, 3)
      insert into order_limits (org_id, plan_id, retailer_id, product_id, cap_qty, quota_qty, limit_qty)
      select ${viewer.orgId}, ${planId}, b.retailer_id, b.product_id, least(b.max_quota, coalesce(b.cap, m.m, 0)), 0, 0
      from base b left join med m on m.tier = b.tier and m.network = b.network and m.product_id = b.product_id`);

    const items = await rows<{ productId: number; supplyQty: number; urbanWeight: number; ruralWeight: number; minTier: number; tierExponent: number; maxQuota: number }>(
      tx,
      sql`select product_id as "productId", supply_qty as "supplyQty", urban_weight as "urbanWeight", rural_weight as "ruralWeight",
                 min_tier as "minTier", tier_exponent as "tierExponent", max_quota as "maxQuota"
          from supply_plan_items where plan_id = ${planId} and scarce order by product_id`,
    );
    const hist = await rows<{ productId: number; tier: number; network: Market; cap: number; n: number }>(
      tx,
      sql`select l.product_id as "productId", r.tier, r.network, l.cap_qty as cap, count(*)::int as n
          from order_limits l join retailers r on r.id = l.retailer_id
          where l.plan_id = ${planId} group by 1, 2, 3, 4`,
    );
    const results = [];
    const layers: { productId: number; layer: NextLayer }[] = [];
    for (const it of items) {
      const groups = groupsOf(hist.filter((h) => h.productId === it.productId), it.maxQuota);
      const problem: AllocationProblem = {
        supply: it.supplyQty,
        tierCount: TIER_COUNT,
        policy: { marketWeight: { urban: it.urbanWeight, rural: it.ruralWeight }, minTier: it.minTier, tierExponent: it.tierExponent, maxQuota: it.maxQuota },
        groups,
      };
      const r = await allocateWithLp(problem);
      for (const layer of nextLayers(problem, r.quotas)) layers.push({ productId: it.productId, layer });
      const values = r.quotas.map((q) => sql`(${viewer.orgId}, ${planId}, ${it.productId}, ${q.tier}, ${q.market}, ${q.quota}, ${q.retailers}, ${q.allocated})`);
      await tx.execute(sql`insert into allocation_quotas (org_id, plan_id, product_id, tier, network, quota, retailers, allocated) values ${sql.join(values, sql`, `)}`);
      await tx.execute(sql`
        update supply_plan_items set allocated_qty = ${r.allocated}, lp_bound = ${r.lpBound}, objective = ${r.objective}, gap_pct = ${r.gapPct}, method = ${r.method}
        where plan_id = ${planId} and product_id = ${it.productId}`);
      results.push({ productId: it.productId, supply: it.supplyQty, allocated: r.allocated, gapPct: r.gapPct, method: r.method, priorityQty: 0 });
    }
    await tx.execute(sql`
      update order_limits l set quota_qty = q.quota, limit_qty = least(q.quota, l.cap_qty)
      from retailers r, allocation_quotas q
      where l.plan_id = ${planId} and r.id = l.retailer_id and q.plan_id = l.plan_id and q.product_id = l.product_id
        and q.tier = r.tier and q.network = r.network`);
    const extra = await giveRemainderByPriority(tx as unknown as Db, viewer.orgId, planId, layers);
    for (const res of results) {
      res.priorityQty = extra.get(res.productId) ?? 0;
      res.allocated += res.priorityQty;
    }
    await tx.execute(sql`update supply_plans set allocated_at = ${now.toISOString()}::timestamptz where id = ${planId}`);
    return results;
  });
}

/**
 * What the group quotas leave of each product's supply goes one carton each to
 * retailers whose group's next layer is worth most (it is too big to give
 * whole), within a layer by their service package's scarce-supply priority
 * (close first; unrated shops last), then to those who can sell the most more,
 * then by id. Same tier and market keep the same quota; the extra carton is
 * recorded with the segment that won it (decision 0603). Set-based: one statement.
 */
async function giveRemainderByPriority(tx: Db, orgId: number, planId: number, layers: { productId: number; layer: NextLayer }[]): Promise<Map<number, number>> {
  if (!layers.length) return new Map();
  const ranked = await latestSupplyPriorities(tx, orgId);
  const nv = sql.join(
    layers.map(({ productId, layer }) => sql`(${productId}::int, ${layer.tier}::int, ${layer.market}::text, ${layer.value}::float8)`),
    sql`, `,
  );
  const pr = ranked?.priorities.length
    ? sql.join(ranked.priorities.map((p) => sql`(${p.segment}::text, ${p.priority}::int)`), sql`, `)
    : sql`(null::text, null::int)`;
  const given = await rows<{ productId: number; n: number }>(
    tx,
    sql`with nv(product_id, tier, network, v) as (values ${nv}),
      pr(segment, priority) as (values ${pr}),
      rem as materialized (
        select i.product_id, i.supply_qty - coalesce(sum(l.limit_qty), 0) as left_qty
        from supply_plan_items i left join order_limits l on l.plan_id = i.plan_id and l.product_id = i.product_id
        where i.plan_id = ${planId} and i.scarce group by i.product_id, i.supply_qty),
      -- Materialised: computed once, then joined by key (inlined, the planner re-ran the window per limit row).
      cand as materialized (
        select l.retailer_id, l.product_id, rr.segment,
          row_number() over (partition by l.product_id
            order by nv.v desc, coalesce(pr.priority, 2147483647), l.cap_qty - l.limit_qty desc, l.retailer_id) as k
        from order_limits l join retailers r on r.id = l.retailer_id
        join nv on nv.product_id = l.product_id and nv.tier = r.tier and nv.network = r.network
        left join retailer_ratings rr on rr.run_id = ${ranked?.runId ?? -1} and rr.retailer_id = l.retailer_id
        left join pr on pr.segment = rr.segment
        where l.plan_id = ${planId} and l.limit_qty = l.quota_qty and l.limit_qty < l.cap_qty),
      up as (
        update order_limits l set limit_qty = l.limit_qty + 1, extra_qty = 1, extra_segment = cand.segment
        from cand join rem on rem.product_id = cand.product_id
        where l.plan_id = ${planId} and l.retailer_id = cand.retailer_id and l.product_id = cand.product_id and cand.k <= rem.left_qty
        returning l.product_id)
      select product_id as "productId", count(*)::int as n from up group by 1`,
  );
  const byProduct = new Map(given.map((g) => [g.productId, g.n]));
  // A group's allocated cartons include the extra ones its shops received.
  await tx.execute(sql`
    update allocation_quotas q set allocated = q.allocated + x.n
    from (select l.product_id, r.tier, r.network, count(*)::int as n from order_limits l join retailers r on r.id = l.retailer_id
          where l.plan_id = ${planId} and l.extra_qty > 0 group by 1, 2, 3) x
    where q.plan_id = ${planId} and q.product_id = x.product_id and q.tier = x.tier and q.network = x.network`);
  await tx.execute(sql`
    update supply_plan_items i set priority_qty = x.n, allocated_qty = i.allocated_qty + x.n
    from (select product_id, count(*) filter (where extra_qty > 0)::int as n from order_limits where plan_id = ${planId} group by 1) x
    where i.plan_id = ${planId} and i.product_id = x.product_id and i.scarce`);
  return byProduct;
}

function groupsOf(hist: { tier: number; network: Market; cap: number; n: number }[], maxQuota: number): GroupDemand[] {
  const groups: GroupDemand[] = [];
  for (let t = 1; t <= TIER_COUNT; t++) {
    for (const m of MARKETS) {
      const mine = hist.filter((h) => h.tier === t && h.network === m);
      const top = Math.min(maxQuota, Math.max(0, ...mine.map((h) => h.cap)));
      const atLeast = new Array<number>(top).fill(0);
      for (const h of mine) for (let k = 1; k <= Math.min(h.cap, top); k++) atLeast[k - 1] += h.n;
      groups.push({ tier: t, market: m, atLeast, retailers: mine.reduce((s, h) => s + h.n, 0) });
    }
  }
  return groups;
}

/** Order windows of a week: from 08:00 the day before each order day to 17:00 on it (Beijing time). */
export function windowsOf(weekStart: string): { weekday: number; orderDate: string; opensAt: Date; closesAt: Date }[] {
  const [y, m, d] = weekStart.split('-').map(Number);
  return [1, 2, 3, 4, 5, 6, 7].map((wd) => {
    const day = new Date(Date.UTC(y, m - 1, d + wd - 1));
    return {
      weekday: wd,
      orderDate: day.toISOString().slice(0, 10),
      opensAt: new Date(Date.UTC(y, m - 1, d + wd - 2, 0)),
      closesAt: new Date(Date.UTC(y, m - 1, d + wd - 1, 9)),
    };
  });
}

export async function publishPlan(db: Db, viewer: Viewer, planId: number, now: Date) {
  await db.transaction(async (tx) => {
    const plan = await draftPlan(tx, viewer, planId);
    const [pending] = await rows<{ n: number }>(
      tx,
      sql`select count(*)::int as n from supply_plan_items where plan_id = ${planId} and scarce and allocated_qty is null`,
    );
    if (pending.n > 0) throw new AppError('plan_not_allocated');
    const values = windowsOf(plan.weekStart).map(
      (w) => sql`(${viewer.orgId}, ${planId}, ${w.weekday}, ${w.orderDate}, ${w.opensAt.toISOString()}::timestamptz, ${w.closesAt.toISOString()}::timestamptz)`,
    );
    await tx.execute(sql`insert into order_windows (org_id, plan_id, weekday, order_date, opens_at, closes_at) values ${sql.join(values, sql`, `)} on conflict do nothing`);
    await tx.execute(
      sql`update supply_plans set status = 'published', published_at = ${now.toISOString()}::timestamptz, published_by = ${viewer.userId}, version = version + 1 where id = ${planId}`,
    );
  });
  return queueOrderDayReminders(db, viewer.orgId, now);
}

/** Moves one order window of a plan (e.g. a holiday); answers the windows of the plan. */
export async function setOrderWindow(db: Db, viewer: Viewer, planId: number, weekday: number, opensAt: Date, closesAt: Date) {
  if (closesAt <= opensAt) throw new AppError('validation_failed', [{ field: 'closesAt', code: 'invalid_value' }]);
  const updated = await rows<{ weekday: number }>(
    db,
    sql`update order_windows w set opens_at = ${opensAt.toISOString()}::timestamptz, closes_at = ${closesAt.toISOString()}::timestamptz
        from supply_plans p where p.id = w.plan_id and p.org_id = ${viewer.orgId} and w.plan_id = ${planId} and w.weekday = ${weekday}
        returning w.weekday`,
  );
  if (!updated.length) throw new AppError('not_found');
  return findOrderWindows(db, viewer, planId);
}

export async function findOrderWindows(db: Db, viewer: Viewer, planId: number) {
  return rows<{ weekday: number; orderDate: string; opensAt: string; closesAt: string }>(
    db,
    sql`select w.weekday, w.order_date::text as "orderDate", w.opens_at as "opensAt", w.closes_at as "closesAt"
        from order_windows w join supply_plans p on p.id = w.plan_id where p.org_id = ${viewer.orgId} and w.plan_id = ${planId} order by w.weekday`,
  );
}
