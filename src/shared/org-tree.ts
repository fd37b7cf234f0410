// The org tree and its roll-ups (issue 19): what GET /api/org-tree, GET
// /api/rollups, GET /api/rollups/retailers and the org rules answer.
import { z } from 'zod';
import { ORG_LEVELS } from './codes.js';
import { idParamSchema, textSchema } from './primitives.js';

export const orgLevelSchema = z.enum(ORG_LEVELS);

export const orgTreeNodeSchema = z.object({
  orgId: z.number(),
  parentId: z.number().nullable(),
  level: orgLevelSchema,
  code: z.string(),
  name: z.string(),
});
/** The viewer's own org, the orgs above it (for the breadcrumb) and every org below it. */
export const orgTreeSchema = z.object({
  home: orgTreeNodeSchema,
  /** The county a province or city user is looking into, or null at home. */
  drilledInto: orgTreeNodeSchema.nullable(),
  nodes: z.array(orgTreeNodeSchema),
});
export type OrgTreeView = z.infer<typeof orgTreeSchema>;

/** One county's figures, kept by the org-rollups job; every count is additive, so a city sums its counties. */
export const countyRollupSchema = z.object({
  retailers: z.object({ total: z.number(), active: z.number() }),
  /** Shops by star, index 0 = unrated … 6 = 超五星. */
  stars: z.array(z.number()),
  supply: z.object({ weekStart: z.string().nullable(), demandLines: z.number(), stockoutLines: z.number(), base: z.number(), ordering: z.number() }),
  settlement: z.object({ failedOrders: z.number(), failedAmount: z.number() }),
  visits: z.object({ from: z.string(), to: z.string(), planned: z.number(), done: z.number() }),
  desk: z.object({ open: z.number(), overdue: z.number(), closed30d: z.number() }),
  /**
   * How far the county's own per-county jobs are (decisions 1924–1925): its latest published rating month, its latest
   * draft or computing month, and the last night of its measures. A city or province row: the earliest published and
   * measured of its counties (null when one has none) and the latest draft. Absent in rows computed before it existed.
   */
  /** The four measures' last night (decision 1926): sums and counts, so a city's averages weigh every shop the same. */
  measures: z
    .object({ asOf: z.string().nullable(), shops: z.number(), satisfactionSum: z.number(), satisfactionN: z.number(), loyaltySum: z.number(), dependenceSum: z.number(), dependenceN: z.number() })
    .optional(),
  runs: z.object({ ratingPublished: z.string().nullable(), ratingDraft: z.string().nullable(), measuresAsOf: z.string().nullable() }).optional(),
  /**
   * The supply week's lines by catalogue code (decision 1930), so a city or province adds counties' lines of one spec
   * whatever id each county lists it under. Absent in rows computed before it existed.
   */
  byProduct: z.array(z.object({ code: z.string(), demandLines: z.number(), stockoutLines: z.number(), orderedQty: z.number() })).optional(),
});
export type CountyRollup = z.infer<typeof countyRollupSchema>;

export const ROLLUP_SCREENS = ['retailers', 'ratings', 'supply', 'settlement', 'visits', 'desk', 'measures'] as const;

export const rollupQuerySchema = z.object({
  /** The city (or province) whose children to list; omitted: the viewer's own company. */
  parentId: idParamSchema.optional(),
});

/** The roll-up as a file: the viewer's company by city and county (or `parentId` within it). */
export const rollupExportQuerySchema = rollupQuerySchema.extend({ format: z.enum(['xlsx', 'csv']).default('xlsx'), lang: z.enum(['zh', 'en']).default('zh') });

const pct = z.number().nullable();
export const rollupRowSchema = countyRollupSchema.omit({ byProduct: true }).extend({
  orgId: z.number(),
  name: z.string(),
  level: orgLevelSchema,
  counties: z.number(),
  /** Counties whose figures are not computed yet. */
  missing: z.number(),
  stockoutRatePct: pct,
  sellThroughPct: pct,
  visitsDonePct: pct,
  /** Averages over the shops measured (satisfaction: those surveyed; dependence: those with one reported). */
  satisfactionAvg: pct,
  loyaltyAvg: pct,
  dependenceAvg: pct,
  computedAt: z.string().nullable(),
});
export const rollupSchema = z.object({
  parent: orgTreeNodeSchema,
  /** The parent's own total (the sum of its rows). */
  total: rollupRowSchema,
  rows: z.array(rollupRowSchema),
  /**
   * The parent's supply week by product: every county's lines of a spec under the catalogue's one name (decision 1930),
   * most stock-out lines first. `counties`: how many of the parent's counties had demand for it.
   */
  products: z.array(
    z.object({
      code: z.string(),
      brand: z.string(),
      name: z.string(),
      priceClass: z.number(),
      counties: z.number(),
      demandLines: z.number(),
      stockoutLines: z.number(),
      orderedQty: z.number(),
      stockoutRatePct: pct,
    }),
  ),
});
export type Rollup = z.infer<typeof rollupSchema>;
export type RollupRow = z.infer<typeof rollupRowSchema>;

export const rollupSearchQuerySchema = z.object({ q: textSchema.pipe(z.string().trim().min(2, 'required').max(40, 'text_too_long')) });
export const rollupSearchSchema = z.object({
  /** Matches per county (up to 1,000 counted each), with the city it belongs to. */
  counties: z.array(z.object({ orgId: z.number(), name: z.string(), cityName: z.string().nullable(), matches: z.number() })),
  items: z.array(z.object({ id: z.number(), orgId: z.number(), countyName: z.string(), name: z.string(), customerCode: z.string(), address: z.string() })),
});
export type RollupSearch = z.infer<typeof rollupSearchSchema>;

export const refreshRollupsSchema = z.object({ jobs: z.number() });

export const ORG_RULE_KINDS = ['rating_scheme', 'tier_shares', 'complaint_policy'] as const;
export const orgRuleKindSchema = z.enum(ORG_RULE_KINDS);
export const orgRuleParams = z.object({ kind: orgRuleKindSchema });
export const orgRuleInputSchema = z.object({ body: z.record(z.string(), z.unknown()), overridable: z.boolean() });
export const orgRuleInForceSchema = z.object({
  kind: orgRuleKindSchema,
  /** Null when no org on the way up has set this rule. */
  inForce: z
    .object({
      orgId: z.number(),
      orgName: z.string(),
      level: orgLevelSchema,
      version: z.number(),
      overridable: z.boolean(),
      body: z.record(z.string(), z.unknown()),
      /** The rule of a parent the org's own one overrides. */
      overrides: z.string().nullable(),
    })
    .nullable(),
});
export type OrgRuleInForce = z.infer<typeof orgRuleInForceSchema>;
