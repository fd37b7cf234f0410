// What an order screen needs about one retailer (scoped): the open or next
// order window, each product with its limit and the reason, the current
// order, the last orders, and a suggested order from its history.
import { countOf } from '../../shared/plural.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { AppError } from '../../shared/app-error.js';
import { explainLimit } from '../../domain/allocation/explain-limit.js';
import type { Market } from '../../domain/allocation/types.js';
import type { RetailerOrdering } from '../../shared/ordering.js';
import type { SuggestedLine } from '../../shared/forecast.js';
import { findSuggestedOrder } from '../forecast/find-suggested-order.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export async function getRetailerOrdering(db: Db, viewer: Viewer, retailerId: number, now: Date): Promise<RetailerOrdering> {
  const iso = now.toISOString();
  const [r] = await rows<{
    id: number;
    customerCode: string;
    shopName: string;
    tier: number;
    network: Market;
    orderWeekday: number;
    settlementMethod: string;
    eSettlement: boolean;
  }>(
    db,
    sql`select r.id, r.customer_code as "customerCode", r.shop_name as "shopName", r.tier, r.network, r.order_weekday as "orderWeekday",
               r.settlement_method as "settlementMethod", r.e_settlement as "eSettlement"
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and ${retailerScope(viewer)}`,
  );
  if (!r) throw new AppError('not_found');
  // The open window, else the next one to open.
  const [w] = await rows<{ planId: number; weekStart: string; orderDate: string; opensAt: string; closesAt: string; open: boolean }>(
    db,
    sql`select w.plan_id as "planId", p.week_start::text as "weekStart", w.order_date::text as "orderDate", w.opens_at as "opensAt", w.closes_at as "closesAt",
               (w.opens_at <= ${iso}::timestamptz) as open
        from order_windows w join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id
        where p.org_id = ${viewer.orgId} and p.status = 'published' and w.weekday = ${r.orderWeekday} and w.closes_at > ${iso}::timestamptz
        order by w.opens_at limit 1`,
  );
  const planId = w?.planId ?? -1;
  const products = await rows<{
    productId: number;
    code: string;
    name: string;
    priceClass: number;
    price: number;
    scarce: boolean;
    supplyQty: number | null;
    urbanWeight: number;
    ruralWeight: number;
    capQty: number | null;
    quotaQty: number | null;
    limitQty: number | null;
    orderedQty: number | null;
    extraQty: number | null;
    extraSegment: string | null;
    lowestServedTier: number | null;
  }>(
    db,
    sql`select p.id as "productId", p.code, p.name as name, p.price_class as "priceClass", p.wholesale_price::float8 as price,
               coalesce(i.scarce, false) as scarce, i.supply_qty as "supplyQty", coalesce(i.urban_weight, 1)::float8 as "urbanWeight",
               coalesce(i.rural_weight, 1)::float8 as "ruralWeight", l.cap_qty as "capQty", l.quota_qty as "quotaQty", l.limit_qty as "limitQty",
               l.ordered_qty as "orderedQty", l.extra_qty as "extraQty", l.extra_segment as "extraSegment",
               (select min(q.tier) from allocation_quotas q where q.plan_id = i.plan_id and q.product_id = p.id and q.network = ${r.network} and q.quota > 0) as "lowestServedTier"
        from products p
        left join supply_plan_items i on i.plan_id = ${planId} and i.product_id = p.id
        left join order_limits l on l.plan_id = ${planId} and l.retailer_id = ${r.id} and l.product_id = p.id
        where p.org_id = ${viewer.orgId} and p.active
        order by coalesce(i.scarce, false) desc, p.price_class, p.code`,
  );
  const current = w
    ? await rows<{ orderId: number; version: number }>(
        db,
        sql`select order_id::int8 as "orderId", version from plan_orders where plan_id = ${planId} and retailer_id = ${r.id}`,
      )
    : [];
  const last = await rows<{ id: number; orderDate: string; channel: string; totalQty: number; totalAmount: number; settlementStatus: string }>(
    db,
    sql`select id::int8 as id, order_date::text as "orderDate", channel, total_qty as "totalQty", total_amount::float8 as "totalAmount", settlement_status as "settlementStatus"
        from orders where retailer_id = ${r.id} and status = 'confirmed' order by order_date desc, id desc limit 4`,
  );
  const lastIds = last.map((o) => Number(o.id));
  const lines = lastIds.length
    ? await rows<{ orderId: number; productId: number; demandQty: number; availableQty: number; orderedQty: number }>(
        db,
        sql`select order_id::int8 as "orderId", product_id as "productId", demand_qty as "demandQty", available_qty as "availableQty", ordered_qty as "orderedQty"
            from order_lines where order_id = any(${sql.raw(`'{${lastIds.join(',')}}'::int8[]`)})`,
      )
    : [];
  const byProduct = new Map(products.map((p) => [p.productId, p]));
  // Suggested: this week's forecast within the limits, with why (decision 1810); while the county has no
  // forecast yet, products ordered in at least two of the last four orders, at their average, within the limit.
  const forecast = w ? await findSuggestedOrder(db, viewer.orgId, r.id, w.weekStart) : [];
  const history = new Map<number, number[]>();
  for (const l of lines) history.set(l.productId, [...(history.get(l.productId) ?? []), l.orderedQty]);
  const suggested: SuggestedLine[] = forecast.length
    ? forecast
        .filter((f) => byProduct.has(f.productId))
        .map((f) => ({ productId: f.productId, qty: f.qty, forecast: Math.round(f.forecast * 10) / 10, capped: f.capped, source: f.overridden ? 'override' : 'forecast', reason: f.reason }))
    : [...history]
        .filter(([pid, qs]) => byProduct.has(pid) && qs.filter((q) => q > 0).length >= 2)
        .map(([pid, qs]): SuggestedLine => {
          const p = byProduct.get(pid)!;
          const avg = Math.round(qs.reduce((a, b) => a + b, 0) / Math.max(1, lastIds.length));
          const qty = p.scarce ? Math.min(avg, p.limitQty ?? 0) : avg;
          return {
            productId: pid,
            qty,
            forecast: null,
            capped: qty < avg,
            source: 'history',
            reason: { zh: `近${lastIds.length}次订货平均 ${avg} 条`, en: `${countOf(avg, 'carton')} on average over the last ${countOf(lastIds.length, 'order')}` },
          };
        })
        .filter((s) => s.qty > 0)
        .sort((a, b) => b.qty - a.qty);
  const currentId = current[0] ? Number(current[0].orderId) : null;
  const currentLines = currentId
    ? await rows<{ productId: number; demandQty: number; availableQty: number; orderedQty: number }>(
        db,
        sql`select product_id as "productId", demand_qty as "demandQty", available_qty as "availableQty", ordered_qty as "orderedQty" from order_lines where order_id = ${currentId}`,
      )
    : [];

  return {
    retailer: r,
    window: w ? { planId: w.planId, weekStart: w.weekStart, orderDate: w.orderDate, opensAt: new Date(w.opensAt).toISOString(), closesAt: new Date(w.closesAt).toISOString(), open: w.open } : null,
    products: products.map((p) => {
      const limited = p.scarce;
      const limit = limited ? (p.limitQty ?? 0) : null;
      return {
        productId: p.productId,
        code: p.code,
        name: p.name,
        priceClass: p.priceClass,
        price: p.price,
        scarce: limited,
        limitQty: limit,
        quotaQty: limited ? (p.quotaQty ?? 0) : null,
        reason: limited
          ? explainLimit({
              productName: p.name,
              supplyQty: p.supplyQty ?? 0,
              tier: r.tier,
              market: r.network,
              quota: p.quotaQty ?? 0,
              cap: p.capQty ?? 0,
              limit: limit ?? 0,
              lowestServedTier: p.lowestServedTier,
              urbanWeight: p.urbanWeight,
              ruralWeight: p.ruralWeight,
              extra: p.extraQty ?? 0,
              extraSegment: p.extraSegment,
              weekStart: w?.weekStart,
            })
          : null,
      };
    }),
    currentOrder: currentId ? { orderId: currentId, version: current[0].version, lines: currentLines } : null,
    lastOrders: last.map((o) => ({
      ...o,
      id: Number(o.id),
      lines: lines.filter((l) => Number(l.orderId) === Number(o.id)).map(({ orderId: _o, ...l }) => l),
    })),
    suggested,
  };
}
