// Rating API inputs (zod, used by routes and forms) and the shapes the screens read.
import { z } from 'zod';
import { idParamSchema, idSchema } from './primitives.js';

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
  version: z.string().trim().min(1).max(40),
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

export const saveSchemeSchema = z.object({ scheme: ratingSchemeSchema, note: z.string().max(200).default('') });
export const startRunSchema = z.object({ month: monthSchema });
export const runIdParams = z.object({ id: idParamSchema });
export const retailerRatingParams = z.object({ id: idParamSchema });
export const retailerRatingQuery = z.object({ month: monthSchema.optional() });
export const moversQuery = z.object({
  direction: z.enum(['all', 'up', 'down']).default('all'),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export const manualTierSchema = z.object({ toTier: z.number().int(), reason: z.string().max(500) });
export const freezeSchema = z.object({ retailerId: idSchema, month: monthSchema, reason: z.string().trim().min(4).max(500) });
export const complianceSchema = z.object({
  retailerId: idSchema,
  month: monthSchema,
  score: z.number().int().min(0).max(100),
  penalties: z.number().int().min(0).max(99).default(0),
});
export const reviewSheetQuery = z.object({ month: monthSchema.optional(), gridId: idParamSchema.optional() });
