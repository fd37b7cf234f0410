// A shop's suggested order for a week: each product's forecast from the
// latest finished run, within what the week's published plan still allows it.
// An override wins: the shop's own (retailer_id = shop), else marketing's
// county figure (retailer_id 0), which scales every shop's forecast of that
// product and week by override ÷ the model's county figure, so shops still
// add up to the county (decision 1811). For the retailer's order page, the
// call centre and on-visit ordering (getRetailerOrdering).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { suggestOrder, type Suggestion } from '../../domain/forecast/index.js';

export type SuggestedLine = Suggestion & { productId: number; productName: string; forecast: number; overridden: boolean };

export async function findSuggestedOrder(db: Db, orgId: number, retailerId: number, weekStart: string): Promise<SuggestedLine[]> {
  const rows = await query<{
    productId: number;
    productName: string;
    qty: number;
    baseline: number;
    eventEffect: number;
    trend: number;
    adjustment: number;
    eventKind: string | null;
    eventOffset: number;
    shopQty: number | null;
    shopReason: string | null;
    countyQty: number | null;
    countyReason: string | null;
    countyModel: number | null;
    remaining: number | null;
  }>(
    db,
    sql`with run as (select max(id) as id from forecast_runs where org_id = ${orgId} and status = 'done'),
      plan as (select id from supply_plans where org_id = ${orgId} and week_start = ${weekStart}::date and status = 'published')
      select f.product_id as "productId", p.name as "productName", f.qty, f.baseline, f.event_effect as "eventEffect", f.trend, f.adjustment,
        f.event_kind as "eventKind", f.event_offset as "eventOffset", so.qty as "shopQty", so.reason as "shopReason",
        co.qty as "countyQty", co.reason as "countyReason", cf.qty as "countyModel",
        (select case when i.scarce then greatest(0, coalesce(l.limit_qty - l.ordered_qty, 0)) end
           from plan join supply_plan_items i on i.org_id = ${orgId} and i.plan_id = plan.id and i.product_id = f.product_id
           left join order_limits l on l.org_id = ${orgId} and l.plan_id = plan.id and l.retailer_id = f.retailer_id and l.product_id = f.product_id) as remaining
      from forecasts f join run on run.id = f.run_id join products p on p.id = f.product_id and p.org_id = ${orgId}
      left join forecasts cf on cf.org_id = ${orgId} and cf.run_id = f.run_id and cf.retailer_id = 0 and cf.product_id = f.product_id and cf.week_start = f.week_start
      left join lateral (select case when not o.withdrawn then o.qty end as qty, o.reason from forecast_overrides o where o.org_id = ${orgId} and o.retailer_id = f.retailer_id
        and o.product_id = f.product_id and o.week_start = f.week_start order by o.id desc limit 1) so on true
      left join lateral (select case when not o.withdrawn then o.qty end as qty, o.reason from forecast_overrides o where o.org_id = ${orgId} and o.retailer_id = 0
        and o.product_id = f.product_id and o.week_start = f.week_start order by o.id desc limit 1) co on true
      where f.org_id = ${orgId} and f.retailer_id = ${retailerId} and f.product_id <> 0 and f.week_start = ${weekStart}::date and p.active
      order by f.qty desc, f.product_id`,
  );
  return rows
    .map((r) => {
      // Marketing's county figure shared out in the proportion the model gave this shop.
      const countyShare = r.countyQty !== null && r.countyModel ? (r.qty * r.countyQty) / r.countyModel : r.countyQty !== null ? 0 : null;
      const override =
        r.shopQty !== null
          ? { qty: r.shopQty, reason: r.shopReason ?? '', by: 'shop' as const }
          : countyShare !== null
            ? { qty: countyShare, reason: r.countyReason ?? '', by: 'county' as const }
            : null;
      return {
        productId: r.productId,
        productName: r.productName,
        forecast: r.qty,
        overridden: override !== null,
        ...suggestOrder({
          forecast: r.qty,
          baseline: r.baseline,
          event: r.eventEffect,
          trend: r.trend,
          adjustment: r.adjustment,
          eventKind: r.eventKind,
          eventOffset: r.eventOffset,
          override,
          remaining: r.remaining,
        }),
      };
    })
    .filter((l) => l.qty > 0 || l.forecast >= 0.5);
}
