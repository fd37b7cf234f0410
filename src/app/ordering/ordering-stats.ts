// Order-cycle measures (YC/T 455), within the viewer's scope, for one week:
// company stock-out rate = demand lines with nothing available ÷ demand
// lines; 动销率 = retailers ordering this cycle ÷ retailers who ordered in
// the previous three cycles. Both per product and per grid.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import type { OrderCycleStats } from '../../shared/ordering-stats.js';
import { beijingDate } from './order-reminders.js';
import { gridScope, retailerScope } from '../../db/scope.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 100 : null);

/** Monday of the week of the latest order day up to today (Beijing), or of this week when there is none. */
async function latestOrderWeek(db: Db, viewer: Viewer, now: Date): Promise<string> {
  const today = beijingDate(now);
  const [w] = await rows<{ monday: string }>(
    db,
    sql`select date_trunc('week', coalesce(max(order_date), ${today}::date))::date::text as monday
        from orders where org_id = ${viewer.orgId} and status = 'confirmed' and order_date <= ${today}::date`,
  );
  return w.monday;
}

export async function orderCycleStats(db: Db, viewer: Viewer, weekStart: string | undefined, now: Date): Promise<OrderCycleStats> {
  const week = weekStart ?? (await latestOrderWeek(db, viewer, now));
  const cycle = sql`o.order_date >= ${week}::date and o.order_date < ${week}::date + 7`;
  const previous = sql`o.order_date >= ${week}::date - 21 and o.order_date < ${week}::date`;
  const scoped = sql`o.org_id = ${viewer.orgId} and o.status = 'confirmed' and ${retailerScope(viewer)}`;

  const lines = await rows<{ productId: number; code: string; name: string; demandLines: number; stockoutLines: number; demandQty: number; orderedQty: number }>(
    db,
    sql`select l.product_id as "productId", p.code, p.name, count(*) filter (where l.demand_qty > 0)::int as "demandLines",
               count(*) filter (where l.demand_qty > 0 and l.available_qty = 0)::int as "stockoutLines",
               coalesce(sum(l.demand_qty), 0)::int as "demandQty", coalesce(sum(l.ordered_qty), 0)::int as "orderedQty"
        from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join products p on p.org_id = l.org_id and p.id = l.product_id
        join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where ${scoped} and ${cycle}
        group by 1, 2, 3`,
  );
  // Per product: who bought it in the three cycles before, and how many of them buy it again in this one.
  const active = await rows<{ productId: number; code: string; name: string; base: number; ordering: number }>(
    db,
    sql`with prev as (
          select distinct o.retailer_id, l.product_id from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
          join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where ${scoped} and ${previous} and l.ordered_qty > 0),
        cur as (
          select distinct o.retailer_id, l.product_id from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
          join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where ${scoped} and ${cycle} and l.ordered_qty > 0)
        select prev.product_id as "productId", p.code, p.name, count(*)::int as base, count(cur.retailer_id)::int as ordering
        from prev left join cur on cur.retailer_id = prev.retailer_id and cur.product_id = prev.product_id
        join products p on p.id = prev.product_id
        group by 1, 2, 3`,
  );
  const grids = await rows<{ gridId: number; gridName: string; stationName: string; workerName: string | null; base: number; ordering: number; demandLines: number; stockoutLines: number }>(
    db,
    sql`with base as (
          select distinct o.retailer_id from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where ${scoped} and ${previous}),
        cur as (
          select distinct o.retailer_id from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where ${scoped} and ${cycle}),
        act as (
          select r.grid_id, count(*)::int as base, count(cur.retailer_id)::int as ordering
          from base b join retailers r on r.id = b.retailer_id left join cur on cur.retailer_id = b.retailer_id group by 1),
        dem as (
          select r.grid_id, count(*) filter (where l.demand_qty > 0)::int as "demandLines",
                 count(*) filter (where l.demand_qty > 0 and l.available_qty = 0)::int as "stockoutLines"
          from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where ${scoped} and ${cycle} group by 1)
        select g.id as "gridId", g.name as "gridName", st.name as "stationName", u.display_name as "workerName",
               coalesce(act.base, 0) as base, coalesce(act.ordering, 0) as ordering,
               coalesce(dem."demandLines", 0) as "demandLines", coalesce(dem."stockoutLines", 0) as "stockoutLines"
        from grids g join stations st on st.org_id = g.org_id and st.id = g.station_id left join users u on u.org_id = g.org_id and u.id = g.worker_id
        left join act on act.grid_id = g.id left join dem on dem.grid_id = g.id
        where ${gridScope(viewer)} and (act.grid_id is not null or dem.grid_id is not null)
        order by g.name`,
  );

  const byProduct = new Map<number, OrderCycleStats['products'][number]>();
  const product = (p: { productId: number; code: string; name: string }) => {
    let row = byProduct.get(p.productId);
    if (!row) {
      row = { productId: p.productId, code: p.code, name: p.name, demandLines: 0, stockoutLines: 0, demandQty: 0, orderedQty: 0, stockoutRatePct: null, base: 0, ordering: 0, sellThroughPct: null };
      byProduct.set(p.productId, row);
    }
    return row;
  };
  for (const l of lines) Object.assign(product(l), { demandLines: l.demandLines, stockoutLines: l.stockoutLines, demandQty: l.demandQty, orderedQty: l.orderedQty });
  for (const a of active) Object.assign(product(a), { base: a.base, ordering: a.ordering });
  const products = [...byProduct.values()]
    .map((p) => ({ ...p, stockoutRatePct: rate(p.stockoutLines, p.demandLines), sellThroughPct: rate(p.ordering, p.base) }))
    .sort((a, b) => b.demandLines - a.demandLines || a.code.localeCompare(b.code));

  const sum = <T>(xs: T[], f: (x: T) => number) => xs.reduce((s, x) => s + f(x), 0);
  return {
    weekStart: week,
    stockoutRatePct: rate(sum(grids, (g) => g.stockoutLines), sum(grids, (g) => g.demandLines)),
    sellThroughPct: rate(sum(grids, (g) => g.ordering), sum(grids, (g) => g.base)),
    products,
    grids: grids.map((g) => ({ ...g, sellThroughPct: rate(g.ordering, g.base), stockoutRatePct: rate(g.stockoutLines, g.demandLines) })),
  };
}
