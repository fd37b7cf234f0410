// Order-window notices, hourly: tomorrow's order-day reminders (written by
// ordering into the outbox, handed over here), and for each window closing
// within a day a nudge shown NUDGE_HOURS before it closes to the shops that
// have not ordered. The nudge carries its condition (unless_ordered_plan_id):
// the inbox hides it and the sender drops it the moment the shop orders.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { insertNotices, queueDeliveriesFor, type NoticeInsert } from '../../db/notice-writes.js';
import { shanghaiLabel } from '../../domain/notices/format.js';
import { renderWith } from '../../domain/notices/templates.js';
import { queueOrderDayReminders } from '../ordering/order-reminders.js';
import { ingestOutbox, ingestReminders } from './ingest-outbox.js';
import { templateInForce } from './template-store.js';

/** Tomorrow's order-day reminders of many counties at once: into the outbox and out as notices, two statements (decision 1131). */
export async function generateReminders(db: Db, orgIds: number[], now: Date): Promise<number> {
  if (!orgIds.length) return 0;
  await queueOrderDayReminders(db, orgIds, now);
  return ingestReminders(db, orgIds, now);
}

export const NUDGE_HOURS = 3;

type NudgeRow = { retailerId: number; shopName: string; planId: number; closesAt: string };

export async function generateWindowNotices(db: Db, orgId: number, now: Date): Promise<{ reminders: number; nudges: number }> {
  await queueOrderDayReminders(db, orgId, now);
  const { notices: reminders } = await ingestOutbox(db, orgId, now);
  const nudges = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const rows = await query<NudgeRow>(t, sql`
      select r.id as "retailerId", r.shop_name as "shopName", w.plan_id as "planId", w.closes_at as "closesAt"
      from order_windows w
      join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id and p.status = 'published'
      join retailers r on r.org_id = w.org_id and r.order_weekday = w.weekday and r.status = 'active'
      where w.org_id = ${orgId} and w.closes_at > ${now.toISOString()}::timestamptz and w.closes_at <= ${now.toISOString()}::timestamptz + interval '1 day'
        and not exists (select 1 from plan_orders po where po.plan_id = w.plan_id and po.retailer_id = r.id)`);
    const template = await templateInForce(t, orgId, 'window_nudge');
    const items: NoticeInsert[] = rows.map((x) => {
      const closes = new Date(x.closesAt);
      const params = { shopName: x.shopName, closesAt: shanghaiLabel(closes) };
      const r = renderWith(template, params);
      return { orgId, retailerId: x.retailerId, userId: null, template: 'window_nudge', templateVersion: template.version,
        occasion: `plan:${x.planId}`, dedupeKey: `window_nudge:${x.planId}:${x.retailerId}`, title: r.title, body: r.body, smsText: r.sms, params,
        visibleAt: new Date(Math.max(now.getTime(), closes.getTime() - NUDGE_HOURS * 3600_000)), unlessOrderedPlanId: x.planId };
    });
    const ids = await insertNotices(t, items, now);
    await queueDeliveriesFor(t, ids, now);
    return ids.length;
  });
  return { reminders, nudges };
}
