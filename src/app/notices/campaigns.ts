// A person's urgent notice or policy news to an audience in their scope.
// Checked whole before anything is written: unknown variables, an empty
// audience, an SMS over the provider's length. A county-wide SMS or WeChat
// waits for another manager's approval; everything else is sent at once, the
// campaign, its notices and their deliveries in one transaction.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { insertNotices, queueDeliveriesFor } from '../../db/notice-writes.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { smsFigures, MAX_SMS_CHARS } from '../../domain/notices/sms-length.js';
import { fill, SHOP_VARIABLES, TemplateError, variablesOf } from '../../domain/notices/templates.js';
import { AppError } from '../../shared/app-error.js';
import type { Audience, CreateCampaignInput } from '../../shared/notices.js';
import { writeAudit } from '../audit/audit.js';
import { noticeConfig } from '../../jobs/notices/notice-config.js';
import { requestDispatch } from '../../jobs/notices/notice-jobs.js';
import { resolveAudience, type Recipient } from './audience.js';

const WEEKDAYS = ['', '一', '二', '三', '四', '五', '六', '日'];

export function shopParams(r: Recipient): Record<string, string | number> {
  return { shopName: r.shopName, legalPerson: r.legalPerson, customerCode: r.customerCode, tier: r.tier, orderWeekday: `周${WEEKDAYS[r.orderWeekday] ?? ''}` };
}

/** Fill a person's text for one shop; an unknown variable is a 422 naming it. */
export function fillForShop(text: string, r: Recipient): string {
  try {
    return fill(text, shopParams(r), SHOP_VARIABLES);
  } catch (e) {
    if (e instanceof TemplateError) throw new AppError('notice_unknown_variable', [{ field: 'body', code: 'invalid_value' }], { variable: e.variable });
    throw e;
  }
}

function checkTexts(input: { title: string; body: string; channel: string }, recipients: Recipient[]) {
  for (const v of [...variablesOf(input.title), ...variablesOf(input.body)]) {
    if (!(SHOP_VARIABLES as readonly string[]).includes(v)) throw new AppError('notice_unknown_variable', [{ field: 'body', code: 'invalid_value' }], { variable: v });
  }
  if (!recipients.length) throw new AppError('notice_empty_audience');
  if (input.channel === 'inapp') return;
  // The longest filled text decides: every shop's SMS must fit.
  let worst = { chars: 0, segments: 0 };
  for (const r of recipients) {
    const f = smsFigures(fillForShop(input.body, r), noticeConfig().signName);
    if (f.chars > worst.chars) worst = f;
  }
  if (worst.chars > MAX_SMS_CHARS) throw new AppError('notice_sms_too_long', [{ field: 'body', code: 'text_too_long' }], { chars: worst.chars, maxChars: MAX_SMS_CHARS, segments: worst.segments });
}

/**
 * Another manager approves an outside-channel send to the whole county, and any outside-channel send to at least
 * `approvalMinRecipients` shops — so an area drawn over the county, a tier range or a station that large waits too (decision 1133).
 */
export const needsApproval = (a: Audience, channel: string, recipients: number) =>
  channel !== 'inapp' && (a.kind === 'county' || recipients >= noticeConfig().approvalMinRecipients);

async function sendCampaign(tx: Db, orgId: number, campaignId: number, input: { title: string; body: string; channel: string; urgent: boolean }, recipients: Recipient[], by: number, now: Date) {
  const ids = await insertNotices(tx, recipients.map((r) => ({
    orgId, retailerId: r.id, userId: null, template: 'urgent', templateVersion: 1, occasion: `campaign:${campaignId}`, dedupeKey: `urgent:${campaignId}:${r.id}`,
    title: fillForShop(input.title, r), body: fillForShop(input.body, r), smsText: input.channel === 'inapp' ? null : fillForShop(input.body, r),
    params: { campaignId }, urgent: input.urgent, campaignId, createdBy: by, visibleAt: now,
  })), now);
  await queueDeliveriesFor(tx, ids, now);
  await tx.execute(sql`update notice_campaigns set status = 'sent', recipients = ${ids.length} where id = ${campaignId}`);
  return ids.length;
}

