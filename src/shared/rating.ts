// Rating API inputs (zod, used by routes and forms) and the shapes the screens read.
import { z } from 'zod';
import { idParamSchema, idSchema, textSchema, timestampSchema } from './primitives.js';
import { retailerRatingViewSchema } from './rating-view.js';

export const monthSchema = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month_format');

const num = z.number().finite();
const text = z.object({ zh: z.string(), en: z.string() });
const band = z.object({ min: num, points: num });
const level = z.enum(['high', 'mid', 'low']);
const compliance = z.enum(['A', 'B', 'C', 'W']);
const perNetwork = z.object({ urban: z.array(num), rural: z.array(num) });
const servicePackage = z.object({
  visitsPerMonth: num,
  callbackHours: num,
  scarceSupplyPriority: num,
  trainingPerYear: num,
  support: z.array(text),
});
const numericItem = z.object({
  id: z.enum(['volume', 'class1Share', 'avgPrice', 'brands', 'feedback', 'newBrands', 'dependence', 'eSettlement']),
  max: num,
  bands: z.array(band),
  floor: num,
  missing: num.optional(),
});

/** The structure of a rating scheme; the rules between its numbers are checked by validateScheme. */
export const ratingSchemeSchema = z.object({
  // Shown in explanations and file names: letters, digits, Chinese, '.', '_' and '-' only (no markup, no direction overrides).
  version: z.string().trim().regex(/^[A-Za-z0-9\u4e00-\u9fff][A-Za-z0-9\u4e00-\u9fff._-]{0,39}$/, 'scheme_version_format'),
  name: text,
  units: z.object({ cartonsPerCase: num }),
  classification: z.object({
    scaleShares: z.array(num),
    volumeWeight: num,
    valueWeight: num,
    rankWithin: z.enum(['format', 'network_format']),
  }),
  tiers: z.object({
    weights: z.object({ quantity: num, value: num, brands: num, class2Plus: num }),
    shares: z.array(num).min(1).max(100),
    manualOverride: z.enum(['forbidden', 'with_reason']),
    minReasonLength: num,
    /** Months of complete order cycles the tier is rated over (absent: 1). */
    windowMonths: z.number().int('scheme_whole_number').min(1, 'scheme_window_range').max(6, 'scheme_window_range').optional(),
    /** Most tiers a month's rating may move a retailer without a recorded cause (absent: no cap). */
    maxMonthlyMove: z.number().int('scheme_whole_number').min(1, 'scheme_cap_range').max(99, 'scheme_cap_range').optional(),
  }),
  star: z.object({
    total: num,
    items: z.array(
      z.union([
        z.object({ id: z.literal('integrity'), max: num, points: z.record(compliance, num) }),
        z.object({ id: z.literal('storeImage'), max: num, points: z.object({ A: num, B: num, C: num, D: num }) }),
        numericItem,
      ]),
    ),
    mode: z.enum(['score', 'rank']),
    cutoffs: perNetwork,
    rankShares: perNetwork,
  }),
  segments: z.object({
    integrity: z.object({ high: z.array(compliance), mid: z.array(compliance) }),
    stability: z.object({
      high: z.object({ maxCv: num, minContinuity: num }),
      mid: z.object({ maxCv: num, minContinuity: num }),
    }),
    cooperation: z.object({ minNewBrands: num, minFeedback: num, minESettlementPct: num, high: num, mid: num }),
    rules: z.array(
      z.object({
        segment: z.enum(['close', 'stable_a', 'stable_b', 'unstable']),
        min: z.object({ integrity: level.optional(), stability: level.optional(), cooperation: level.optional() }),
      }),
    ),
    packages: z.object({ close: servicePackage, stable_a: servicePackage, stable_b: servicePackage, unstable: servicePackage }),
  }),
  paths: z.object({
    maxVolumeFactor: num,
    minVolumeCapCartons: num,
    class1ShareMargin: num,
    class1CartonPrice: num,
    maxFeedbackPerMonth: num,
    maxNewBrandsPerMonth: num,
    maxStoreImageSteps: num,
    maxExtraBrands: num,
    defaultCartonPrice: num,
    maxCombinedOptions: num,
    cost: z.object({
      carton: num,
      class1Carton: num,
      feedback: num,
      newBrand: num,
      brand: num,
      orderCycle: num,
      storeImageStep: num,
      eSettlement: num,
    }),
  }),
});

export type RatingScheme = z.infer<typeof ratingSchemeSchema>;

