// Electronic settlement (电子结算): each deduction attempt is recorded against
// its order and the order carries the latest status; a failed deduction is
// flagged to the retailer and their grid worker (outbox) and can be retried;
// the daily report lists one-sided records (单边账) for reconciliation.
import { writeAudit } from '../audit/audit.js';
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { SettlementReport } from '../../shared/settlement.js';
import { beijingDate } from './order-reminders.js';

async function rows<T>(db: Pick<Db, 'execute'>, statement: ReturnType<typeof sql>): Promise<T[]> {
  return ((await db.execute(statement)) as unknown as { rows: T[] }).rows;
}

export type SettlementInput = { status: 'deducted' | 'failed'; amount?: number; externalRef?: string; failureReason?: string };

export async function recordSettlement(db: Db, viewer: Viewer, orderId: number, input: SettlementInput, now: Date) {
  return db.transaction(async (tx) => {
    const [o] = await rows<{ id: number; retailerId: number; method: string; total: number; workerId: number | null; orderDate: string }>(
      tx,
      sql`select o.id::int8 as id, o.retailer_id as "retailerId", o.settlement_method as method, o.total_amount::float8 as total, g.worker_id as "workerId", o.order_date::text as "orderDate"
          from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where o.id = ${orderId} and o.org_id = ${viewer.orgId} and o.status = 'confirmed' for update of o`,
    );
    if (!o) throw new AppError('not_found');
    const [a] = await rows<{ id: number }>(
      tx,
      sql`insert into settlement_attempts (org_id, order_id, method, status, amount, external_ref, failure_reason, at, created_by)
          values (${viewer.orgId}, ${orderId}, ${o.method}, ${input.status}, ${input.amount ?? o.total}, ${input.externalRef ?? null}, ${input.failureReason ?? null}, ${now.toISOString()}::timestamptz, ${viewer.userId})
          returning id::int8 as id`,
    );
    await tx.execute(
      sql`update orders set settlement_status = ${input.status}, settled_at = ${input.status === 'deducted' ? now.toISOString() : null}::timestamptz where id = ${orderId}`,
    );
    if (input.status === 'failed') {
      const payload = JSON.stringify({ orderId, orderDate: o.orderDate, amount: o.total, reason: input.failureReason ?? '' }); // the text is the deduction_failed template's (decision 1136)
      await tx.execute(sql`
        insert into outbox (org_id, kind, retailer_id, user_id, dedupe_key, payload)
        values (${viewer.orgId}, 'deduction_failed', ${o.retailerId}, null, ${`deduction_failed:${a.id}:retailer`}, ${payload}::jsonb)
        ${o.workerId ? sql`, (${viewer.orgId}, 'deduction_failed', ${o.retailerId}, ${o.workerId}, ${`deduction_failed:${a.id}:worker`}, ${payload}::jsonb)` : sql``}
        on conflict do nothing`);
    }
    await writeAudit(tx, viewer, { action: 'update', entity: 'settlement', entityIds: [orderId], detail: { status: input.status, amount: input.amount ?? o.total } }, now);
    return { orderId, settlementStatus: input.status, attemptId: Number(a.id) };
  });
}

/** A failed deduction goes back to pending, for the next bank batch. */
export async function retrySettlement(db: Db, viewer: Viewer, orderId: number) {
  const updated = await rows<{ id: number }>(
    db,
    sql`update orders set settlement_status = 'pending' where id = ${orderId} and org_id = ${viewer.orgId} and settlement_status = 'failed' returning id`,
  );
  if (!updated.length) {
    const [exists] = await rows<{ id: number }>(db, sql`select id from orders where id = ${orderId} and org_id = ${viewer.orgId}`);
    throw new AppError(exists ? 'settlement_not_failed' : 'not_found');
  }
  await writeAudit(db, viewer, { action: 'update', entity: 'settlement', entityIds: [orderId], detail: { status: 'pending', retry: true } });
  return { orderId, settlementStatus: 'pending' as const };
}

/** The latest order day up to today (Beijing), for a report opened without a date. */
async function latestOrderDay(db: Db, viewer: Viewer, now: Date): Promise<string> {
  const today = beijingDate(now);
  const [d] = await rows<{ day: string }>(
    db,
    sql`select coalesce(max(order_date), ${today}::date)::text as day from orders
        where org_id = ${viewer.orgId} and status = 'confirmed' and order_date <= ${today}::date`,
  );
  return d.day;
}

export async function settlementReport(db: Db, viewer: Viewer, day: string | undefined, now: Date): Promise<SettlementReport> {
  const date = day ?? (await latestOrderDay(db, viewer, now));
  const totals = await rows<{ method: string; status: string; orders: number; amount: number }>(
    db,
    sql`select settlement_method as method, settlement_status as status, count(*)::int as orders, coalesce(sum(total_amount), 0)::float8 as amount
        from orders where org_id = ${viewer.orgId} and status = 'confirmed' and order_date = ${date}::date group by 1, 2 order by 1, 2`,
  );
  // 单边账: an order marked deducted with no deducted attempt, a deducted amount other than the order's, or two deductions.
  const mismatches = await rows<SettlementReport['mismatches'][number]>(
    db,
    sql`with day as (
          select id, retailer_id, settlement_method, settlement_status, total_amount from orders
          where org_id = ${viewer.orgId} and status = 'confirmed' and order_date = ${date}::date and settlement_method <> 'cash'),
        d as (
          select a.order_id, count(*)::int as n, sum(a.amount) as amount,
            array_agg(a.external_ref order by a.at, a.id) filter (where a.external_ref is not null) as refs
          from day join settlement_attempts a on a.order_id = day.id
          where a.status = 'deducted' group by a.order_id)
        select o.id::int8 as "orderId", o.settlement_method as method, o.settlement_status as "settlementStatus",
          o.total_amount::float8 as "orderAmount", coalesce(d.amount, 0)::float8 as deducted, coalesce(d.n, 0) as deductions,
          coalesce(d.refs, '{}') as "externalRefs",
          json_build_object('id', r.id, 'customerCode', r.customer_code, 'shopName', r.shop_name) as retailer,
          case when d.order_id is null then 'no_deduction_record'
               when d.n > 1 then 'deducted_twice'
               when o.settlement_status <> 'deducted' then 'deducted_not_marked'
               else 'amount_differs' end as kind
        from day o join retailers r on r.id = o.retailer_id left join d on d.order_id = o.id
        where (o.settlement_status = 'deducted' and d.order_id is null) or d.n > 1
          or (d.order_id is not null and o.settlement_status <> 'deducted') or (d.order_id is not null and d.amount <> o.total_amount)
        order by 1`,
  );
  return { date, totals, mismatches: mismatches.map((m) => ({ ...m, orderId: Number(m.orderId) })) };
}
