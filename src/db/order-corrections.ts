// Returns and corrections of order lines (e.g. the call centre entered the
// wrong brand): requested within scope, decided by marketing staff. On
// approval the line, the order totals and, for a scarce product, the
// retailer's limit counter follow; a correction's replacement product is
// checked against its limit like any order line.
import { sql } from 'drizzle-orm';
import type { Db } from './client.js';
import type { Viewer } from '../domain/access/viewer.js';
import { retailerScope } from './scope.js';
import { AppError } from '../server/errors.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export type CorrectionInput = { kind: 'return' | 'correction'; qty: number; replacementProductId?: number; reason: string };

export async function requestCorrection(db: Db, viewer: Viewer, lineId: number, input: CorrectionInput) {
  const [line] = await rows<{ orderedQty: number }>(
    db,
    sql`select l.ordered_qty as "orderedQty" from order_lines l join orders o on o.id = l.order_id
        join retailers r on r.id = o.retailer_id join grids g on g.id = r.grid_id
        where l.id = ${lineId} and o.status = 'confirmed' and ${retailerScope(viewer)}`,
  );
  if (!line) throw new AppError('not_found');
  if (input.qty > line.orderedQty) throw new AppError('correction_too_many', [{ field: 'qty', code: 'correction_too_many' }]);
  if (input.kind === 'correction' && !input.replacementProductId) throw new AppError('validation_failed', [{ field: 'replacementProductId', code: 'required' }]);
  const [c] = await rows<{ id: number }>(
    db,
    sql`insert into order_corrections (org_id, order_line_id, kind, qty, replacement_product_id, reason, requested_by)
        values (${viewer.orgId}, ${lineId}, ${input.kind}, ${input.qty}, ${input.replacementProductId ?? null}, ${input.reason}, ${viewer.userId}) returning id`,
  );
  return { id: c.id, status: 'pending' };
}

export async function decideCorrection(db: Db, viewer: Viewer, id: number, approve: boolean, now: Date) {
  return db.transaction(async (tx) => {
    const [c] = await rows<{ status: string; kind: string; qty: number; replacementProductId: number | null; lineId: number; orderId: number; productId: number; orderedQty: number; retailerId: number }>(
      tx,
      sql`select c.status, c.kind, c.qty, c.replacement_product_id as "replacementProductId", l.id::int8 as "lineId", l.order_id::int8 as "orderId",
                 l.product_id as "productId", l.ordered_qty as "orderedQty", o.retailer_id as "retailerId"
          from order_corrections c join order_lines l on l.id = c.order_line_id join orders o on o.id = l.order_id
          where c.id = ${id} and c.org_id = ${viewer.orgId} for update of c`,
    );
    if (!c) throw new AppError('not_found');
    if (c.status !== 'pending') throw new AppError('correction_decided');
    if (approve) {
      if (c.qty > c.orderedQty) throw new AppError('correction_too_many');
      await tx.execute(sql`update order_lines set ordered_qty = ordered_qty - ${c.qty}, amount = (ordered_qty - ${c.qty}) * unit_price where id = ${c.lineId}`);
      const [po] = await rows<{ planId: number }>(tx, sql`select plan_id as "planId" from plan_orders where order_id = ${c.orderId}`);
      if (po) {
        await tx.execute(sql`update order_limits set ordered_qty = ordered_qty - ${c.qty} where plan_id = ${po.planId} and retailer_id = ${c.retailerId} and product_id = ${c.productId}`);
      }
      if (c.kind === 'correction' && c.replacementProductId) {
        const [p] = await rows<{ price: number }>(tx, sql`select wholesale_price::float8 as price from products where id = ${c.replacementProductId} and org_id = ${viewer.orgId} and active`);
        if (!p) throw new AppError('unknown_product');
        if (po) {
          const limited = await rows<{ ok: boolean }>(
            tx,
            sql`select true as ok from supply_plan_items where plan_id = ${po.planId} and product_id = ${c.replacementProductId} and scarce`,
          );
          if (limited.length) {
            const moved = await rows<{ ok: boolean }>(
              tx,
              sql`update order_limits set ordered_qty = ordered_qty + ${c.qty} where plan_id = ${po.planId} and retailer_id = ${c.retailerId}
                  and product_id = ${c.replacementProductId} and ordered_qty + ${c.qty} <= limit_qty returning true as ok`,
            );
            if (!moved.length) throw new AppError('over_limit');
          }
        }
        await tx.execute(sql`
          insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
          values (${viewer.orgId}, ${c.orderId}, ${c.replacementProductId}, ${c.qty}, ${c.qty}, ${c.qty}, ${p.price}, ${Math.round(c.qty * p.price * 100) / 100})`);
      }
      await tx.execute(sql`
        update orders o set total_qty = t.q, total_amount = t.a
        from (select coalesce(sum(ordered_qty), 0)::int as q, coalesce(sum(amount), 0) as a from order_lines where order_id = ${c.orderId}) t
        where o.id = ${c.orderId}`);
    }
    await tx.execute(sql`
      update order_corrections set status = ${approve ? 'approved' : 'rejected'}, decided_by = ${viewer.userId}, decided_at = ${now.toISOString()}::timestamptz where id = ${id}`);
    return { id, status: approve ? 'approved' : 'rejected' };
  });
}