export const saveSchemeSchema = z.object({ scheme: ratingSchemeSchema, note: textSchema.max(200).default('') });
export const startRunSchema = z.object({ month: monthSchema });
export const runIdParams = z.object({ id: idParamSchema });
export const runRetailerParams = z.object({ id: idParamSchema, retailerId: idParamSchema });
export const retailerRatingParams = z.object({ id: idParamSchema });
export const retailerRatingQuery = z.object({ month: monthSchema.optional() });
export const MOVER_DIRECTIONS = ['all', 'up', 'down'] as const;
export const moversQuery = z.object({
  direction: z.enum(MOVER_DIRECTIONS).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const manualTierSchema = z.object({ toTier: z.number().int().min(1).max(100), reason: textSchema.max(500, 'text_too_long') });
export const freezeSchema = z.object({ retailerId: idSchema, month: monthSchema, reason: textSchema.trim().min(4, 'reason_required').max(500, 'text_too_long') });
export const tierCauseSchema = z.object({ retailerId: idSchema, month: monthSchema, reason: textSchema.trim().min(4, 'reason_required').max(500, 'text_too_long') });
export const tierCauseRecordedSchema = z.object({ id: z.number() });
export const complianceSchema = z.object({
  retailerId: idSchema,
  month: monthSchema,
  score: z.number().int().min(0).max(100),
  penalties: z.number().int().min(0).max(99).default(0),
});
export const reviewSheetQuery = z.object({ month: monthSchema.optional(), gridId: idParamSchema.optional() });

// Responses.
const perNetworkCounts = z.object({ urban: z.array(num), rural: z.array(num) });
const cutoffList = z.array(num.nullable());
export const runSummarySchema = z.object({
  previousRunId: z.number().nullable(),
  distribution: z.object({
    star: perNetworkCounts,
    tier: z.array(num),
    classCode: z.record(z.string(), num),
    segment: z.record(z.string(), num),
  }),
  movers: z.object({ starUp: num, starDown: num, tierUp: num, tierDown: num, entered: num, left: num, changed: num }),
  /** How much the tiers moved against last month (absent in runs from before the cap). */
  churn: z
    .object({
      compared: num,
      tierChanged: num,
      movedOver2: num,
      heldByCap: num,
      overCapWithCause: num,
      starChanged: num,
      moves: z.array(num),
      range: num,
    })
    .optional(),
  tierWindowMonths: num.optional(),
  maxMonthlyMove: num.nullable().optional(),
  starCutoffs: z.object({ urban: cutoffList, rural: cutoffList }),
  tierContext: z.object({ top: z.record(z.string(), num.nullable()), cutoffs: cutoffList }).nullable().optional(),
  frozen: num,
  seconds: z.record(z.string(), num),
});
export type RunSummary = z.infer<typeof runSummarySchema>;

export const RUN_STATUSES = ['computing', 'draft', 'published', 'superseded', 'failed'] as const;
export const ratingRunSchema = z.object({
  id: z.number(),
  month: z.string(),
  schemeVersion: z.string(),
  status: z.enum(RUN_STATUSES),
  progress: num,
  step: z.string(),
  retailers: num,
  orderLines: num,
  /** Empty until the batch has finished. */
  summary: z.union([runSummarySchema, z.object({}).strict()]),
  error: z.string().nullable(),
  seconds: num.nullable(),
  startedAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
  publishedAt: timestampSchema.nullable(),
  createdByName: z.string().nullable(),
  publishedByName: z.string().nullable(),
});
export type RatingRun = z.input<typeof ratingRunSchema>;
export const ratingRunsSchema = z.object({ runs: z.array(ratingRunSchema), defaultMonth: z.string() });

export const moverSchema = z.object({
  retailerId: z.number(),
  shopName: z.string(),
  customerCode: z.string(),
  gridName: z.string(),
  starFrom: num.nullable(),
  starTo: num,
  scoreFrom: num.nullable(),
  scoreTo: num,
  tierFrom: num.nullable(),
  tierTo: num,
  classFrom: z.string().nullable(),
  classTo: z.string(),
  segmentFrom: z.string().nullable(),
  segmentTo: z.string(),
  /** The tier this month's figures gave when the monthly cap held the move (else null), and a recorded cause that let it through. */
  tierComputed: num.nullable(),
  tierCause: z.string().nullable(),
});
export type Mover = z.infer<typeof moverSchema>;

/** A run's figures over what the viewer is responsible for: the county, or their own grids/station. */
export const runScopeSchema = z.object({
  scope: z.enum(['org', 'own']),
  retailers: num,
  distribution: z.object({ star: perNetworkCounts, tier: z.array(num), segment: z.record(z.string(), num) }),
  movers: z.object({ starUp: num, starDown: num, tierUp: num, tierDown: num }),
  churn: z.object({ compared: num, tierChanged: num, movedOver2: num, heldByCap: num }),
});
export type RunScope = z.infer<typeof runScopeSchema>;
export const moversSchema = z.object({ items: z.array(moverSchema) });

export const schemeVersionSchema = z.object({ version: z.string(), note: z.string(), createdAt: timestampSchema, createdByName: z.string().nullable() });
export const schemesSchema = z.object({
  active: ratingSchemeSchema,
  versions: z.array(schemeVersionSchema),
  /** Set when the active scheme is a province's or city's (decision 1927); locked: the county cannot save its own. */
  inheritedFrom: z.object({ orgName: z.string(), level: z.enum(['province', 'city', 'county']), version: z.number(), overridable: z.boolean() }).nullable().optional(),
});
export const savedSchemeSchema = z.object({ version: z.string() });

export const ratingHistoryPointSchema = z.object({ month: z.string(), star: num, score: num, tier: num, classCode: z.string(), segment: z.string() });
export type RatingHistoryPoint = z.infer<typeof ratingHistoryPointSchema>;
export const retailerRatingSchema = z.object({
  retailer: z.object({ id: z.number(), shopName: z.string(), customerCode: z.string() }),
  rating: retailerRatingViewSchema.nullable(),
  history: z.array(ratingHistoryPointSchema),
});
export type RetailerRatingResponse = z.input<typeof retailerRatingSchema>;

export const tierChangedSchema = z.object({ retailerId: z.number(), fromTier: num, toTier: num });
export const freezeCreatedSchema = z.object({ id: z.number() });
export const complianceRecordedSchema = z.object({ complianceClass: compliance });
export const complianceImportedSchema = z.object({ saved: num });

/** One rule of a refused scheme (422 rating_scheme_invalid carries `errors` of these). */
export const schemeErrorSchema = z.object({ path: z.string(), code: z.string(), message: z.string(), messageEn: z.string() });
export type SchemeError = z.infer<typeof schemeErrorSchema>;
