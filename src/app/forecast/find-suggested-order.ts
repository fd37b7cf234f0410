// A shop's suggested order for a week: each product's forecast from the
// latest finished run (or the latest override), within what the week's
// published plan still allows it. For the retailer's order page, the call
// centre and on-visit ordering (not yet wired to their screens).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { suggestOrder, type Suggestion } from '../../domain/forecast/index.js';

export type SuggestedLine = Suggestion & { productId: number; productName: string; forecast: number };

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
    overrideQty: number | null;
    overrideReason: string | null;
    remaining: number | null;
  }>(
    db,
    sql`with run as (select max(id) as id from forecast_runs where org_id = ${orgId} and status = 'done'),
      plan as (select id from supply_plans where org_id = ${orgId} and week_start = ${weekStart}::date and status = 'published')
      select f.product_id as "productId", p.name as "productName", f.qty, f.baseline, f.event_effect as "eventEffect", f.trend, f.adjustment,
        f.event_kind as "eventKind", f.event_offset as "eventOffset", ov.qty as "overrideQty", ov.reason as "overrideReason",
        (select greatest(0, l.limit_qty - l.ordered_qty) from order_limits l join plan on plan.id = l.plan_id
          where l.retailer_id = f.retailer_id and l.product_id = f.product_id) as remaining
      from forecasts f join run on run.id = f.run_id join products p on p.id = f.product_id and p.org_id = ${orgId}
      left join lateral (select o.qty, o.reason from forecast_overrides o where o.org_id = ${orgId} and o.retailer_id = f.retailer_id
        and o.product_id = f.product_id and o.week_start = f.week_start order by o.id desc limit 1) ov on true
      where f.org_id = ${orgId} and f.retailer_id = ${retailerId} and f.product_id <> 0 and f.week_start = ${weekStart}::date
      order by f.qty desc, f.product_id`,
  );
  return rows
    .map((r) => ({
      productId: r.productId,
      productName: r.productName,
      forecast: r.qty,
      ...suggestOrder({
        forecast: r.qty,
        baseline: r.baseline,
        event: r.eventEffect,
        trend: r.trend,
        adjustment: r.adjustment,
        eventKind: r.eventKind,
        eventOffset: r.eventOffset,
        override: r.overrideQty === null ? null : { qty: r.overrideQty, reason: r.overrideReason ?? '' },
        remaining: r.remaining,
      }),
    }))
    .filter((l) => l.qty > 0 || l.forecast >= 0.5);
}
