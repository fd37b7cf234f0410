// Demand forecasts (需求预测, issue 18) as the screens read them: the suggested
// order beside each ordering line, expected demand on the supply plan, and the
// forecast screen (county or the viewer's scope × product, weekly, with the
// three baselines, accuracy and marketing's overrides).
import { z } from 'zod';
import { idParamSchema, idSchema, isoDateSchema, textSchema, timestampSchema } from './primitives.js';

const bilingual = z.object({ zh: z.string(), en: z.string() });

/** One product's suggested order (建议订量): whole cartons within the shop's limit, with why. */
export const suggestedLineSchema = z.object({
  productId: z.number(),
  qty: z.number(),
  /** Cartons the forecast expects before the limit (null for a suggestion from order history). */
  forecast: z.number().nullable().optional(),
  /** The limit cut the expected demand down. */
  capped: z.boolean().optional(),
  /** forecast = this week's forecast; override = marketing's figure; history = the last orders (no forecast yet). */
  source: z.enum(['forecast', 'override', 'history']).optional(),
  reason: bilingual.nullable().optional(),
});
export type SuggestedLine = z.infer<typeof suggestedLineSchema>;

export const BASELINE_KEYS = ['seasonal_naive', 'aligned_naive', 'recent_mean'] as const;
/** WAPE in percent of the model and of each baseline over the same weeks (null when nothing to score). */
export const accuracySchema = z.object({
  weeks: z.number(),
  model: z.number().nullable(),
  seasonal_naive: z.number().nullable(),
  aligned_naive: z.number().nullable(),
  recent_mean: z.number().nullable(),
});
export type Accuracy = z.infer<typeof accuracySchema>;

export const overrideSchema = z.object({
  id: z.number(),
  /** 1 for the first override of this product and week, counting up. */
  version: z.number(),
  weekStart: z.string(),
  qty: z.number(),
  /** What the model said when the override was entered. */
  modelQty: z.number().nullable(),
  reason: z.string(),
  /** This version withdrew the override: the model's figure is in force again (qty is 0 and meaningless). */
  withdrawn: z.boolean(),
  by: z.string().nullable(),
  at: timestampSchema,
});
export type ForecastOverride = z.infer<typeof overrideSchema>;

export const forecastRunSchema = z.object({ id: z.number(), originWeek: z.string(), finishedAt: timestampSchema.nullable(), seconds: z.number().nullable() }).nullable();

export const forecastOverviewSchema = z.object({
  run: forecastRunSchema,
  /** A forecast job is queued or running for the org. */
  computing: z.boolean(),
  /** county: the whole county (marketing); scope: the shops the viewer sees (station or grids). */
  scope: z.enum(['county', 'scope']),
  canOverride: z.boolean(),
  weeks: z.array(z.string()),
  items: z.array(
    z.object({
      productId: z.number(),
      code: z.string(),
      name: z.string(),
      scarce: z.boolean(),
      /** Mean weekly stated demand of the last 4 closed weeks, in the same scope. */
      recent: z.number(),
      /** Per week of `weeks`: the figure in force (the override where there is one; in a scope, shops' own overrides too) and the model's. */
      qty: z.array(z.number().nullable()),
      model: z.array(z.number().nullable()),
      overridden: z.array(z.boolean()),
      accuracy: accuracySchema.nullable(),
    }),
  ),
});
export type ForecastOverview = z.infer<typeof forecastOverviewSchema>;

export const forecastSeriesSchema = z.object({
  productId: z.number(),
  name: z.string(),
  scope: z.enum(['county', 'scope']),
  history: z.array(z.object({ weekStart: z.string(), qty: z.number() })),
  forecast: z.array(
    z.object({
      weekStart: z.string(),
      horizon: z.number(),
      qty: z.number(),
      model: z.number(),
      low: z.number(),
      high: z.number(),
      seasonal_naive: z.number(),
      aligned_naive: z.number(),
      recent_mean: z.number(),
      override: overrideSchema.nullable(),
      /** Shops of the viewer's scope with their own override in force that week (always 0 in the county view). */
      shopOverrides: z.number(),
      why: bilingual,
    }),
  ),
  events: z.array(z.object({ weekStart: z.string(), kind: z.string(), label: bilingual })),
  overrides: z.array(overrideSchema),
  accuracy: accuracySchema.nullable(),
});
export type ForecastSeries = z.infer<typeof forecastSeriesSchema>;

