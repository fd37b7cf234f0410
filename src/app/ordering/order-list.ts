// The orders of one week within scope, newest first, with their lines: where
// a wrong order or a return is recorded from. Search by shop name, customer
// code or phone.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { AppError } from '../../shared/app-error.js';
import type { OrderList, OrderListItem, OrderListQuery } from '../../shared/order-corrections.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

function mondayOf(d: Date): string {
  const x = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  x.setUTCDate(x.getUTCDate() - ((x.getUTCDay() + 6) % 7));
  return x.toISOString().slice(0, 10);
}

export async function findOrders(db: Db, viewer: Viewer, query: OrderListQuery, now: Date): Promise<OrderList> {
  // Beijing's date decides the week.
  const today = new Date(now.getTime() + 8 * 3600_000);
  const [plan] = await rows<{ planId: number; weekStart: string }>(
    db,
    query.planId
      ? sql`select id as "planId", week_start::text as "weekStart" from supply_plans where id = ${query.planId} and org_id = ${viewer.orgId}`
      : sql`select id as "planId", week_start::text as "weekStart" from supply_plans where org_id = ${viewer.orgId} and week_start <= ${today.toISOString().slice(0, 10)}::date
            order by week_start desc limit 1`,
  );
  if (query.planId && !plan) throw new AppError('not_found');
  const week = plan ?? { planId: null, weekStart: mondayOf(today) };
  const q = query.q?.trim() ?? '';
  const escaped = q.replace(/[\\%_]/g, (c) => `\\${c}`);
  const like = `%${escaped}%`;
  const found = await rows<Omit<OrderListItem, 'lines'> & { total: number }>(
    db,
    sql`select o.id::int8 as id, o.order_date::text as "orderDate", o.channel, o.total_qty as "totalQty", o.total_amount::float8 as "totalAmount",
               o.settlement_status as "settlementStatus", r.id as "retailerId", r.customer_code as "customerCode", r.shop_name as "shopName",
               count(*) over ()::int as total
        from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where o.org_id = ${viewer.orgId} and ${retailerScope(viewer)} and o.status = 'confirmed'
          and o.order_date >= ${week.weekStart}::date and o.order_date < ${week.weekStart}::date + 7
          ${q ? sql`and (r.shop_name ilike ${like} or r.customer_code like ${`${escaped}%`} or r.phone = ${q})` : sql``}
        order by o.order_date desc, o.id desc
        limit ${query.pageSize} offset ${(query.page - 1) * query.pageSize}`,
  );
  const ids = found.map((o) => Number(o.id));
  const lines = ids.length
    ? await rows<OrderListItem['lines'][number] & { orderId: number }>(
        db,
        sql`select l.order_id::int8 as "orderId", l.id::int8 as id, l.product_id as "productId", p.code as "productCode", p.name as "productName",
                   l.demand_qty as "demandQty", l.available_qty as "availableQty", l.ordered_qty as "orderedQty", l.amount::float8 as amount,
                   coalesce((select sum(c.qty)::int from order_corrections c where c.order_line_id = l.id and c.status = 'pending'), 0) as "pendingQty"
            from order_lines l join products p on p.org_id = l.org_id and p.id = l.product_id
            where l.order_id = any(${sql.raw(`'{${ids.join(',')}}'::int8[]`)})
            order by l.order_id, p.price_class, p.code`,
      )
    : [];
  return {
    week: { planId: week.planId, weekStart: week.weekStart },
    total: found[0]?.total ?? 0,
    items: found.map(({ total: _t, ...o }) => ({
      ...o,
      id: Number(o.id),
      lines: lines.filter((l) => Number(l.orderId) === Number(o.id)).map(({ orderId: _o, ...l }) => ({ ...l, id: Number(l.id) })),
    })),
  };
}
