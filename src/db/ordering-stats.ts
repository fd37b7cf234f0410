// Order-cycle measures (YC/T 455), within the viewer's scope, for one week:
// company stock-out rate per product = demand lines with nothing available ÷
// demand lines; 动销率 per grid = retailers ordering this cycle ÷ retailers
// who ordered in the previous three cycles.
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Viewer } from '../domain/access/viewer.js';
import { retailerScope } from './scope.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export async function orderCycleStats(db: Db, viewer: Viewer, weekStart: string) {
  const products = await rows<{ productId: number; name: string; demandLines: number; stockoutLines: number; demandQty: number; orderedQty: number }>(
    db,
    sql`select l.product_id as "productId", p.name, count(*) filter (where l.demand_qty > 0)::int as "demandLines",
               count(*) filter (where l.demand_qty > 0 and l.available_qty = 0)::int as "stockoutLines",
               coalesce(sum(l.demand_qty), 0)::int as "demandQty", coalesce(sum(l.ordered_qty), 0)::int as "orderedQty"
        from orders o join order_lines l on l.order_id = o.id join products p on p.id = l.product_id
        join retailers r on r.id = o.retailer_id join grids g on g.id = r.grid_id
        where o.org_id = ${viewer.orgId} and o.status = 'confirmed' and ${retailerScope(viewer)}
          and o.order_date >= ${weekStart}::date and o.order_date < ${weekStart}::date + 7
        group by 1, 2 order by 4 desc`,
  );
  const grids = await rows<{ gridId: number; gridName: string; base: number; ordering: number }>(
    db,
    sql`with base as (
          select distinct o.retailer_id from orders o
          where o.org_id = ${viewer.orgId} and o.status = 'confirmed' and o.order_date >= ${weekStart}::date - 21 and o.order_date < ${weekStart}::date),
        cur as (
          select distinct o.retailer_id from orders o
          where o.org_id = ${viewer.orgId} and o.status = 'confirmed' and o.order_date >= ${weekStart}::date and o.order_date < ${weekStart}::date + 7)
        select g.id as "gridId", g.name as "gridName", count(*)::int as base, count(cur.retailer_id)::int as ordering
        from base b join retailers r on r.id = b.retailer_id join grids g on g.id = r.grid_id
        left join cur on cur.retailer_id = b.retailer_id
        where ${retailerScope(viewer)} group by g.id, g.name order by g.name`,
  );
  const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 100 : null);
  const demandLines = products.reduce((s, p) => s + p.demandLines, 0);
  const stockoutLines = products.reduce((s, p) => s + p.stockoutLines, 0);
  const base = grids.reduce((s, g) => s + g.base, 0);
  const ordering = grids.reduce((s, g) => s + g.ordering, 0);
  return {
    weekStart,
    stockoutRatePct: rate(stockoutLines, demandLines),
    sellThroughPct: rate(ordering, base),
    products: products.map((p) => ({ ...p, stockoutRatePct: rate(p.stockoutLines, p.demandLines) })),
    grids: grids.map((g) => ({ ...g, sellThroughPct: rate(g.ordering, g.base) })),
  };
}
