// What a retailer (or their grid worker) reads about one rated month: the
// result, why it changed against last month, and what it takes to reach the
// next star and tier. The domain builds it (domain/rating/retailer-rating-view.ts);
// this is its wire contract, so the screens type it without reaching into the domain.
import { z } from 'zod';

const num = z.number();
const text = z.object({ zh: z.string(), en: z.string() });
export type Text = z.infer<typeof text>;
const itemValue = z.union([z.number(), z.string()]).nullable();

const starChangeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['add_cartons', 'add_class1_cartons', 'add_brands', 'add_feedback', 'add_new_brands']), amount: num }),
  z.object({ kind: z.literal('store_image'), to: z.enum(['A', 'B', 'C', 'D']) }),
  z.object({ kind: z.literal('order_cycles'), ordered: num }),
  z.object({ kind: z.literal('e_settlement'), successPct: num }),
]);
const tierChangeSchema = z.object({ kind: z.enum(['add_cartons_per_cycle', 'add_brands']), amount: num });

const pathOption = { gain: num, newScore: num, cost: num, text, detail: text };
export const starPathsSchema = z.object({
  schemeVersion: z.string(),
  score: num,
  star: num,
  targetStar: num.nullable(),
  targetCutoff: num.nullable(),
  gap: num,
  options: z.array(z.object({ changes: z.array(starChangeSchema), newStar: num, ...pathOption })),
});
export const tierPathsSchema = z.object({
  schemeVersion: z.string(),
  score: num,
  tier: num,
  targetTier: num.nullable(),
  targetCutoff: num.nullable(),
  gap: num,
  options: z.array(z.object({ changes: z.array(tierChangeSchema), newTier: num, ...pathOption })),
});

export const servicePackageViewSchema = z.object({
  visitsPerMonth: num,
  callbackHours: num,
  scarceSupplyPriority: num,
  trainingPerYear: num,
  support: z.array(text),
});

const explainedItem = z.object({
  id: z.string(),
  value: itemValue,
  prevValue: itemValue,
  points: num,
  prevPoints: num,
  max: num,
  delta: num,
  text,
  label: text,
  valueText: text,
  prevValueText: text,
  /** Where a judged value comes from (the compliance assessment behind the class), now and last month. */
  cause: text.nullable(),
  prevCause: text.nullable(),
});

export const retailerRatingViewSchema = z.object({
  month: z.string(),
  prevMonth: z.string().nullable(),
  schemeVersion: z.string(),
  star: num,
  score: num,
  tier: num,
  tierChangedByHand: z.boolean(),
  classCode: z.string(),
  segment: z.enum(['close', 'stable_a', 'stable_b', 'unstable']),
  segmentLabel: text,
  segmentLevels: z.object({ integrity: z.string(), stability: z.string(), cooperation: z.string() }).nullable(),
  servicePackage: servicePackageViewSchema,
  frozenReason: z.string().nullable(),
  tierNotes: z.array(text),
  items: z.array(z.object({ id: z.string(), label: text, value: text, points: num, max: num, cause: text.nullable() })),
  change: z
    .object({
      retailerId: z.string(),
      month: z.string(),
      prevMonth: z.string(),
      schemeVersion: z.string(),
      prevSchemeVersion: z.string(),
      score: num,
      prevScore: num,
      star: num,
      prevStar: num,
      items: z.array(explainedItem),
      summary: z.array(text),
    })
    .nullable(),
  nextStar: starPathsSchema,
  nextTier: tierPathsSchema.nullable(),
});
export type RetailerRatingView = z.infer<typeof retailerRatingViewSchema>;
