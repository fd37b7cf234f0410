// The "today" home (issue 17 item 5): GET /api/home answers the items of the
// viewer's role, each a count (or a figure) with a few rows and the link of
// the screen where it is handled. An item is one entry in HOME_ITEMS
// (home-items.ts: its title and hint in both languages) and one provider in src/app/home, so a
// feature adds itself to the home without touching the screen.
import { z } from 'zod';
import { isoDateSchema, timestampSchema } from './primitives.js';
import { HOME_GROUPS, HOME_ITEM_KEYS, HOME_TAGS, HOME_TONES, type HomeTag } from './home-items.js';

export * from './home-items.js';

const tagSchema = z.enum(Object.keys(HOME_TAGS) as [HomeTag, ...HomeTag[]]);

export const homeRowSchema = z.object({
  /** What the row is about: a shop, a product, a worker, a job (user text: shown as text). */
  label: z.string(),
  /** A code or a second name (customer code, case category). */
  sub: z.string().nullable().default(null),
  /** A moment that matters (a deadline, a planned time). */
  at: timestampSchema.nullable().default(null),
  /** A calendar day (a birthday, an order day). */
  date: isoDateSchema.nullable().default(null),
  /** Yuan, for money rows. */
  amount: z.number().nullable().default(null),
  /** A quantity and what it is out of (done of planned, ordered of the limit). */
  value: z.number().nullable().default(null),
  total: z.number().nullable().default(null),
  tag: tagSchema.nullable().default(null),
  /** Where this row is handled; the item's link when null. */
  link: z.string().nullable().default(null),
});

export const homeItemSchema = z.object({
  key: z.enum(HOME_ITEM_KEYS),
  /** todo: things to do today; watch: statuses to keep an eye on; figures: the scope's key numbers. */
  group: z.enum(HOME_GROUPS),
  tone: z.enum(HOME_TONES),
  /** The item's number (a count, or the done part of value/total). */
  count: z.number(),
  /** What the count is out of, when it is a share (done of planned). */
  total: z.number().nullable().default(null),
  /** yuan: the count is money; percent: a share 0–100. */
  unit: z.enum(['count', 'yuan', 'percent']).default('count'),
  /** A second figure named by the hint (e.g. of which breached). */
  extra: z.number().nullable().default(null),
  tag: tagSchema.nullable().default(null),
  /** A day and a moment the item is about (the retailer's order day and when its window closes or opens). */
  date: isoDateSchema.nullable().default(null),
  at: timestampSchema.nullable().default(null),
  /** The screen where the item is handled, with its filter. */
  link: z.string(),
  /** The first few rows (at most 8) behind the count. */
  rows: z.array(homeRowSchema).max(8),
});

export const homeSchema = z.object({
  role: z.string(),
  /** Today in Beijing. */
  today: isoDateSchema,
  items: z.array(homeItemSchema),
});

export type HomeRow = z.output<typeof homeRowSchema>;
export type HomeItem = z.output<typeof homeItemSchema>;
export type Home = z.output<typeof homeSchema>;
