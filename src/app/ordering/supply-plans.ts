// Weekly supply plans: create (defaults from recent demand), edit items,
// allocate the scarce products (caps from order history, quotas by the
// allocation method with the HiGHS LP in a worker), publish (limits become
// binding, order windows open, reminders are queued).
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { MARKETS, type AllocationProblem, type GroupDemand, type Market } from '../../domain/allocation/types.js';
import { allocateWithLp } from '../../solver/allocate-with-lp.js';
import { layersForRemainder, type NextLayer } from '../../domain/allocation/next-layer.js';
import { latestSupplyPriorities } from '../rating/rating-segments.js';
import type { PlanItemInput } from '../../shared/ordering.js';
import { queueOrderDayReminders } from './order-reminders.js';
import { ingestOutbox } from '../notices/ingest-outbox.js';
import { queueSupplyNotices } from '../notices/queue-supply-notices.js';
import { requestDispatch } from '../../jobs/notices/notice-jobs.js';

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

/**
 * A plan for the week starting `weekStart` (a Monday). Given `now`, the week
 * must be the current one (Beijing time) or later: marketing plans this week
 * on its first day as well as next week.
 */
export async function createPlan(db: Db, viewer: Viewer, input: { weekStart: string; note: string; items?: PlanItemInput[] }, now?: Date): Promise<number> {
  const monday = new Date(`${input.weekStart}T00:00:00Z`);
  if (Number.isNaN(monday.getTime()) || monday.getUTCDay() !== 1) throw new AppError('validation_failed', [{ field: 'weekStart', code: 'date_format' }]);
  if (now && input.weekStart < currentWeekStart(now)) throw new AppError('plan_week_past', [{ field: 'weekStart', code: 'plan_week_past' }]);
  return db.transaction(async (tx) => {
    const [plan] = await rows<{ id: number }>(
      tx,
      sql`insert into supply_plans (org_id, week_start, note, created_by) values (${viewer.orgId}, ${input.weekStart}, ${input.note}, ${viewer.userId})
          on conflict do nothing returning id`,
    );
    if (!plan) throw new AppError('plan_week_exists');
    await writeAudit(tx, viewer, { action: 'create', entity: 'supply_plan', entityIds: [plan.id], detail: { weekStart: input.weekStart, note: input.note } });
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
          from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
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
      on conflict (org_id, plan_id, product_id) do update set supply_qty = excluded.supply_qty, scarce = excluded.scarce,
        urban_weight = excluded.urban_weight, rural_weight = excluded.rural_weight, min_tier = excluded.min_tier,
        tier_exponent = excluded.tier_exponent, max_quota = excluded.max_quota,
        allocated_qty = null, priority_qty = null, lp_bound = null, objective = null, gap_pct = null, method = null`);
  }
}

export async function draftPlan(tx: Exec, viewer: Pick<Viewer, 'orgId'>, planId: number): Promise<{ id: number; weekStart: string; status: string }> {
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
    await writeAudit(tx, viewer, { action: 'update', entity: 'supply_plan', entityIds: [planId], detail: { items: items.length } });
  });
}

/**
 * Caps from history, quotas per product by the allocation method, then every
 * limit row written once with its final figures: min(quota, cap), plus one
 * carton for the shops the remainder reaches (decision 0603).
 */
export async function runAllocation(db: Db, viewer: Pick<Viewer, 'orgId'>, planId: number, now: Date, onProgress: (pct: number, step: string) => void = () => {}) {
  return db.transaction(async (tx) => {
    const plan = await draftPlan(tx, viewer, planId);
    onProgress(5, 'caps');
    await tx.execute(sql`delete from order_limits where plan_id = ${planId}`);
    await tx.execute(sql`delete from allocation_quotas where plan_id = ${planId}`);
    // What each active retailer can sell of each scarce product; without its own history, the median of its tier and market.
    // Kept in a temporary table (no WAL, no indexes) until the quotas are known, so each limit row is written once.
    await tx.execute(sql`create temporary table alloc_caps (retailer_id int not null, product_id int not null, tier int not null,
      network text not null, cap int not null) on commit drop`);
    await tx.execute(sql`
      with items as (select product_id, max_quota from supply_plan_items where plan_id = ${planId} and scarce),
      hist as (
        select o.retailer_id, l.product_id, max(l.demand_qty) as cap
        from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
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
      insert into alloc_caps (retailer_id, product_id, tier, network, cap)
      select b.retailer_id, b.product_id, b.tier, b.network, least(b.max_quota, coalesce(b.cap, m.m, 0))
      from base b left join med m on m.tier = b.tier and m.network = b.network and m.product_id = b.product_id`);
    await tx.execute(sql`analyze alloc_caps`);

    const items = await rows<{ productId: number; supplyQty: number; urbanWeight: number; ruralWeight: number; minTier: number; tierExponent: number; maxQuota: number }>(
      tx,
      sql`select product_id as "productId", supply_qty as "supplyQty", urban_weight as "urbanWeight", rural_weight as "ruralWeight",
                 min_tier as "minTier", tier_exponent as "tierExponent", max_quota as "maxQuota"
          from supply_plan_items where plan_id = ${planId} and scarce order by product_id`,
    );
    const hist = await rows<{ productId: number; tier: number; network: Market; cap: number; n: number }>(
      tx,
      sql`select product_id as "productId", tier, network, cap, count(*)::int as n from alloc_caps group by 1, 2, 3, 4`,
    );
    const results = [];
    const remainders: Remainder[] = [];
    for (const [k, it] of items.entries()) {
      onProgress(15 + (70 * k) / Math.max(1, items.length), `quotas ${k + 1}/${items.length}`);
      const groups = groupsOf(hist.filter((h) => h.productId === it.productId), it.maxQuota);
      const problem: AllocationProblem = {
        supply: it.supplyQty,
        tierCount: TIER_COUNT,
        policy: { marketWeight: { urban: it.urbanWeight, rural: it.ruralWeight }, minTier: it.minTier, tierExponent: it.tierExponent, maxQuota: it.maxQuota },
        groups,
      };
      const r = await allocateWithLp(problem);
      const remainder = it.supplyQty - r.allocated;
      remainders.push({ productId: it.productId, remainder, layers: layersForRemainder(problem, r.quotas, remainder) });
      const values = r.quotas.map((q) => sql`(${viewer.orgId}, ${planId}, ${it.productId}, ${q.tier}, ${q.market}, ${q.quota}, ${q.retailers}, ${q.allocated})`);
      await tx.execute(sql`insert into allocation_quotas (org_id, plan_id, product_id, tier, network, quota, retailers, allocated) values ${sql.join(values, sql`, `)}`);
      await tx.execute(sql`
        update supply_plan_items set allocated_qty = ${r.allocated}, lp_bound = ${r.lpBound}, objective = ${r.value}, gap_pct = ${r.gapPct}, method = ${r.method}
        where plan_id = ${planId} and product_id = ${it.productId}`);
      results.push({ productId: it.productId, supply: it.supplyQty, allocated: r.allocated, gapPct: r.gapPct, method: r.method, priorityQty: 0 });
    }
    onProgress(85, 'limits');
    const extra = await writeLimits(tx as unknown as Db, viewer.orgId, planId, remainders);
    for (const res of results) {
      res.priorityQty = extra.get(res.productId) ?? 0;
      res.allocated += res.priorityQty;
    }
    await tx.execute(sql`update supply_plans set allocated_at = ${now.toISOString()}::timestamptz where id = ${planId}`);
    return results;
  });
}

type Remainder = { productId: number; remainder: number; layers: NextLayer[] };

/**
 * Every limit row once, with its final figures: the quota of its tier and
 * market capped at what it can sell, plus one carton where the remainder
 * reaches it. A product's remainder goes to retailers of the layers it reaches
 * (most valuable first, see layersForRemainder), within them by their service
 * package's scarce-supply priority (close first; unrated shops last), then to
 * those who can sell the most more, then by id. Same tier and market keep the
 * same quota; the extra carton is recorded with the segment that won it
 * (decision 0603). The plan's and the groups' figures then count the extras;
 * answers the extra cartons per product.
 */
async function writeLimits(tx: Db, orgId: number, planId: number, remainders: Remainder[]): Promise<Map<number, number>> {
  const ranked = await latestSupplyPriorities(tx, orgId);
  const layers = remainders.flatMap((r) => r.layers.map((l) => sql`(${r.productId}::int, ${l.tier}::int, ${l.market}::text, ${l.value}::float8)`));
  const nv = layers.length ? sql.join(layers, sql`, `) : sql`(null::int, null::int, null::text, null::float8)`;
  const left = remainders.length
    ? sql.join(remainders.map((r) => sql`(${r.productId}::int, ${Math.max(0, r.remainder)}::int)`), sql`, `)
    : sql`(null::int, null::int)`;
  const pr = ranked?.priorities.length
    ? sql.join(ranked.priorities.map((p) => sql`(${p.segment}::text, ${p.priority}::int)`), sql`, `)
    : sql`(null::text, null::int)`;
  // The limit rows are written by the statement; what it answers is the extra cartons per product and
  // group, counted from the few shops the remainder reached (not from the written rows).
  const extras = await rows<{ productId: number; tier: number; network: string; n: number }>(
    tx,
    sql`
    with q as (select product_id, tier, network, quota from allocation_quotas where plan_id = ${planId}),
      nv(product_id, tier, network, v) as (values ${nv}),
      rem(product_id, left_qty) as (values ${left}),
      pr(segment, priority) as (values ${pr}),
      c as (
        select c.retailer_id, c.product_id, c.tier, c.network, c.cap, coalesce(q.quota, 0) as quota
        from alloc_caps c left join q on q.product_id = c.product_id and q.tier = c.tier and q.network = c.network),
      -- Materialised: ranked once, then joined by key (inlined, PostgreSQL may re-rank for every row).
      given as materialized (
        select k.retailer_id, k.product_id, k.tier, k.network, k.segment from (
          select c.retailer_id, c.product_id, c.tier, c.network, rr.segment,
            row_number() over (partition by c.product_id
              order by nv.v desc, coalesce(pr.priority, 2147483647), c.cap - c.quota desc, c.retailer_id) as k
          from c join nv on nv.product_id = c.product_id and nv.tier = c.tier and nv.network = c.network
          left join retailer_ratings rr on rr.run_id = ${ranked?.runId ?? -1} and rr.retailer_id = c.retailer_id
          left join pr on pr.segment = rr.segment
          where c.cap > c.quota) k
        join rem on rem.product_id = k.product_id
        where k.k <= rem.left_qty),
      written as (
        insert into order_limits (org_id, plan_id, retailer_id, product_id, cap_qty, quota_qty, limit_qty, extra_qty, extra_segment)
        select ${orgId}, ${planId}, c.retailer_id, c.product_id, c.cap, c.quota,
          least(c.quota, c.cap) + case when g.retailer_id is null then 0 else 1 end,
          case when g.retailer_id is null then 0 else 1 end, g.segment
        from c left join given g on g.retailer_id = c.retailer_id and g.product_id = c.product_id)
    select product_id as "productId", tier, network, count(*)::int as n from given group by 1, 2, 3`,
  );
  // The plan's and each group's allocated cartons include the extra ones.
  await tx.execute(sql`update supply_plan_items set priority_qty = 0 where plan_id = ${planId} and scarce`);
  const byProduct = new Map<number, number>();
  for (const e of extras) byProduct.set(e.productId, (byProduct.get(e.productId) ?? 0) + e.n);
  if (!extras.length) return byProduct;
  const ev = sql.join(extras.map((e) => sql`(${e.productId}::int, ${e.tier}::int, ${e.network}::text, ${e.n}::int)`), sql`, `);
  await tx.execute(sql`
    update allocation_quotas q set allocated = q.allocated + x.n from (values ${ev}) x(product_id, tier, network, n)
    where q.plan_id = ${planId} and q.product_id = x.product_id and q.tier = x.tier and q.network = x.network`);
  const pv = sql.join([...byProduct].map(([productId, n]) => sql`(${productId}::int, ${n}::int)`), sql`, `);
  await tx.execute(sql`
    update supply_plan_items i set priority_qty = x.n, allocated_qty = i.allocated_qty + x.n
    from (values ${pv}) x(product_id, n) where i.plan_id = ${planId} and i.product_id = x.product_id`);
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

/** Monday (YYYY-MM-DD) of the week holding `now` in Beijing time. */
export function currentWeekStart(now: Date): string {
  const bj = new Date(now.getTime() + 8 * 3_600_000);
  const day = new Date(Date.UTC(bj.getUTCFullYear(), bj.getUTCMonth(), bj.getUTCDate()));
  day.setUTCDate(day.getUTCDate() - ((day.getUTCDay() + 6) % 7));
  return day.toISOString().slice(0, 10);
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
    // Each shop's limits and their reasons, in the publishing transaction (issue 16).
    await queueSupplyNotices(tx as unknown as Db, viewer.orgId, planId, plan.weekStart, viewer.userId, now);
    await writeAudit(tx, viewer, { action: 'publish', entity: 'supply_plan', entityIds: [planId], detail: { weekStart: plan.weekStart } }, now);
  });
  const reminders = await queueOrderDayReminders(db, viewer.orgId, now);
  await ingestOutbox(db, viewer.orgId, now);
  await requestDispatch(db);
  return reminders;
}

/** The order windows of a published plan, with how many active shops order on each day and whether it was moved. */
export async function findOrderWindows(db: Db, viewer: Pick<Viewer, 'orgId'>, planId: number) {
  const found = await rows<{ weekday: number; orderDate: string; opensAt: string; closesAt: string; weekStart: string; retailers: number }>(
    db,
    sql`select w.weekday, w.order_date::text as "orderDate", w.opens_at as "opensAt", w.closes_at as "closesAt", p.week_start::text as "weekStart",
               (select count(*)::int from retailers r where r.org_id = p.org_id and r.status = 'active' and r.order_weekday = w.weekday) as retailers
        from order_windows w join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id where p.org_id = ${viewer.orgId} and w.plan_id = ${planId} order by w.weekday`,
  );
  if (!found.length) return [];
  const defaults = new Map(windowsOf(found[0].weekStart).map((d) => [d.weekday, d]));
  return found.map(({ weekStart: _w, ...w }) => {
    const d = defaults.get(w.weekday);
    const changed = !d || new Date(w.opensAt).getTime() !== d.opensAt.getTime() || new Date(w.closesAt).getTime() !== d.closesAt.getTime();
    return { ...w, changed };
  });
}
