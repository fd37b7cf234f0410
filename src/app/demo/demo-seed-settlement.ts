// Demo settlement records: every paid bank or POS order has the record of its
// deduction (so the daily reconciliation starts clean), and the latest order
// week has what the settlement screen is for — one failed bank deduction in
// each grid worker's territory, flagged to the retailer and the worker, and
// two one-sided records (单边账) on the latest order day.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { beijingDate } from '../ordering/order-reminders.js';

export async function seedDemoSettlement(db: Db, orgId: number, today: Date): Promise<void> {
  await db.transaction(async (tx) => {
    // As in the order generator: the references are right by construction, so skip the per-row foreign-key triggers where allowed.
    const su = (await tx.execute(sql`select rolsuper as superuser from pg_roles where rolname = current_user`)) as unknown as { rows: { superuser: boolean }[] };
    if (su.rows[0]?.superuser) await tx.execute(sql`set local session_replication_role = replica`);
    await tx.execute(sql`
      insert into settlement_attempts (org_id, order_id, method, status, amount, external_ref, failure_reason, at)
      select org_id, id, settlement_method, case when status = 'confirmed' then 'deducted' else 'failed' end, total_amount,
        case when status = 'confirmed' then (case settlement_method when 'pos' then 'POS' else 'BK' end) || to_char(order_date, 'YYYYMMDD') || lpad(id::text, 8, '0') end,
        case when status = 'confirmed' then null else '余额不足' end,
        coalesce(settled_at, (order_date::text || ' 17:30:00+08')::timestamptz)
      from orders
      where org_id = ${orgId} and settlement_method <> 'cash'
        and ((status = 'confirmed' and settlement_status = 'deducted') or (status = 'cancelled' and settlement_status = 'failed'))`);
  });
  await db.execute(sql`analyze settlement_attempts`);

  const [{ last }] = ((await db.execute(sql`select max(order_date)::text as last from orders where org_id = ${orgId} and order_date <= ${beijingDate(today)}::date`)) as unknown as {
    rows: { last: string | null }[];
  }).rows;
  if (!last) return;

  // One failed bank deduction per grid worker in the latest order week, chosen by a hash so the demo is the same every time.
  await db.execute(sql`
    with pick as (
      select distinct on (g.worker_id) o.id, o.retailer_id, o.order_date, o.total_amount, g.worker_id,
        (array['余额不足', '账户余额不足', '银行账户已冻结'])[1 + (o.id % 3)::int] as reason
      from orders o join retailers r on r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where o.org_id = ${orgId} and o.status = 'confirmed' and o.settlement_method = 'bank_deduction' and o.settlement_status = 'deducted'
        and o.order_date > ${last}::date - 7 and o.order_date <= ${last}::date and g.worker_id is not null
      order by g.worker_id, md5(o.id::text)),
    marked as (update orders o set settlement_status = 'failed', settled_at = null from pick where o.id = pick.id returning o.id),
    attempt as (
      update settlement_attempts a set status = 'failed', external_ref = null, failure_reason = pick.reason
      from pick where a.order_id = pick.id returning a.id, a.order_id)
    insert into outbox (org_id, kind, retailer_id, user_id, dedupe_key, payload)
    select ${orgId}, 'deduction_failed', pick.retailer_id, who.user_id, 'deduction_failed:' || attempt.id || ':' || who.tag,
      jsonb_build_object('orderId', pick.id, 'orderDate', pick.order_date::text, 'amount', pick.total_amount::float8, 'reason', pick.reason)
    from pick join attempt on attempt.order_id = pick.id
    cross join lateral (values (null::int, 'retailer'), (pick.worker_id, 'worker')) who(user_id, tag)
    on conflict do nothing`);

  // Two one-sided records on the latest order day: the bank deducted one order twice, and another for less than its amount.
  await db.execute(sql`
    with two as (
      select o.id, row_number() over (order by md5(o.id::text)) as n from orders o
      where o.org_id = ${orgId} and o.status = 'confirmed' and o.settlement_method = 'bank_deduction' and o.settlement_status = 'deducted'
        and o.order_date = ${last}::date
      order by md5(o.id::text) limit 2),
    twice as (
      insert into settlement_attempts (org_id, order_id, method, status, amount, external_ref, at)
      select a.org_id, a.order_id, a.method, 'deducted', a.amount, a.external_ref || '-2', a.at + interval '2 hours'
      from settlement_attempts a join two on two.id = a.order_id and two.n = 1 returning 1)
    update settlement_attempts a set amount = greatest(a.amount - 100, 0) from two where two.id = a.order_id and two.n = 2`);
}
