// What was sent, delivered, read and failed, by template and channel, for the
// shops in the viewer's scope; and one shop's notices with each delivery's
// life, for the day a shop says "nobody told me".
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { noticePreferencesSchema, retailerNoticesSchema } from '../../shared/notices.js';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import { writeAudit } from '../audit/audit.js';
import { noticeConfig } from '../../jobs/notices/notice-config.js';

type ReportRow = { template: string; channel: string; notices: number; sent: number; delivered: number; failed: number; read: number; optedOut: number; segments: number };

export async function noticeReport(db: Db, viewer: Viewer, days: number, now: Date) {
  const rows = await query<ReportRow>(db, sql`
    select n.template, coalesce(d.channel, 'inapp') as channel, count(*)::int as notices,
      count(*) filter (where d.state in ('sent', 'delivered'))::int as sent,
      count(*) filter (where d.state = 'delivered')::int as delivered,
      count(*) filter (where d.state = 'failed')::int as failed,
      count(*) filter (where n.read_at is not null)::int as read,
      count(*) filter (where d.state = 'opted_out')::int as "optedOut",
      coalesce(sum(d.segments) filter (where d.state in ('sent', 'delivered', 'failed')), 0)::int as segments
    from notices n
    join retailers r on r.org_id = n.org_id and r.id = n.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
    left join notice_deliveries d on d.org_id = n.org_id and d.notice_id = n.id
    where ${retailerScope(viewer)} and n.visible_at > ${now.toISOString()}::timestamptz - make_interval(days => ${days}) and n.visible_at <= ${now.toISOString()}::timestamptz
    group by 1, 2 order by 1, 2`);
  const segments = rows.filter((r) => r.channel === 'sms').reduce((a, r) => a + r.segments, 0);
  const price = noticeConfig().smsPricePerSegmentYuan;
  const [o] = await query<{ smsOff: number; muted: number }>(db, sql`select count(*) filter (where p.sms_opt_out)::int as "smsOff",
      count(*) filter (where cardinality(p.muted_templates) > 0)::int as muted
    from notice_preferences p join retailers r on r.org_id = p.org_id and r.id = p.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
    where p.org_id = ${viewer.orgId} and ${retailerScope(viewer)}`);
  return {
    rows, reminderEffect: await reminderEffect(db, viewer, days, now),
    cost: { segments, pricePerSegmentYuan: price, yuan: Math.round(segments * price * 100) / 100 },
    optOuts: o,
  };
}

/** Did the shops that got their order-window reminder order more often than those it did not reach? */
async function reminderEffect(db: Db, viewer: Viewer, days: number, now: Date) {
  const at = now.toISOString();
  const [e] = await query<{ windows: number; reached: number; reachedOrdered: number; notReached: number; notReachedOrdered: number }>(db, sql`
    with due as (
      select w.plan_id, w.weekday,
        exists (select 1 from notices n where n.org_id = w.org_id and n.retailer_id = r.id and n.template = 'order_window_open' and n.occasion = 'plan:' || w.plan_id
          and n.suppressed_at is null and (n.read_at <= w.closes_at
            or exists (select 1 from notice_deliveries d where d.org_id = n.org_id and d.notice_id = n.id and d.state = 'delivered' and d.delivered_at <= w.closes_at))) as reached,
        exists (select 1 from plan_orders po where po.plan_id = w.plan_id and po.retailer_id = r.id) as ordered
      from order_windows w
      join supply_plans p on p.org_id = w.org_id and p.id = w.plan_id and p.status = 'published'
      join retailers r on r.org_id = w.org_id and r.order_weekday = w.weekday and r.status = 'active'
      join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where w.org_id = ${viewer.orgId} and ${retailerScope(viewer)}
        and w.closes_at <= ${at}::timestamptz and w.closes_at > ${at}::timestamptz - make_interval(days => ${days}))
    select count(distinct (plan_id, weekday))::int as windows, count(*) filter (where reached)::int as reached, count(*) filter (where reached and ordered)::int as "reachedOrdered",
      count(*) filter (where not reached)::int as "notReached", count(*) filter (where not reached and ordered)::int as "notReachedOrdered"
    from due`);
  const share = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 1000 : null);
  return { ...e, reachedShare: share(e.reachedOrdered, e.reached), notReachedShare: share(e.notReachedOrdered, e.notReached) };
}

type TrailRow = z.input<typeof retailerNoticesSchema>['items'][number];
type Preferences = z.infer<typeof noticePreferencesSchema>;

export async function findRetailerNotices(db: Db, viewer: Viewer, retailerId: number, now: Date) {
  const [shop] = await query<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and ${retailerScope(viewer)}`);
  if (!shop) throw new AppError('not_found');
  const items = await query<TrailRow>(db, sql`
    select n.id::int8 as id, n.template, n.title, n.body, n.urgent, n.visible_at as at, n.read_at as "readAt",
      coalesce((select json_agg(json_build_object('channel', d.channel, 'state', d.state, 'attempts', d.attempts,
        'queuedAt', to_char(d.queued_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'sentAt', to_char(d.sent_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'deliveredAt', to_char(d.delivered_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
        'failedAt', to_char(d.failed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'lastError', d.last_error) order by d.id)
        from notice_deliveries d where d.org_id = n.org_id and d.notice_id = n.id), '[]'::json) as deliveries
    from notices n where n.retailer_id = ${retailerId} and n.org_id = ${viewer.orgId} and n.visible_at <= ${now.toISOString()}::timestamptz
    order by n.visible_at desc, n.id desc limit 200`);
  return { items: items.map((x) => ({ ...x, id: Number(x.id) })) };
}

export async function setNoticePreferences(db: Db, viewer: Viewer, input: Preferences, now: Date) {
  if (viewer.role !== 'retailer' || !viewer.retailerId) throw new AppError('forbidden');
  await db.transaction(async (tx) => {
    await tx.execute(sql`insert into notice_preferences (org_id, retailer_id, sms_opt_out, muted_templates, updated_at)
    values (${viewer.orgId}, ${viewer.retailerId}, ${input.smsOptOut}, ${`{${input.mutedTemplates.join(',')}}`}::text[], ${now.toISOString()}::timestamptz)
    on conflict (org_id, retailer_id) do update set sms_opt_out = excluded.sms_opt_out, muted_templates = excluded.muted_templates, updated_at = excluded.updated_at`);
    await writeAudit(tx as unknown as Db, viewer, { action: 'update', entity: 'notice_preferences', entityIds: [viewer.retailerId!], detail: input }, now);
  });
  return getNoticePreferences(db, viewer);
}

export async function getNoticePreferences(db: Db, viewer: Viewer): Promise<Preferences> {
  const [p] = await query<Preferences>(db, sql`select sms_opt_out as "smsOptOut", muted_templates as "mutedTemplates"
    from notice_preferences where org_id = ${viewer.orgId} and retailer_id = ${viewer.retailerId ?? -1}`);
  return p ?? { smsOptOut: false, mutedTemplates: [] };
}
