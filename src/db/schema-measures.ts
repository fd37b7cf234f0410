// The four measures (四度, issue 17 item 2) and the score sheets of client
// managers and stations (item 3). Definitions and schemes are versioned: every
// computed row keeps the version it was computed under (decision 1710).
import { sql } from 'drizzle-orm';
import { date, index, integer, jsonb, numeric, pgTable, primaryKey, real, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from './schema.js';
import type { MeasureWeights, ScoreSheetItemConfig, ScoreSheetItemResult } from '../shared/measures.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** How the four measures are computed: the weights of their parts, one version per change. */
export const measureDefinitions = pgTable(
  'measure_definitions',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    weights: jsonb('weights').$type<MeasureWeights>().notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);

/**
 * One shop's four measures as of a night, with every part. The nightly job
 * keeps five weeks of daily rows and the first of each month for the trend.
 * Parts are 0–1; measures 0–100; null = not surveyed (满意度) / not collected (依存度).
 */
export const retailerMeasures = pgTable(
  'retailer_measures',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    asOf: date('as_of').notNull(),
    retailerId: integer('retailer_id').notNull(),
    definitionVersion: integer('definition_version').notNull(),
    satisfaction: real('satisfaction'),
    satAnswers: integer('sat_answers').notNull().default(0),
    satRoundId: integer('sat_round_id'),
    loyalty: real('loyalty').notNull(),
    loyContinuity: real('loy_continuity').notNull(),
    loyStability: real('loy_stability').notNull(),
    loyTenure: real('loy_tenure').notNull(),
    loyClean: real('loy_clean').notNull(),
    orderWeeks: smallint('order_weeks').notNull(),
    eligibleWeeks: smallint('eligible_weeks').notNull(),
    qtyCv: real('qty_cv'),
    tenureMonths: smallint('tenure_months').notNull(),
    badOrders: integer('bad_orders').notNull(),
    allOrders: integer('all_orders').notNull(),
    contribution: real('contribution').notNull(),
    conPercentile: real('con_percentile').notNull(),
    conShareIndex: real('con_share_index').notNull(),
    conMarginPercentile: real('con_margin_percentile'),
    salesAmount: numeric('sales_amount', { precision: 16, scale: 2, mode: 'number' }).notNull(),
    countyShare: real('county_share').notNull(),
    marginAmount: numeric('margin_amount', { precision: 16, scale: 2, mode: 'number' }),
    dependence: real('dependence'),
    depReportedOn: date('dep_reported_on'),
    /** Where the dependence came from: visit (the visit form) | survey (the income question of a survey answer). */
    depSource: text('dep_source'),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.asOf, t.retailerId] }), index('retailer_measures_retailer').on(t.orgId, t.retailerId, t.asOf)],
);

/** The items of the score sheets and their points, one version per change. */
export const scoreSheetSchemes = pgTable(
  'score_sheet_schemes',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    items: jsonb('items').$type<ScoreSheetItemConfig[]>().notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.version] })],
);

/** A month's sheet of one client manager (worker) or one station, computed from the records. */
export const scoreSheets = pgTable(
  'score_sheets',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** YYYY-MM */
    month: text('month').notNull(),
    /** worker | station */
    subjectKind: text('subject_kind').notNull(),
    subjectId: integer('subject_id').notNull(),
    schemeVersion: integer('scheme_version').notNull(),
    /** The records counted are those of [month start, records_to). */
    recordsTo: date('records_to').notNull(),
    total: real('total').notNull(),
    maxTotal: real('max_total').notNull(),
    items: jsonb('items').$type<ScoreSheetItemResult[]>().notNull().default(sql`'[]'::jsonb`),
    computedAt: at('computed_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.month, t.subjectKind, t.subjectId] })],
);
