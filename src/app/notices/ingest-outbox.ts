// The older outbox (order-day reminders and failed deductions, written by
// ordering in the transaction of their cause) is the intent; here each row
// becomes a notice with the same idempotency key, and the row is marked
// handed over (sent_at). Run by the hourly generator and after publishing;
// running it twice changes nothing (decision 1100).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { insertNotices, queueDeliveriesFor, type NoticeInsert } from '../../db/notice-writes.js';
import { shanghaiLabel } from '../../domain/notices/format.js';
import { renderWith, type TemplateCode } from '../../domain/notices/templates.js';
import { noticeConfig } from '../../jobs/notices/notice-config.js';
import { renderSql, shanghaiLabelSql } from './template-sql.js';
import { templateInForce, templatesInForce } from './template-store.js';
import type { NoticeTemplate } from '../../domain/notices/templates.js';

const ONBOARDING_STEP_ZH: Record<string, string> = {
  marketing_notified: '专卖通知营销',
  client_manager_setup: '客户经理建档',
  customer_entered: '营销录入客户及订货周期',
  delivery_ready: '物流设置线路、发放到货确认卡',
};
const LAUNCH_MEASURE_ZH: Record<string, string> = { listingRate: '上柜率', reorderRate: '复购率', requestedPer100: '每百户需求量' };

type OutboxRow = { id: number; orgId: number; kind: string; retailerId: number | null; userId: number | null; dedupeKey: string; payload: Record<string, unknown>; shopName: string | null };

/**
 * The order-day reminders of the outbox, set-based (decision 1131): one INSERT … SELECT renders the template in
 * force in SQL for every row, the outbox rows are marked handed over in the same statement. A province's weekday
 * (~60,000 shops) is one statement per county instead of 30 round trips of 2,000 rendered in JS.
 */
export async function ingestReminders(db: Db, orgIds: number | number[], now: Date): Promise<number> {
  let n = 0;
  for (const g of await templatesInForce(db, Array.isArray(orgIds) ? orgIds : [orgIds], 'order_window_open')) n += await ingestRemindersWith(db, g.orgIds, g.template, now);
  return n;
}

async function ingestRemindersWith(db: Db, orgIds: number[], t: NoticeTemplate, now: Date): Promise<number> {
  const vars = {
    shopName: sql`s.shop_name`,
    opensAt: shanghaiLabelSql(sql`(s.p->>'opensAt')::timestamptz`),
    closesAt: shanghaiLabelSql(sql`(s.p->>'closesAt')::timestamptz`),
    orderDate: sql`s.p->>'orderDate'`,
    extra: sql`case when (s.p->>'failedDeduction')::boolean then '您上次的银行扣款未成功，请在订货前确认账户余额充足。' else '' end`,
  };
  const at = now.toISOString();
  const fallback = new Date(now.getTime() + noticeConfig().fallbackMinutes * 60_000).toISOString();
  const [r] = await query<{ n: number }>(db, sql`
    with s as (
      select o.id as oid, o.org_id, o.retailer_id, o.dedupe_key, o.payload as p, r.shop_name
      from outbox o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id
      where o.org_id = any(${`{${orgIds.join(',')}}`}::int[]) and o.sent_at is null and o.kind = 'order_day_reminder'
      for update of o skip locked),
    ins as (
      insert into notices (org_id, retailer_id, template, template_version, occasion, dedupe_key, title, body, sms_text, params, created_at, visible_at, fallback_at)
      select s.org_id, s.retailer_id, 'order_window_open', ${t.version}, 'plan:' || (s.p->>'planId'), s.dedupe_key,
        ${renderSql(t.title, vars)}, ${renderSql(t.body, vars)}, ${t.sms === null ? sql`null` : renderSql(t.sms, vars)},
        jsonb_build_object('shopName', s.shop_name, 'opensAt', ${vars.opensAt}, 'closesAt', ${vars.closesAt}, 'orderDate', ${vars.orderDate}, 'extra', ${vars.extra}),
        ${at}::timestamptz, ${at}::timestamptz, ${fallback}::timestamptz
      from s
      on conflict (org_id, dedupe_key) do nothing
      returning 1),
    handed as (update outbox o set sent_at = ${at}::timestamptz from s where o.org_id = s.org_id and o.id = s.oid returning 1)
    select (select count(*)::int from ins) as n, (select count(*) from handed) as h`);
  return r.n;
}

