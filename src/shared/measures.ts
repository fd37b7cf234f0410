// The four measures (四度) and the score sheets (issue 17 items 2 and 3):
// the definition's weights, the score-sheet items, and the request/response
// schema of every endpoint.
import { z } from 'zod';
import { idParamSchema, isoDateSchema, timestampSchema as timestamp } from './primitives.js';
import { monthSchema } from './rating.js';

export const MEASURES = ['satisfaction', 'loyalty', 'contribution', 'dependence'] as const;
export type MeasureId = (typeof MEASURES)[number];

export const measureLabels: Record<MeasureId, { zh: string; en: string }> = {
  satisfaction: { zh: '满意度', en: 'Satisfaction' },
  loyalty: { zh: '忠诚度', en: 'Loyalty' },
  contribution: { zh: '贡献度', en: 'Contribution' },
  dependence: { zh: '依存度', en: 'Dependence' },
};

/** Where a shop's 依存度 was reported (decision 1740): the visit form first, else a survey's income question. */
export const DEPENDENCE_SOURCES = ['visit', 'survey'] as const;
export type DependenceSource = (typeof DEPENDENCE_SOURCES)[number];
export const dependenceSourceLabels: Record<DependenceSource, { zh: string; en: string }> = {
  visit: { zh: '拜访时', en: 'on a visit' },
  survey: { zh: '调查问卷中', en: 'in a survey' },
};

export const LOYALTY_PARTS = ['continuity', 'stability', 'tenure', 'clean'] as const;
export const CONTRIBUTION_PARTS = ['percentile', 'share', 'margin'] as const;
export type LoyaltyPart = (typeof LOYALTY_PARTS)[number];
export type ContributionPart = (typeof CONTRIBUTION_PARTS)[number];

export const partLabels: Record<LoyaltyPart | ContributionPart, { zh: string; en: string }> = {
  continuity: { zh: '订货连续性', en: 'Order continuity' },
  stability: { zh: '订量稳定性', en: 'Quantity stability' },
  tenure: { zh: '合作时长', en: 'Tenure' },
  clean: { zh: '无取消/欠款', en: 'No cancelled or unpaid orders' },
  percentile: { zh: '销售额县内百分位', en: 'Sales percentile in the county' },
  share: { zh: '销售额占比指数', en: 'Sales share index' },
  margin: { zh: '毛利县内百分位', en: 'Gross-margin percentile in the county' },
};

const weight = z.number().min(0, 'weight_range').max(1, 'weight_range');
export const measureWeightsSchema = z.object({
  loyalty: z.object({ continuity: weight, stability: weight, tenure: weight, clean: weight }),
  contribution: z.object({ percentile: weight, share: weight, margin: weight }),
  /** Months of tenure that earn the full tenure part. */
  tenureFullMonths: z.number().int().min(1).max(240),
});
export type MeasureWeights = z.infer<typeof measureWeightsSchema>;

export const measureDefinitionSchema = z.object({
  version: z.number().int(),
  weights: measureWeightsSchema,
  createdAt: timestamp.nullable(),
});
export type MeasureDefinition = z.infer<typeof measureDefinitionSchema>;

const part = z.object({ id: z.enum([...LOYALTY_PARTS, ...CONTRIBUTION_PARTS]), value: z.number(), weight: z.number() });

/** One night's measures of one shop with their parts. */
export const measurePointSchema = z.object({
  asOf: isoDateSchema,
  definitionVersion: z.number().int(),
  satisfaction: z.number().nullable(),
  satAnswers: z.number().int(),
  loyalty: z.number(),
  contribution: z.number(),
  dependence: z.number().nullable(),
});
export type MeasurePoint = z.infer<typeof measurePointSchema>;

const explainText = z.object({ zh: z.string(), en: z.string() });

export const retailerMeasuresSchema = z.object({
  latest: measurePointSchema
    .extend({
      loyaltyParts: z.array(part),
      contributionParts: z.array(part),
      facts: z.object({
        orderWeeks: z.number().int(),
        eligibleWeeks: z.number().int(),
        qtyCv: z.number().nullable(),
        tenureMonths: z.number().int(),
        badOrders: z.number().int(),
        allOrders: z.number().int(),
        salesAmount: z.number(),
        countySharePct: z.number(),
        marginAmount: z.number().nullable(),
        depReportedOn: isoDateSchema.nullable(),
        /** Where the dependence came from: a visit form, or a survey's income question where no visit reported it. */
        depSource: z.enum(DEPENDENCE_SOURCES).nullable(),
      }),
    })
    .nullable(),
  trend: z.array(measurePointSchema),
  /** Why a measure fell since the point a month earlier: its parts, largest effect first. */
  why: z.array(z.object({ measure: z.enum(MEASURES), from: z.number(), to: z.number(), texts: z.array(explainText) })),
});
export type RetailerMeasures = z.infer<typeof retailerMeasuresSchema>;

