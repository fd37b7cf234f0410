// Demand forecasts (issue 18): one run per org and order week (after the week
// closes, or on demand), its forecasts per shop × product, per shop total
// (product_id 0) and per county × product (retailer_id 0) for the next 1–8
// weeks, each with its parts so a worker can read why; and the overrides
// workers enter with a reason. Shop and product ids carry no foreign key: the
// core tables have no (org_id, id) key to point a composite one at.
import { sql } from 'drizzle-orm';
import { bigint, boolean, check, doublePrecision, foreignKey, date, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs, users } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

export type ForecastRunSummary = {
  shops: number;
  series: number;
  seconds: number;
  /** Wall seconds per phase up to the write (rollup, read, shops, products, backtest, shop_products); the write is not in `seconds`. */
  phases?: Record<string, number>;
  /** Order weeks this run rolled up into demand_weeks from their order lines (normally 1; 104 on an org's first run). */
  rolledUpWeeks?: number;
  /** Backtest of this run's model over the last weeks, shop totals: WAPE of the model and the best baseline. */
  backtest?: { wapePct: number; bestBaselinePct: number; baseline: string };
  /** County × product over the last 8 weeks from one earlier fit (domain/forecast/backtest.ts): WAPE % of the model and each baseline. */
  productBacktest?: {
    total: BacktestFigures;
    byHorizon: (BacktestFigures & { horizon: number })[];
    products: Record<string, BacktestFigures>;
  };
};
export type BacktestFigures = { weeks: number; model: number | null; seasonal_naive: number | null; aligned_naive: number | null; recent_mean: number | null };

export const forecastRuns = pgTable(
  'forecast_runs',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: serial('id').notNull(),
    /** Monday of the last closed order week the run learnt from; forecasts are for the weeks after it. */
    originWeek: date('origin_week').notNull(),
    /** running | done | failed */
    status: text('status').notNull().default('running'),
    seed: integer('seed').notNull(),
    summary: jsonb('summary').$type<ForecastRunSummary>(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('forecast_runs_org_origin').on(t.orgId, t.originWeek),
    foreignKey({ name: 'forecast_runs_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

export const forecasts = pgTable(
  'forecasts',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    runId: integer('run_id').notNull(),
    /** 0 = the county. */
    retailerId: integer('retailer_id').notNull(),
    /** 0 = all products (the shop's total). */
    productId: integer('product_id').notNull(),
    weekStart: date('week_start').notNull(),
    horizon: smallint('horizon').notNull(),
    /** Cartons, reconciled so shops add up to the county. */
    qty: doublePrecision('qty').notNull(),
    low: doublePrecision('low').notNull(),
    high: doublePrecision('high').notNull(),
    /** The parts: recent level × event effect × trend × model adjustment ≈ qty before reconciliation. */
    baseline: doublePrecision('baseline').notNull(),
    eventEffect: doublePrecision('event_effect').notNull(),
    trend: doublePrecision('trend').notNull(),
    adjustment: doublePrecision('adjustment').notNull(),
    eventKind: text('event_kind'),
    eventOffset: smallint('event_offset').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.runId, t.retailerId, t.productId, t.weekStart] }),
    index('forecasts_org_week_retailer').on(t.orgId, t.weekStart, t.retailerId),
    check('forecasts_qty', sql`${t.qty} >= 0`),
  ],
);

/**
 * A worker's own figure for a shop's (retailer_id = the shop) or the county's (retailer_id 0) demand of a product in a
 * week, with the reason; the latest row for a shop × product × week is in force. A withdrawn row (withdrawn, qty 0, the
 * reason for withdrawing) ends the override: the model's figure is in force again, the earlier rows stay as versions.
 */
export const forecastOverrides = pgTable(
  'forecast_overrides',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: serial('id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    productId: integer('product_id').notNull(),
    weekStart: date('week_start').notNull(),
    qty: integer('qty').notNull(),
    reason: text('reason').notNull(),
    withdrawn: boolean('withdrawn').notNull().default(false),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'forecast_overrides_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    primaryKey({ columns: [t.orgId, t.id] }),
    index('forecast_overrides_target').on(t.orgId, t.retailerId, t.productId, t.weekStart),
    check('forecast_overrides_qty', sql`${t.qty} >= 0`),
    check('forecast_overrides_reason', sql`length(btrim(${t.reason})) > 0`),
  ],
);

/**
 * The weekly demand roll-up the forecast job reads instead of two years of order lines (decision 1818): per org and
 * closed order week, one row per shop (product_id 0), per product (retailer_id 0) and for the county (both 0, written
 * even for a week without orders: it marks the week as rolled up). `demand` is the stated demand (需求量), `lines` the
 * order lines, `bound_lines` those where the limit bound; `censored` as in findWeeklyDemand. A shop's row also holds
 * its demand per product (`product_ids`, `product_demand`, same order), which the product shares read. A closed week
 * is final except for an approved correction, which deletes the week's rows so the next run rolls it up again.
 */
export const demandWeeks = pgTable(
  'demand_weeks',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** Monday of the order week. */
    weekStart: date('week_start').notNull(),
    /** 0 = all shops. */
    retailerId: integer('retailer_id').notNull(),
    /** 0 = all products. */
    productId: integer('product_id').notNull(),
    demand: bigint('demand', { mode: 'number' }).notNull(),
    lines: integer('lines').notNull(),
    boundLines: integer('bound_lines').notNull(),
    censored: boolean('censored').notNull(),
    productIds: integer('product_ids').array(),
    productDemand: integer('product_demand').array(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.weekStart, t.retailerId, t.productId] })],
);
