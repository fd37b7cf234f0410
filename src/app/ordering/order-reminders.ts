// Order-day reminders (订货日提醒): the day before a retailer's order day, one
// message per retailer goes into the outbox (sending is a later issue). A
// retailer on bank deduction whose last deduction failed is told so, so the
// week's supply is not lost for want of balance.
import { sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/** Beijing calendar date of an instant, as YYYY-MM-DD. */
export function beijingDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** One county, or many in one statement (the province's hourly run, decision 1131). */
export async function queueOrderDayReminders(db: Db, orgId: number | number[], now: Date): Promise<{ queued: number }> {
  const orgIds = Array.isArray(orgId) ? orgId : [orgId];
  const tomorrow = new Date(new Date(`${beijingDate(now)}T00:00:00Z`).getTime() + 86400_000).toISOString().slice(0, 10);
  const res = (await db.execute(sql`
    insert into outbox (org_id, kind, retailer_id, dedupe_key, payload)
    select r.org_id, 'order_day_reminder', r.id, 'order_day:' || w.plan_id || ':' || r.id,
      jsonb_build_object('planId', w.plan_id, 'orderDate', w.order_date::text, 'opensAt', w.opens_at, 'closesAt', w.closes_at,
        'settlementMethod', r.settlement_method,
        'failedDeduction', coalesce(last.settlement_status = 'failed', false),
        'failedOrderId', case when last.settlement_status = 'failed' then last.id end,
        'text', case when r.settlement_method = 'bank_deduction' and last.settlement_status = 'failed'
          then '明天是您的订货日。您上次的银行扣款未成功，请在订货前确认账户余额充足，以免本周货源落空。'
          else '明天是您的订货日，请按时订货。' end)
    from order_windows w
    join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id and p.status = 'published'
    join retailers r on r.org_id = w.org_id and r.order_weekday = w.weekday and r.status = 'active'
    left join lateral (
      select o.id, o.settlement_status from orders o where o.org_id = r.org_id and o.retailer_id = r.id and o.status = 'confirmed'
      order by o.order_date desc, o.id desc limit 1) last on true
    where w.org_id = any(${`{${orgIds.join(',')}}`}::int[]) and w.order_date = ${tomorrow}::date
    on conflict (org_id, dedupe_key) do nothing`)) as unknown as { rowCount?: number; affectedRows?: number };
  return { queued: Number(res.rowCount ?? res.affectedRows ?? 0) };
}
