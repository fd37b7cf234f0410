// Notices (issue 16, 信息互动): one row per message a person receives, in the
// in-app inbox from the moment it is visible, and one delivery row per outside
// channel (SMS, WeChat) with its own life: queued → sending → sent →
// delivered | failed (or suppressed / opted_out). The (org, dedupe_key) key
// is the idempotency key (recipient, template, occasion): an occasion raised
// twice gives one message (decision 1100).
import { sql } from 'drizzle-orm';
import { bigint, bigserial, boolean, check, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs, retailers, users } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A person's urgent notice or policy news to an audience; county-wide SMS waits for approval. */
export const noticeCampaigns = pgTable(
  'notice_campaigns',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** { kind: county | station | grids | segment | tiers, ids?, segment?, tierFrom?, tierTo? } */
    audience: jsonb('audience').$type<Record<string, unknown>>().notNull(),
    /** inapp | sms | wechat */
    channel: text('channel').notNull(),
    urgent: boolean('urgent').notNull().default(false),
    /** pending_approval → sent | rejected; sent at once when no approval is needed. */
    status: text('status').notNull(),
    recipients: integer('recipients').notNull().default(0),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    decidedBy: integer('decided_by'),
    decidedAt: at('decided_at'),
  },
  (t) => [
    index('notice_campaigns_org').on(t.orgId, t.createdAt),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'notice_campaigns_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'notice_campaigns_decided_by_fk', columns: [t.orgId, t.decidedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A message in someone's inbox: a retailer's (retailer_id) or a staff member's (user_id). */
export const notices = pgTable(
  'notices',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id'),
    userId: integer('user_id'),
    /** Template code (order_window_open, window_nudge, supply_notice, deduction_failed, urgent, greeting). */
    template: text('template').notNull(),
    templateVersion: smallint('template_version').notNull().default(1),
    /** What caused it, e.g. plan:12; with the recipient and template it makes the idempotency key. */
    occasion: text('occasion').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** The text an outside channel sends (short); null: in-app only. */
    smsText: text('sms_text'),
    params: jsonb('params').$type<Record<string, unknown>>().notNull().default({}),
    urgent: boolean('urgent').notNull().default(false),
    /** Legally required: sent whatever the recipient's preferences. */
    mandatory: boolean('mandatory').notNull().default(false),
    campaignId: integer('campaign_id'),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    /** Shown in the inbox (and sent) from this time. */
    visibleAt: at('visible_at').notNull().defaultNow(),
    /** Not shown nor sent once the retailer has an order in this plan (the nudge). */
    unlessOrderedPlanId: integer('unless_ordered_plan_id'),
    /** Unread by then → an SMS follows (null: no fallback). */
    fallbackAt: at('fallback_at'),
    readAt: at('read_at'),
    suppressedAt: at('suppressed_at'),
  },
  (t) => [
    uniqueIndex('notices_dedupe').on(t.orgId, t.dedupeKey),
    index('notices_retailer_inbox').on(t.orgId, t.retailerId, t.visibleAt),
    index('notices_user_inbox').on(t.orgId, t.userId, t.visibleAt),
    index('notices_fallback').on(t.fallbackAt).where(sql`${t.readAt} is null and ${t.fallbackAt} is not null`),
    check('notices_one_recipient', sql`(${t.retailerId} is null) <> (${t.userId} is null)`),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'notices_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'notices_user_id_fk', columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'notices_campaign_id_fk', columns: [t.orgId, t.campaignId], foreignColumns: [noticeCampaigns.orgId, noticeCampaigns.id] }),
    foreignKey({ name: 'notices_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** One outside delivery of a notice; at most one per channel, so a notice can never be texted twice by us. */
export const noticeDeliveries = pgTable(
  'notice_deliveries',
  {
    id: bigserial('id', { mode: 'number' }),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    noticeId: bigint('notice_id', { mode: 'number' })
      .notNull(),
    /** sms | wechat */
    channel: text('channel').notNull(),
    /** Phone number or WeChat openid. */
    address: text('address').notNull(),
    /** queued | sending | sent | delivered | failed | suppressed | opted_out */
    state: text('state').notNull().default('queued'),
    /** Not before (quiet hours, backoff); never before the notice is visible. */
    dueAt: at('due_at').notNull().defaultNow(),
    /** The notice's urgency, copied so the sender claims from one index (urgent first, then by due time) without reading notices. */
    urgent: boolean('urgent').notNull().default(false),
    attempts: smallint('attempts').notNull().default(0),
    /** Our id for the delivery, unique; the OutId of a single send. */
    requestId: text('request_id').notNull(),
    /** The OutId of the last attempt (Aliyun OutId / Tencent SessionContext): a batch's, shared by its numbers; looked up with the number after an unclear answer (decision 1130). */
    outId: text('out_id'),
    /** The provider's id (BizId / SerialNo / msgid). */
    providerId: text('provider_id'),
    segments: smallint('segments').notNull().default(1),
    lastError: text('last_error'),
    queuedAt: at('queued_at').notNull().defaultNow(),
    /** When the last attempt started (sending) — an unclear answer is checked after the settle time from here. */
    attemptAt: at('attempt_at'),
    sentAt: at('sent_at'),
    deliveredAt: at('delivered_at'),
    failedAt: at('failed_at'),
  },
  (t) => [
    uniqueIndex('notice_deliveries_notice_channel').on(t.orgId, t.noticeId, t.channel),
    uniqueIndex('notice_deliveries_request').on(t.requestId, t.orgId),
    index('notice_deliveries_due').on(t.state, t.dueAt),
    index('notice_deliveries_claim').on(t.state, t.urgent.desc(), t.dueAt, t.id),
    index('notice_deliveries_provider').on(t.providerId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'notice_deliveries_notice_id_fk', columns: [t.orgId, t.noticeId], foreignColumns: [notices.orgId, notices.id] }),
  ],
);

/** A retailer's channels and opt-outs; urgent and mandatory notices ignore the opt-outs. */
export const noticePreferences = pgTable(
  'notice_preferences',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id')
      .notNull(),
    smsOptOut: boolean('sms_opt_out').notNull().default(false),
    /** Templates the retailer does not want (e.g. greeting). */
    mutedTemplates: text('muted_templates').array().notNull().default(sql`'{}'::text[]`),
    /** The openid bound to the branch's official account; preferred over SMS when set. */
    wechatOpenId: text('wechat_open_id'),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.retailerId] }),
    foreignKey({ name: 'notice_preferences_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
  ],
);

/**
 * Template versions edited by marketing (decision 1132): a save is a new version of the code; the latest
 * version is what new notices use, and each notice keeps the version it was written with. A code without
 * a row here uses the built-in text (src/domain/notices/templates.ts), its version 1.
 */
export const noticeTemplates = pgTable(
  'notice_templates',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    code: text('code').notNull(),
    version: smallint('version').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    /** Outside-channel text; null: in-app only. */
    sms: text('sms'),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.code, t.version] }),
    foreignKey({ name: 'notice_templates_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
