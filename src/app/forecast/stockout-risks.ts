// Emergency-supply planning (应急补货) before festivals: the shops of the
// viewer's scope whose forecast of a scarce product in one of the next eight
// weeks is above the limit they were last given for it — likely to run out
// unless the plan gives more. The last published limit stands in for the
// future week's, which no plan has set yet (decision 1815).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { EVENT_LABELS } from '../../domain/forecast/index.js';
import type { StockoutRisks } from '../../shared/forecast.js';

export async function findStockoutRisks(db: Db, viewer: Viewer, limit = 100): Promise<StockoutRisks> {
  const org = viewer.orgId;
  const rows = await query<{
    retailerId: number;
    shopName: string;
    gridName: string;
    productId: number;
    productName: string;
    weekStart: string;
    forecast: number;
    lastLimit: number;
    eventKind: string | null;
    eventOffset: number;
  }>(
    db,
    sql`with run as (select id from forecast_runs where org_id = ${org} and status = 'done' order by id desc limit 1),
      lim as (
        select distinct on (l.retailer_id, l.product_id) l.retailer_id, l.product_id, l.limit_qty
        from order_limits l join supply_plans p on p.org_id = l.org_id and p.id = l.plan_id
        where l.org_id = ${org} and p.status = 'published'
        order by l.retailer_id, l.product_id, p.week_start desc)
      select f.retailer_id as "retailerId", r.shop_name as "shopName", g.name as "gridName", f.product_id as "productId", pr.name as "productName",
        to_char(f.week_start, 'YYYY-MM-DD') as "weekStart", f.qty as forecast, lim.limit_qty as "lastLimit", f.event_kind as "eventKind", f.event_offset as "eventOffset"
      from forecasts f
      join run on run.id = f.run_id
      join products pr on pr.org_id = f.org_id and pr.id = f.product_id and pr.scarce
      join lim on lim.retailer_id = f.retailer_id and lim.product_id = f.product_id
      join retailers r on r.org_id = f.org_id and r.id = f.retailer_id
      join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where f.org_id = ${org} and f.retailer_id <> 0 and f.product_id <> 0 and f.qty >= lim.limit_qty + 1 and ${retailerScope(viewer)}
      order by f.qty - lim.limit_qty desc, f.week_start, f.retailer_id, f.product_id
      limit ${limit + 1}`,
  );
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    more: rows.length > limit,
    items: rows.slice(0, limit).map((r) => ({
      ...r,
      forecast: r1(r.forecast),
      shortfall: r1(r.forecast - r.lastLimit),
      // The festival the week leads up to or follows (events.ts: ±6 weeks), as the why's text names it.
      event: r.eventKind ? { ...(EVENT_LABELS[r.eventKind] ?? { zh: r.eventKind, en: r.eventKind }), offset: r.eventOffset } : null,
    })),
  };
}