export const forecastProductParams = z.object({ productId: idParamSchema });

export const createOverrideSchema = z.object({
  productId: idSchema,
  weekStart: isoDateSchema,
  qty: z.number().int().min(0).max(1_000_000),
  reason: textSchema.trim().min(1, 'forecast_reason_required').max(200),
});
export type CreateOverrideInput = z.input<typeof createOverrideSchema>;

const reasonSchema = textSchema.trim().min(1, 'forecast_reason_required').max(200);

/** Withdraw marketing's override of a product's week: the model's county figure is in force again. */
export const withdrawOverrideSchema = z.object({ productId: idSchema, weekStart: isoDateSchema, reason: reasonSchema });
export type WithdrawOverrideInput = z.input<typeof withdrawOverrideSchema>;

/** A worker's own figure for one shop, product and week (a wedding, a shop closing for repairs), with the reason. */
export const createShopOverrideSchema = z.object({
  retailerId: idSchema,
  productId: idSchema,
  weekStart: isoDateSchema,
  qty: z.number().int().min(0).max(100_000),
  reason: reasonSchema,
});
export type CreateShopOverrideInput = z.input<typeof createShopOverrideSchema>;
export const withdrawShopOverrideSchema = z.object({ retailerId: idSchema, productId: idSchema, weekStart: isoDateSchema, reason: reasonSchema });
export type WithdrawShopOverrideInput = z.input<typeof withdrawShopOverrideSchema>;

export const shopForecastQuerySchema = z.object({ weekStart: isoDateSchema });
/** The shops of the viewer's scope for one product and week: the model's figure, marketing's share, the shop's own override. */
export const shopForecastsSchema = z.object({
  productId: z.number(),
  weekStart: z.string(),
  canOverride: z.boolean(),
  items: z.array(
    z.object({
      retailerId: z.number(),
      code: z.string(),
      name: z.string(),
      gridName: z.string(),
      /** The model's figure for the shop. */
      model: z.number(),
      /** The figure in force: the shop's override, else its share of marketing's county override, else the model's. */
      qty: z.number(),
      source: z.enum(['forecast', 'county', 'shop']),
      override: overrideSchema.nullable(),
      /** Every version of this shop's override for the week, newest first. */
      versions: z.array(overrideSchema),
    }),
  ),
});
export type ShopForecasts = z.infer<typeof shopForecastsSchema>;

export const accuracyQuerySchema = z.object({ month: z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'month_format').optional() });
export const gridAccuracySchema = z.object({
  month: z.string(),
  items: z.array(
    z.object({
      gridId: z.number(),
      gridName: z.string(),
      workerName: z.string().nullable(),
      shops: z.number(),
      weeks: z.number(),
      forecast: z.number(),
      actual: z.number(),
      wapePct: z.number().nullable(),
      biasPct: z.number().nullable(),
    }),
  ),
});
export type GridAccuracy = z.infer<typeof gridAccuracySchema>;

export const forecastRunQueuedSchema = z.object({ jobId: z.number() });

/** Shops likely to run out of a scarce product in the next eight weeks: forecast above the last limit they were given. */
export const stockoutRisksSchema = z.object({
  /** More rows than shown (the list is cut at 100, biggest shortfall first). */
  more: z.boolean(),
  items: z.array(
    z.object({
      retailerId: z.number(),
      shopName: z.string(),
      gridName: z.string(),
      productId: z.number(),
      productName: z.string(),
      weekStart: z.string(),
      forecast: z.number(),
      lastLimit: z.number(),
      shortfall: z.number(),
      /** The festival near that week (weeks before it negative), or null. */
      event: z.object({ zh: z.string(), en: z.string(), offset: z.number() }).nullable(),
    }),
  ),
});
export type StockoutRisks = z.infer<typeof stockoutRisksSchema>;
