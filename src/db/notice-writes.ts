// The outside delivery of retailers' notices, set-based: one row per notice
// and channel (WeChat when the shop has bound an openid, else SMS), or an
// `opted_out` row when the shop said no and the notice is neither urgent nor
// mandatory, so the record shows why nothing went. Shared by the writers
// (generators, campaigns) and the sender's fallback (alias `n` = notices).
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from './client.js';

export async function queueDeliveriesWhere(db: Db, where: SQL, now: Date): Promise<number> {
  const rows = await query<{ id: number }>(db, sql`
    insert into notice_deliveries (org_id, notice_id, channel, address, state, due_at, urgent, request_id, segments, queued_at)
    select n.org_id, n.id, ch.channel, ch.address, case when ch.opted_out then 'opted_out' else 'queued' end, greatest(n.visible_at, ${now.toISOString()}::timestamptz), n.urgent,
      'zy' || n.org_id || 'n' || n.id || ch.channel, greatest(1, case when char_length(n.sms_text) + 6 <= 70 then 1 else ceil((char_length(n.sms_text) + 6) / 67.0) end)::int,
      ${now.toISOString()}::timestamptz
    from notices n
    join retailers r on r.org_id = n.org_id and r.id = n.retailer_id
    left join notice_preferences p on p.org_id = n.org_id and p.retailer_id = n.retailer_id
    cross join lateral (select case when p.wechat_open_id is not null then 'wechat' else 'sms' end as channel,
      coalesce(p.wechat_open_id, r.phone) as address,
      not (n.urgent or n.mandatory) and (coalesce(p.sms_opt_out, false) or n.template = any(coalesce(p.muted_templates, '{}'::text[]))) as opted_out) ch
    where n.sms_text is not null and n.suppressed_at is null and ${where}
      and not exists (select 1 from notice_deliveries d where d.org_id = n.org_id and d.notice_id = n.id)
    on conflict do nothing
    returning id`);
  return rows.length;
}

export type NoticeInsert = {
  orgId: number;
  retailerId: number | null;
  userId: number | null;
  template: string;
  templateVersion: number;
  occasion: string;
  dedupeKey: string;
  title: string;
  body: string;
  smsText: string | null;
  params: Record<string, unknown>;
  urgent?: boolean;
  mandatory?: boolean;
  campaignId?: number | null;
  createdBy?: number | null;
  visibleAt: Date;
  unlessOrderedPlanId?: number | null;
  fallbackAt?: Date | null;
};

/** Insert notices in chunks; a dedupe key already present is skipped (the occasion was already told). Returns the new ids. */
export async function insertNotices(db: Db, items: NoticeInsert[], now: Date): Promise<number[]> {
  const ids: number[] = [];
  for (let i = 0; i < items.length; i += 2000) {
    const chunk = items.slice(i, i + 2000).map((x) => ({
      org_id: x.orgId, retailer_id: x.retailerId, user_id: x.userId, template: x.template, template_version: x.templateVersion, occasion: x.occasion,
      dedupe_key: x.dedupeKey, title: x.title, body: x.body, sms_text: x.smsText, params: x.params, urgent: x.urgent ?? false, mandatory: x.mandatory ?? false,
      campaign_id: x.campaignId ?? null, created_by: x.createdBy ?? null, visible_at: x.visibleAt.toISOString(), unless_ordered_plan_id: x.unlessOrderedPlanId ?? null,
      fallback_at: x.fallbackAt ? x.fallbackAt.toISOString() : null,
    }));
    const rows = await query<{ id: number }>(db, sql`
      insert into notices (org_id, retailer_id, user_id, template, template_version, occasion, dedupe_key, title, body, sms_text, params, urgent, mandatory,
        campaign_id, created_by, created_at, visible_at, unless_ordered_plan_id, fallback_at)
      select x.org_id, x.retailer_id, x.user_id, x.template, x.template_version, x.occasion, x.dedupe_key, x.title, x.body, x.sms_text, x.params, x.urgent, x.mandatory,
        x.campaign_id, x.created_by, ${now.toISOString()}::timestamptz, x.visible_at, x.unless_ordered_plan_id, x.fallback_at
      from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as x(org_id int, retailer_id int, user_id int, template text, template_version smallint, occasion text,
        dedupe_key text, title text, body text, sms_text text, params jsonb, urgent boolean, mandatory boolean, campaign_id int, created_by int,
        visible_at timestamptz, unless_ordered_plan_id int, fallback_at timestamptz)
      on conflict (org_id, dedupe_key) do nothing
      returning id::int8 as id`);
    ids.push(...rows.map((r) => Number(r.id)));
  }
  return ids;
}

/** Outside deliveries for the given new notices that go out at once (those without a fallback time; the others wait for it). */
export async function queueDeliveriesFor(db: Db, noticeIds: number[], now: Date): Promise<number> {
  if (!noticeIds.length) return 0;
  let n = 0;
  for (let i = 0; i < noticeIds.length; i += 5000) {
    n += await queueDeliveriesWhere(db, sql`n.fallback_at is null and n.id = any(${`{${noticeIds.slice(i, i + 5000).join(',')}}`}::int8[])`, now);
  }
  return n;
}
