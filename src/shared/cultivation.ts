// New-brand cultivation (品牌培育, issue 17 item 4): a launch of a product to a
// set of target shops, its measures by lifecycle week with the band of the
// county's earlier launches, and the shelf check and consumer-trial feedback
// a worker records on a visit.
import { z } from 'zod';
import { BUSINESS_FORMATS } from './codes.js';
import { idParamSchema, idSchema, isoDateSchema, textSchema } from './primitives.js';

export const SEGMENTS = ['close', 'stable_a', 'stable_b', 'unstable'] as const;
export const PRICE_ACCEPTANCE = ['low', 'fair', 'high'] as const;
export const REBUY_INTENT = ['yes', 'maybe', 'no'] as const;
export const LAUNCH_DIMS = ['grid', 'tier', 'worker', 'station', 'station_tier'] as const;
export type LaunchDim = (typeof LAUNCH_DIMS)[number];
/** Lifecycle weeks a launch is followed for. */
export const LAUNCH_WEEKS_MAX = 26;
/** A repeat order counts when it is in a different week at most this many weeks after the first. */
export const REORDER_WITHIN_WEEKS = 8;

/** Which shops a launch targets; every given part narrows the set (an empty list: any). */
export const launchTargetSchema = z.object({
  tierMin: z.number().int().min(1).max(30).default(1),
  tierMax: z.number().int().min(1).max(30).default(30),
  segments: z.array(z.enum(SEGMENTS)).max(SEGMENTS.length).default([]),
  formats: z.array(z.enum(BUSINESS_FORMATS)).max(BUSINESS_FORMATS.length).default([]),
  gridIds: z.array(idSchema).max(500).default([]),
});
export type LaunchTarget = z.infer<typeof launchTargetSchema>;

export const createLaunchSchema = z.object({
  productId: idSchema.optional(),
  name: textSchema.trim().max(60, 'text_too_long').default(''),
  /** Any day of the launch week; stored as its Monday. */
  launchWeek: isoDateSchema,
  weeks: z.number().int().min(4).max(LAUNCH_WEEKS_MAX).default(12),
  target: launchTargetSchema.optional(),
});
export type CreateLaunchInput = z.input<typeof createLaunchSchema>;

export const launchIdParams = z.object({ id: idParamSchema });

/** What a worker records on a visit to a target shop of a launch. */
export const launchCheckSchema = z.object({
  launchId: idSchema,
  onShelf: z.boolean(),
  /** 1–5; null: not asked. */
  taste: z.number().int().min(1).max(5).nullable().default(null),
  priceAcceptance: z.enum(PRICE_ACCEPTANCE).nullable().default(null),
  pack: z.number().int().min(1).max(5).nullable().default(null),
  rebuyIntent: z.enum(REBUY_INTENT).nullable().default(null),
  samplesGiven: z.number().int().min(0).max(200).default(0),
});
export type LaunchCheckInput = z.input<typeof launchCheckSchema>;

export const launchSummarySchema = z.object({
  id: z.number(),
  name: z.string(),
  productId: z.number(),
  productName: z.string(),
  launchWeek: z.string(),
  weeks: z.number(),
  /** Lifecycle week today (0 before the launch week). */
  currentWeek: z.number(),
  targets: z.number(),
  listingRate: z.number().nullable(),
  reorderRate: z.number().nullable(),
  warning: z.boolean(),
  computedAt: z.string().nullable(),
  status: z.enum(['active', 'finished']),
});
export const launchListSchema = z.object({ items: z.array(launchSummarySchema) });
export type LaunchSummary = z.infer<typeof launchSummarySchema>;

const rate = z.number().nullable();
export const launchWeekPointSchema = z.object({
  week: z.number(),
  weekStart: z.string(),
  /** 上柜率: target shops with an order by this week ÷ target shops. */
  listingRate: rate,
  /** 上柜率 verified on the shelf by a visit by this week. */
  shelfRate: rate,
  /** 复购率: of shops that ordered, share that ordered again in a later week within 8 weeks. */
  reorderRate: rate,
  /** 铺货率: shops whose latest visit this far found it on the shelf ÷ active target shops. */
  distributionRate: rate,
  /** Cartons asked for and supplied in this week, per 100 target shops. */
  requestedPer100: z.number(),
  suppliedPer100: z.number(),
  requested: z.number(),
  supplied: z.number(),
});
export const bandPointSchema = z.object({ week: z.number(), low: z.number(), median: z.number(), high: z.number(), launches: z.number() });
export const launchBandsSchema = z.object({
  listingRate: z.array(bandPointSchema),
  reorderRate: z.array(bandPointSchema),
  requestedPer100: z.array(bandPointSchema),
  suppliedPer100: z.array(bandPointSchema),
});
export type LaunchBands = z.infer<typeof launchBandsSchema>;
/** A measure of the band (the keys of launchBandsSchema), so the web labels each one from its dictionary. */
export const launchMeasureSchema = launchBandsSchema.keyof();
export type LaunchMeasure = z.infer<typeof launchMeasureSchema>;
export const launchWarningSchema = z.object({ week: z.number(), measure: launchMeasureSchema, value: z.number(), low: z.number() });

export const launchDimRowSchema = z.object({
  key: z.number(),
  label: z.string(),
  targets: z.number(),
  listingRate: rate,
  shelfRate: rate,
  reorderRate: rate,
  distributionRate: rate,
  requested: z.number(),
  supplied: z.number(),
});
export const feedbackSummarySchema = z.object({
  checks: z.number(),
  shopsChecked: z.number(),
  onShelf: z.number(),
  tasteAvg: z.number().nullable(),
  packAvg: z.number().nullable(),
  price: z.record(z.string(), z.number()),
  rebuy: z.record(z.string(), z.number()),
  samples: z.number(),
  byWeek: z.array(z.object({ week: z.number(), checks: z.number(), tasteAvg: z.number().nullable(), rebuyYes: z.number() })),
});

export const launchDashboardSchema = z.object({
  launch: launchSummarySchema.extend({ target: launchTargetSchema, productCode: z.string() }),
  /** The scope the figures are for: the county, or the station head's station. */
  scope: z.enum(['county', 'station', 'worker']),
  curve: z.array(launchWeekPointSchema),
  bands: launchBandsSchema,
  warnings: z.array(launchWarningSchema),
  byGrid: z.array(launchDimRowSchema),
  byTier: z.array(launchDimRowSchema),
  byWorker: z.array(launchDimRowSchema),
  feedback: feedbackSummarySchema,
});
export type LaunchDashboard = z.infer<typeof launchDashboardSchema>;

export const launchCreatedSchema = z.object({ id: z.number(), targets: z.number(), jobId: z.number() });
export const launchRecomputeSchema = z.object({ jobId: z.number() });

/** A launch whose target includes a shop on the viewer's route (the visit form offers its check). */
export const routeLaunchSchema = z.object({ id: z.number(), productName: z.string(), retailerIds: z.array(z.number()) });
export type RouteLaunch = z.infer<typeof routeLaunchSchema>;

export const launchOptionsSchema = z.object({
  products: z.array(z.object({ id: z.number(), code: z.string(), name: z.string(), isNew: z.boolean() })),
  grids: z.array(z.object({ id: z.number(), name: z.string() })),
});
