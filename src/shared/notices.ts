// Notices (issue 16): the inbox, previews, a person's notices to an audience
// with approval, and the delivery report. Request and response schemas.
import { z } from 'zod';
import { idParamSchema, idSchema, textSchema, timestampSchema } from './primitives.js';

export const NOTICE_CHANNELS = ['inapp', 'sms', 'wechat'] as const;
export const DELIVERY_STATES = ['queued', 'sending', 'sent', 'delivered', 'failed', 'suppressed', 'opted_out'] as const;

export const inboxQuerySchema = z.object({
  unread: z.enum(['0', '1']).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const noticeItemSchema = z.object({
  id: z.number(),
  template: z.string(),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  at: timestampSchema,
  readAt: timestampSchema.nullable(),
});

export const inboxSchema = z.object({ items: z.array(noticeItemSchema), unread: z.number() });
export const unreadSchema = z.object({ unread: z.number() });
export const noticeIdParams = z.object({ id: idParamSchema });
export const markReadSchema = z.object({ id: z.number(), readAt: timestampSchema });
export const markAllReadSchema = z.object({ updated: z.number() });

/** Who a notice goes to. A station head may reach their own station, a grid worker their own grids. */
export const audienceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('county') }),
  z.object({ kind: z.literal('station'), stationId: idSchema }),
  z.object({ kind: z.literal('grids'), gridIds: z.array(idSchema).min(1).max(500) }),
  z.object({ kind: z.literal('tiers'), tierFrom: z.number().int().min(1).max(30), tierTo: z.number().int().min(1).max(30) }),
  z.object({ kind: z.literal('retailers'), retailerIds: z.array(idSchema).min(1).max(5000) }),
  /** A selection drawn on the map: [lng, lat] corners; checked inside the county and not self-intersecting (decision 1133). */
  z.object({ kind: z.literal('area'), ring: z.array(z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])).min(3, 'polygon_invalid').max(200, 'polygon_invalid') }),
]);
export type Audience = z.infer<typeof audienceSchema>;

export const createCampaignSchema = z.object({
  title: textSchema.pipe(z.string().trim().min(1, 'required').max(40, 'text_too_long')),
  body: textSchema.pipe(z.string().trim().min(1, 'required').max(1000, 'text_too_long')),
  audience: audienceSchema,
  channel: z.enum(NOTICE_CHANNELS),
  urgent: z.boolean().default(false),
});
export type CreateCampaignInput = z.infer<typeof createCampaignSchema>;

export const campaignSchema = z.object({
  id: z.number(),
  title: z.string(),
  body: z.string(),
  audience: z.record(z.string(), z.unknown()),
  channel: z.string(),
  urgent: z.boolean(),
  status: z.enum(['pending_approval', 'sent', 'rejected']),
  recipients: z.number(),
  createdBy: z.string().nullable(),
  createdAt: timestampSchema,
  decidedBy: z.string().nullable(),
  decidedAt: timestampSchema.nullable(),
});
export const campaignListSchema = z.object({ items: z.array(campaignSchema) });
export const campaignDecisionSchema = z.object({ approve: z.boolean() });

export const previewSchema = z.object({
  retailerId: idSchema,
  title: textSchema.pipe(z.string().max(40, 'text_too_long')),
  body: textSchema.pipe(z.string().min(1, 'required').max(1000, 'text_too_long')),
  channel: z.enum(NOTICE_CHANNELS),
});
export const previewResultSchema = z.object({
  title: z.string(),
  body: z.string(),
  shopName: z.string(),
  sms: z.object({ text: z.string(), chars: z.number(), segments: z.number(), tooLong: z.boolean(), maxChars: z.number() }).nullable(),
  variables: z.array(z.string()),
});

export const noticeReportQuerySchema = z.object({ days: z.coerce.number().int().min(1).max(366).default(30) });
export const noticeReportSchema = z.object({
  rows: z.array(z.object({ template: z.string(), channel: z.string(), notices: z.number(), sent: z.number(), delivered: z.number(), failed: z.number(), read: z.number(), optedOut: z.number(), segments: z.number() })),
  /**
   * Order-window reminders and ordering, over the windows closed in the period: the shops due to order that
   * received their reminder before the window closed (read in the app, or delivered by SMS/WeChat) and how many
   * of them ordered, against the shops that did not receive one.
   */
  reminderEffect: z.object({
    windows: z.number(),
    reached: z.number(),
    reachedOrdered: z.number(),
    notReached: z.number(),
    notReachedOrdered: z.number(),
    /** Shares 0–1, null when the group is empty. */
    reachedShare: z.number().nullable(),
    notReachedShare: z.number().nullable(),
  }),
  /** SMS cost estimate: billed segments (sent, delivered or failed after acceptance) × the contracted price per segment (decision 1134). */
  cost: z.object({ segments: z.number(), pricePerSegmentYuan: z.number(), yuan: z.number() }),
  /** Shops in scope that turned SMS off, and that muted at least one kind of notice. */
  optOuts: z.object({ smsOff: z.number(), muted: z.number() }),
});

/** A shop's notices with each delivery's life: what was sent, when, and what became of it ("nobody told me"). */
export const retailerNoticesSchema = z.object({
  items: z.array(
    noticeItemSchema.extend({
      deliveries: z.array(z.object({ channel: z.string(), state: z.enum(DELIVERY_STATES), attempts: z.number(), queuedAt: timestampSchema, sentAt: timestampSchema.nullable(), deliveredAt: timestampSchema.nullable(), failedAt: timestampSchema.nullable(), lastError: z.string().nullable() })),
    }),
  ),
});

export const noticePreferencesSchema = z.object({ smsOptOut: z.boolean(), mutedTemplates: z.array(z.enum(['order_window_open', 'window_nudge', 'supply_notice', 'greeting'])).max(10) });
