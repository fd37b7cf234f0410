// Returns and corrections of order lines (e.g. the call centre entered the
// wrong brand): requested within scope once the order can no longer be
// amended, decided by marketing staff. On approval the line, the order
// totals and, for a scarce product, the retailer's limit counter follow; a
// correction's replacement product is checked against its limit like any
// order line.
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { refreshOrderFacts } from '../../db/order-facts.js';
import { forgetDemandWeek } from '../../db/demand-weeks.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { AppError } from '../../shared/app-error.js';
import type { Correction, CorrectionDecision, CorrectionRequest } from '../../shared/order-corrections.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

/** `withinDays`: only orders of the last so many days (Beijing dates) may be returned or corrected; older ones are rated history. */
export async function requestCorrection(db: Db, viewer: Viewer, lineId: number, input: CorrectionRequest, now: Date, withinDays = 30) {
  return db.transaction(async (tx) => {
    // The line is locked so two requests on it count each other's cartons.
    const [line] = await rows<{ orderedQty: number; productId: number; amendable: boolean; pendingQty: number; tooOld: boolean }>(
      tx,
      sql`select l.ordered_qty as "orderedQty", l.product_id as "productId",
                 o.order_date < (${now.toISOString()}::timestamptz at time zone 'Asia/Shanghai')::date - ${withinDays}::int as "tooOld",
                 exists (select 1 from plan_orders po join order_windows w on w.org_id = po.org_id and w.plan_id = po.plan_id and w.weekday = r.order_weekday
                         where po.order_id = o.id and w.opens_at <= ${now.toISOString()}::timestamptz and w.closes_at > ${now.toISOString()}::timestamptz) as amendable,
                 coalesce((select sum(c.qty)::int from order_corrections c where c.order_line_id = l.id and c.status = 'pending'), 0) as "pendingQty"
          from order_lines l join orders o on o.org_id = l.org_id and o.id = l.order_id
          join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where l.id = ${lineId} and o.status = 'confirmed' and ${retailerScope(viewer)}
          for update of l`,
    );
    if (!line) throw new AppError('not_found');
    if (line.tooOld) throw new AppError('correction_too_late', [], { withinDays });
    // While the window is open the order itself is amended (amending replaces its lines).
    if (line.amendable) throw new AppError('order_amendable');
    if (input.qty + line.pendingQty > line.orderedQty) throw new AppError('correction_too_many', [{ field: 'qty', code: 'correction_too_many' }]);
    const replacement = input.kind === 'correction' ? (input.replacementProductId ?? null) : null;
    if (replacement !== null) {
      if (replacement === line.productId) throw new AppError('replacement_same_product', [{ field: 'replacementProductId', code: 'replacement_same_product' }]);
      const [p] = await rows<{ id: number }>(tx, sql`select id from products where id = ${replacement} and org_id = ${viewer.orgId} and active`);
      if (!p) throw new AppError('unknown_product', [{ field: 'replacementProductId', code: 'unknown_product' }]);
    }
    const [c] = await rows<{ id: number }>(
      tx,
      sql`insert into order_corrections (org_id, order_line_id, kind, qty, replacement_product_id, reason, requested_by)
          values (${viewer.orgId}, ${lineId}, ${input.kind}, ${input.qty}, ${replacement}, ${input.reason}, ${viewer.userId}) returning id`,
    );
    await writeAudit(tx, viewer, { action: 'submit', entity: 'order_correction', entityIds: [c.id], detail: { kind: input.kind, qty: input.qty, reason: input.reason } }, now);
    return { id: c.id, status: 'pending' as const };
  });
}