export const countyMeasuresSchema = z.object({
  asOf: isoDateSchema.nullable(),
  compareTo: isoDateSchema.nullable(),
  shops: z.number().int(),
  /** Per measure: shops in each band of 10 points (0–9 … 90–100), and how many have none. */
  distribution: z.array(z.object({ measure: z.enum(MEASURES), bands: z.array(z.number().int()), missing: z.number().int(), mean: z.number().nullable() })),
  movers: z.array(
    z.object({ measure: z.enum(MEASURES), retailerId: z.number().int(), shopName: z.string(), from: z.number(), to: z.number(), delta: z.number() }),
  ),
});
export type CountyMeasures = z.infer<typeof countyMeasuresSchema>;

export const runMeasuresSchema = z.object({ asOf: isoDateSchema.optional() });

// ---- score sheets ----

export const SUBJECT_KINDS = ['worker', 'station'] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const scoreSheetItemConfigSchema = z.object({
  /** The id of a source in the registry (src/app/measures/score-sources.ts). */
  source: z.string().min(1).max(60),
  /** Points earned when the rate reaches the target. */
  points: z.number().min(0).max(1000),
  /** The rate (0–1) that earns the points; above it earns more, up to the cap. */
  target: z.number().gt(0, 'target_range').max(1, 'target_range'),
  /** Most points the item can give. */
  cap: z.number().min(0).max(1000),
  /** With no records in the month: 'full' = the points at target (no complaint to close is not a failure), 'zero' = none. */
  whenNone: z.enum(['full', 'zero']).default('zero'),
});
export type ScoreSheetItemConfig = z.infer<typeof scoreSheetItemConfigSchema>;
export const scoreSheetSchemeInputSchema = z.object({ items: z.array(scoreSheetItemConfigSchema).min(1).max(30) });

export const scoreSourceSchema = z.object({ id: z.string(), zh: z.string(), en: z.string(), ruleZh: z.string(), ruleEn: z.string() });

export const scoreSheetSchemeSchema = z.object({
  version: z.number().int(),
  items: z.array(scoreSheetItemConfigSchema),
  sources: z.array(scoreSourceSchema),
});

export const scoreSheetItemResultSchema = z.object({
  source: z.string(),
  good: z.number(),
  total: z.number(),
  /** good ÷ total, null when there were no records. */
  rate: z.number().nullable(),
  points: z.number(),
  cap: z.number(),
  target: z.number(),
  fullPoints: z.number(),
});
export type ScoreSheetItemResult = z.infer<typeof scoreSheetItemResultSchema>;

export const scoreSheetSchema = z.object({
  month: monthSchema,
  subjectKind: z.enum(SUBJECT_KINDS),
  subjectId: z.number().int(),
  subjectName: z.string(),
  stationName: z.string().nullable(),
  schemeVersion: z.number().int(),
  total: z.number(),
  maxTotal: z.number(),
  items: z.array(scoreSheetItemResultSchema.extend({ zh: z.string(), en: z.string() })),
  computedAt: timestamp,
});
export type ScoreSheet = z.infer<typeof scoreSheetSchema>;

export const scoreSheetListSchema = z.object({
  month: monthSchema,
  items: z.array(
    z.object({ subjectKind: z.enum(SUBJECT_KINDS), subjectId: z.number().int(), subjectName: z.string(), stationName: z.string().nullable(), total: z.number(), maxTotal: z.number() }),
  ),
});
export type ScoreSheetList = z.infer<typeof scoreSheetListSchema>;

export const monthQuerySchema = z.object({ month: monthSchema.optional() });
export const sheetParamsSchema = z.object({ kind: z.enum(SUBJECT_KINDS), subjectId: idParamSchema });
export const drillParamsSchema = sheetParamsSchema.extend({ source: z.string().min(1).max(60) });

/** The records behind one item's points. */
export const drillRecordSchema = z.object({
  date: isoDateSchema,
  retailerId: z.number().int().nullable(),
  shopName: z.string(),
  workerName: z.string().nullable(),
  ok: z.boolean(),
  detail: z.string(),
});
export type DrillRecord = z.infer<typeof drillRecordSchema>;
export const drillSchema = z.object({
  source: z.string(),
  zh: z.string(),
  en: z.string(),
  good: z.number(),
  total: z.number(),
  records: z.array(drillRecordSchema),
  truncated: z.boolean(),
});
export type Drill = z.infer<typeof drillSchema>;