export async function ingestOutbox(db: Db, orgId: number, now: Date): Promise<{ notices: number; deliveries: number }> {
  let notices = await ingestReminders(db, orgId, now);
  let deliveries = 0;
  for (;;) {
    const done = await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const rows = await query<OutboxRow>(t, sql`select o.id::int8 as id, o.org_id as "orgId", o.kind, o.retailer_id as "retailerId", o.user_id as "userId",
          o.dedupe_key as "dedupeKey", o.payload, r.shop_name as "shopName"
        from outbox o left join retailers r on r.org_id = o.org_id and r.id = o.retailer_id
        where o.org_id = ${orgId} and o.sent_at is null order by o.id limit 2000 for update of o skip locked`);
      if (!rows.length) return true;
      // Each kind renders the county's version in force (decision 1136), read once per batch.
      const inForce = new Map<TemplateCode, NoticeTemplate>();
      const templateOf = async (code: TemplateCode) => inForce.get(code) ?? inForce.set(code, await templateInForce(t, orgId, code)).get(code)!;
      const items: NoticeInsert[] = [];
      for (const o of rows) {
        const p = o.payload;
        if (o.kind === 'order_day_reminder' && o.retailerId) {
          const extra = p.failedDeduction ? '您上次的银行扣款未成功，请在订货前确认账户余额充足。' : '';
          const params = { shopName: o.shopName ?? '', opensAt: shanghaiLabel(new Date(String(p.opensAt))), closesAt: shanghaiLabel(new Date(String(p.closesAt))), orderDate: String(p.orderDate), extra };
          const template = await templateOf('order_window_open');
          const r = renderWith(template, params);
          items.push({ orgId, retailerId: o.retailerId, userId: null, template: 'order_window_open', templateVersion: template.version,
            occasion: `plan:${p.planId}`, dedupeKey: o.dedupeKey, title: r.title, body: r.body, smsText: r.sms, params, visibleAt: now,
            fallbackAt: new Date(now.getTime() + noticeConfig().fallbackMinutes * 60_000) });
        } else if (o.kind === 'deduction_failed') {
          const template = await templateOf('deduction_failed');
          const r = renderWith(template, { shopName: o.shopName ?? '', orderDate: String(p.orderDate ?? ''), amount: Number(p.amount ?? 0).toFixed(2) });
          const toWorker = o.userId !== null;
          items.push({ orgId, retailerId: toWorker ? null : o.retailerId, userId: o.userId, template: 'deduction_failed', templateVersion: template.version,
            occasion: `order:${p.orderId}`, dedupeKey: o.dedupeKey, title: toWorker ? `${r.title}：${o.shopName ?? ''}` : r.title, body: r.body,
            smsText: toWorker ? null : r.sms, params: { ...p, shopName: o.shopName }, visibleAt: now, mandatory: false });
        } else if (o.kind === 'launch_below_band' && o.userId) {
          // A launch below the band of earlier launches (品牌培育), to a marketing manager, in-app.
          const measure = LAUNCH_MEASURE_ZH[String(p.measure)] ?? String(p.measure);
          const fmt = (v: unknown) => (String(p.measure).endsWith('Rate') ? `${(Number(v) * 100).toFixed(1)}%` : Number(v).toFixed(1));
          const params = { name: String(p.name ?? ''), week: String(p.week), measure, value: fmt(p.value), low: fmt(p.low) };
          const template = await templateOf('launch_below_band');
          const r = renderWith(template, params);
          items.push({ orgId, retailerId: null, userId: o.userId, template: 'launch_below_band', templateVersion: template.version,
            occasion: `launch:${p.launchId}:w${p.week}:${p.measure}`, dedupeKey: o.dedupeKey, title: r.title, body: r.body, smsText: null,
            params: { ...params, launchId: p.launchId }, visibleAt: now, mandatory: false });
        } else if (o.kind === 'onboarding_deadline' && o.userId) {
          // An onboarding step nearing (warning) or past (breach) its deadline, to the person who owns it, in-app.
          const breach = p.level === 'breach';
          const params = {
            level: breach ? '超时' : '时限预警', shopName: String(p.shopName ?? ''), licenceNo: String(p.licenceNo ?? ''), stepName: ONBOARDING_STEP_ZH[String(p.step)] ?? String(p.step),
            state: breach ? '已超过时限' : '即将到期', dueAt: shanghaiLabel(new Date(String(p.dueAt))),
          };
          const template = await templateOf('onboarding_deadline');
          const r = renderWith(template, params);
          items.push({ orgId, retailerId: null, userId: o.userId, template: 'onboarding_deadline', templateVersion: template.version,
            occasion: `onboarding:${p.onboardingId}:${p.step}:${p.level}`, dedupeKey: o.dedupeKey, title: r.title, body: r.body, smsText: null,
            params: { ...params, onboardingId: p.onboardingId, step: p.step }, visibleAt: now, mandatory: false });
        }
      }
      const ids = await insertNotices(t, items, now);
      notices += ids.length;
      // Failed deductions go out at once (the week's supply is at stake); reminders fall back to SMS when unread.
      deliveries += await queueDeliveriesFor(t, ids, now);
      await t.execute(sql`update outbox set sent_at = ${now.toISOString()}::timestamptz where id = any(${`{${rows.map((r) => r.id).join(',')}}`}::int8[])`);
      return rows.length < 2000;
    });
    if (done) break;
  }
  return { notices, deliveries };
}