export async function createCampaign(db: Db, viewer: Viewer, input: CreateCampaignInput, now: Date) {
  const recipients = await resolveAudience(db, viewer, input.audience);
  checkTexts(input, recipients);
  const pending = needsApproval(input.audience, input.channel, recipients.length);
  const id = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [c] = await query<{ id: number }>(t, sql`insert into notice_campaigns (org_id, title, body, audience, channel, urgent, status, recipients, created_by, created_at)
      values (${viewer.orgId}, ${input.title}, ${input.body}, ${JSON.stringify(input.audience)}::jsonb, ${input.channel}, ${input.urgent},
        ${pending ? 'pending_approval' : 'sent'}, ${recipients.length}, ${viewer.userId}, ${now.toISOString()}::timestamptz) returning id`);
    if (!pending) await sendCampaign(t, viewer.orgId, c.id, input, recipients, viewer.userId, now);
    await writeAudit(t, viewer, { action: 'update', entity: 'notice_campaign', entityIds: [c.id], detail: { audience: input.audience, channel: input.channel, recipients: recipients.length, pending } }, now);
    return c.id;
  });
  if (!pending) await requestDispatch(db);
  return getCampaign(db, viewer, id);
}

/** Approve or reject a pending county-wide send; the approver is never its sender. The audience is resolved again as it is now. */
export async function decideCampaign(db: Db, viewer: Viewer, id: number, approve: boolean, now: Date) {
  await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [c] = await query<{ id: number; status: string; createdBy: number | null; title: string; body: string; channel: string; urgent: boolean; audience: Audience }>(t,
      sql`select id, status, created_by as "createdBy", title, body, channel, urgent, audience from notice_campaigns where id = ${id} and org_id = ${viewer.orgId} for update`);
    if (!c) throw new AppError('not_found');
    if (c.status !== 'pending_approval') throw new AppError('notice_not_pending');
    if (c.createdBy === viewer.userId) throw new AppError('notice_own_campaign');
    if (approve) {
      const recipients = await resolveAudience(t, viewer, c.audience);
      checkTexts(c, recipients);
      await sendCampaign(t, viewer.orgId, id, c, recipients, c.createdBy ?? viewer.userId, now);
    } else {
      await t.execute(sql`update notice_campaigns set status = 'rejected' where id = ${id}`);
    }
    await t.execute(sql`update notice_campaigns set decided_by = ${viewer.userId}, decided_at = ${now.toISOString()}::timestamptz where id = ${id}`);
    await writeAudit(t, viewer, { action: 'update', entity: 'notice_campaign', entityIds: [id], detail: { decision: approve ? 'approved' : 'rejected' } }, now);
  });
  if (approve) await requestDispatch(db);
  return getCampaign(db, viewer, id);
}

type CampaignRow = { id: number; title: string; body: string; audience: Record<string, unknown>; channel: string; urgent: boolean; status: 'pending_approval' | 'sent' | 'rejected';
  recipients: number; createdBy: string | null; createdAt: string; decidedBy: string | null; decidedAt: string | null };

const campaignSelect = sql`select c.id, c.title, c.body, c.audience, c.channel, c.urgent, c.status, c.recipients, cu.display_name as "createdBy", c.created_at as "createdAt",
  du.display_name as "decidedBy", c.decided_at as "decidedAt"
  from notice_campaigns c left join users cu on cu.org_id = c.org_id and cu.id = c.created_by left join users du on du.org_id = c.org_id and du.id = c.decided_by`;

export async function getCampaign(db: Db, viewer: Viewer, id: number): Promise<CampaignRow> {
  const [c] = await query<CampaignRow>(db, sql`${campaignSelect} where c.id = ${id} and c.org_id = ${viewer.orgId}`);
  if (!c) throw new AppError('not_found');
  return c;
}

/** Managers see every campaign of the county; others the ones they sent. */
export async function findCampaigns(db: Db, viewer: Viewer): Promise<CampaignRow[]> {
  const wide = viewer.role === 'admin' || viewer.role === 'county_manager';
  return query<CampaignRow>(db, sql`${campaignSelect} where c.org_id = ${viewer.orgId} ${wide ? sql`` : sql`and c.created_by = ${viewer.userId}`} order by c.created_at desc, c.id desc limit 100`);
}

/** The text as one real shop in scope will read it, with the SMS length and parts. */
export async function previewNotice(db: Db, viewer: Viewer, input: { retailerId: number; title: string; body: string; channel: string }) {
  const [shop] = await resolveAudience(db, viewer, { kind: 'retailers', retailerIds: [input.retailerId] });
  if (!shop) throw new AppError('not_found');
  const body = fillForShop(input.body, shop);
  const title = fillForShop(input.title, shop);
  const f = smsFigures(body, noticeConfig().signName);
  return {
    title, body, shopName: shop.shopName, variables: [...SHOP_VARIABLES],
    sms: input.channel === 'inapp' ? null : { text: `【${noticeConfig().signName}】${body}`, chars: f.chars, segments: f.segments, tooLong: f.tooLong, maxChars: MAX_SMS_CHARS },
  };
}