export async function findCorrections(db: Db, viewer: Viewer, filter: { status?: string }): Promise<Correction[]> {
  const found = await rows<Correction>(
    db,
    sql`select c.id, c.kind, c.qty, c.reason, c.status, c.decision_reason as "decisionReason", c.created_at as "createdAt", c.decided_at as "decidedAt",
               ru.display_name as "requestedBy", du.display_name as "decidedBy",
               l.id::int8 as "orderLineId", o.id::int8 as "orderId", o.order_date::text as "orderDate",
               r.id as "retailerId", r.customer_code as "customerCode", r.shop_name as "shopName",
               p.id as "productId", p.name as "productName", l.ordered_qty as "lineQty",
               c.replacement_product_id as "replacementProductId", rp.name as "replacementProductName"
        from order_corrections c
        join order_lines l on l.org_id = c.org_id and l.id = c.order_line_id join orders o on o.org_id = l.org_id and o.id = l.order_id
        join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        join products p on p.org_id = l.org_id and p.id = l.product_id left join products rp on rp.org_id = c.org_id and rp.id = c.replacement_product_id
        left join users ru on ru.org_id = c.org_id and ru.id = c.requested_by left join users du on du.org_id = c.org_id and du.id = c.decided_by
        where c.org_id = ${viewer.orgId} and ${retailerScope(viewer)} ${filter.status ? sql`and c.status = ${filter.status}` : sql``}
        order by (c.status = 'pending') desc, c.created_at desc, c.id desc limit 200`,
  );
  return found.map((c) => ({
    ...c,
    orderLineId: Number(c.orderLineId),
    orderId: Number(c.orderId),
    createdAt: new Date(c.createdAt).toISOString(),
    decidedAt: c.decidedAt ? new Date(c.decidedAt).toISOString() : null,
  }));
}

export async function decideCorrection(db: Db, viewer: Viewer, id: number, decision: CorrectionDecision, now: Date) {
  return db.transaction(async (tx) => {
    const [c] = await rows<{ status: string; kind: string; qty: number; replacementProductId: number | null; lineId: number; orderId: number; productId: number; orderedQty: number; retailerId: number }>(
      tx,
      sql`select c.status, c.kind, c.qty, c.replacement_product_id as "replacementProductId", l.id::int8 as "lineId", l.order_id::int8 as "orderId",
                 l.product_id as "productId", l.ordered_qty as "orderedQty", o.retailer_id as "retailerId"
          from order_corrections c join order_lines l on l.org_id = c.org_id and l.id = c.order_line_id join orders o on o.org_id = l.org_id and o.id = l.order_id
          where c.id = ${id} and c.org_id = ${viewer.orgId} for update of c, l`,
    );
    if (!c) throw new AppError('not_found');
    if (c.status !== 'pending') throw new AppError('correction_decided');
    if (decision.approve) {
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
        // The replacement joins the order's line of that product if it has one.
        const added = await rows<{ id: number }>(
          tx,
          sql`update order_lines set ordered_qty = ordered_qty + ${c.qty}, demand_qty = demand_qty + ${c.qty}, available_qty = available_qty + ${c.qty},
                amount = (ordered_qty + ${c.qty}) * unit_price
              where id = (select id from order_lines where order_id = ${c.orderId} and product_id = ${c.replacementProductId} order by id limit 1) returning id`,
        );
        if (!added.length) {
          await tx.execute(sql`
            insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
            values (${viewer.orgId}, ${c.orderId}, ${c.replacementProductId}, ${c.qty}, ${c.qty}, ${c.qty}, ${p.price}, ${Math.round(c.qty * p.price * 100) / 100})`);
        }
      }
      await refreshOrderFacts(tx, sql`o.id = ${c.orderId}`);
      // The order's week may be rolled up already: a replacement changes its stated demand, so it is rolled up again (decision 1818).
      await forgetDemandWeek(tx, viewer.orgId, c.orderId);
    }
    await tx.execute(sql`
      update order_corrections set status = ${decision.approve ? 'approved' : 'rejected'}, decision_reason = ${decision.reason || null},
        decided_by = ${viewer.userId}, decided_at = ${now.toISOString()}::timestamptz where id = ${id}`);
    return { id, status: decision.approve ? ('approved' as const) : ('rejected' as const) };
  });
}
