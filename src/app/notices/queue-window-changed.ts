// Telling shops that their order window moved (a holiday, an extension):
// the notices feature's subscriber to ordering's onOrderWindowChanged hook.
// It runs inside the transaction that moves the window, so the notice and its
// outside deliveries commit or roll back with the change (decision 1400).
// Legally required: the shop cannot opt out of being told when it may order.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { insertNotices, queueDeliveriesFor, type NoticeInsert } from '../../db/notice-writes.js';
import { shanghaiLabel } from '../../domain/notices/format.js';
import { renderWith } from '../../domain/notices/templates.js';
import { onOrderWindowChanged, type OrderWindowChanged } from '../ordering/order-window-changed.js';
import { templateInForce } from './template-store.js';

export async function queueWindowChangedNotices(tx: Db, e: OrderWindowChanged): Promise<number> {
  const now = new Date(e.at);
  const shops = await query<{ id: number; shopName: string }>(
    tx,
    sql`select id, shop_name as "shopName" from retailers where org_id = ${e.orgId} and status = 'active' and order_weekday = ${e.weekday}`,
  );
  const params = { orderDate: e.orderDate, opensAt: shanghaiLabel(new Date(e.after.opensAt)), closesAt: shanghaiLabel(new Date(e.after.closesAt)), why: e.reason ? `原因：${e.reason}` : '' };
  // One notice per shop per version of the window: moving it twice tells twice, a retried transaction once.
  const version = `${e.after.opensAt}/${e.after.closesAt}`;
  const template = await templateInForce(tx, e.orgId, 'window_changed');
  const items: NoticeInsert[] = shops.map((s) => {
    const r = renderWith(template, { shopName: s.shopName, ...params });
    return {
      orgId: e.orgId, retailerId: s.id, userId: null, template: 'window_changed', templateVersion: template.version,
      occasion: `plan:${e.planId}:weekday:${e.weekday}`, dedupeKey: `window_changed:${e.planId}:${e.weekday}:${version}:${s.id}`,
      title: r.title, body: r.body, smsText: r.sms, params: { planId: e.planId, weekday: e.weekday, ...params }, mandatory: true,
      createdBy: e.changedBy, visibleAt: now,
    };
  });
  const ids = await insertNotices(tx, items, now);
  await queueDeliveriesFor(tx, ids, now);
  return ids.length;
}

let registered = false;
/** Subscribes once per process (the server's start-up calls it). */
export function registerWindowChangedNotices(): void {
  if (registered) return;
  registered = true;
  onOrderWindowChanged(async (tx, e) => {
    await queueWindowChangedNotices(tx, e);
  });
}
