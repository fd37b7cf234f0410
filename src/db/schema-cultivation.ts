// New-brand cultivation (品牌培育, issue 17 item 4): a launch, its target
// shops frozen when it is made, the shelf checks and consumer-trial feedback
// recorded on visits, and the measures by lifecycle week the launch-stats job
// writes. Keys include org_id (composite) among these tables; the older core
// tables (retailers, products, users) have no (org_id, id) key to point at,
// so those columns carry no foreign key (decision 1720).
import { sql } from 'drizzle-orm';
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uuid,
} from 'drizzle-orm/pg-core';
import { orgs } from './schema.js';
import type { LaunchTarget } from '../shared/cultivation.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

export type LaunchWarning = { week: number; measure: string; value: number; low: number };

export const launches = pgTable(
  'launches',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    id: serial('id').notNull(),
    productId: integer('product_id').notNull(),
    name: text('name').notNull(),
    /** Monday of the launch week: lifecycle week 1. */
    launchWeek: date('launch_week').notNull(),
    weeks: smallint('weeks').notNull(),
    target: jsonb('target').$type<LaunchTarget>().notNull(),
    targetCount: integer('target_count').notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    computedAt: at('computed_at'),
    /** Measures of the last completed week below the band of earlier launches; [] when none. */
    warnings: jsonb('warnings').$type<LaunchWarning[]>().notNull().default([]),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('launches_org_week').on(t.orgId, t.launchWeek), check('launches_weeks', sql`${t.weeks} between 1 and 26`)],
);

/** The target shops of a launch, with their grid, station, worker and tier when it was made. */
export const launchTargets = pgTable(
  'launch_targets',
  {
    orgId: integer('org_id').notNull(),
    launchId: integer('launch_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    gridId: integer('grid_id').notNull(),
    stationId: integer('station_id').notNull(),
    workerId: integer('worker_id'),
    tier: smallint('tier').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.launchId, t.retailerId] }),
    foreignKey({ columns: [t.orgId, t.launchId], foreignColumns: [launches.orgId, launches.id] }).onDelete('cascade'),
    index('launch_targets_retailer').on(t.orgId, t.retailerId),
  ],
);

/** A shelf check and consumer-trial feedback for a launch, recorded on a visit (one per visit and launch). */
export const launchChecks = pgTable(
  'launch_checks',
  {
    orgId: integer('org_id').notNull(),
    launchId: integer('launch_id').notNull(),
    visitId: uuid('visit_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    workerId: integer('worker_id').notNull(),
    visitDate: date('visit_date').notNull(),
    onShelf: boolean('on_shelf').notNull(),
    taste: smallint('taste'),
    priceAcceptance: text('price_acceptance'),
    pack: smallint('pack'),
    rebuyIntent: text('rebuy_intent'),
    samplesGiven: smallint('samples_given').notNull().default(0),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.launchId, t.visitId] }),
    foreignKey({ columns: [t.orgId, t.launchId, t.retailerId], foreignColumns: [launchTargets.orgId, launchTargets.launchId, launchTargets.retailerId] }).onDelete('cascade'),
    index('launch_checks_retailer').on(t.orgId, t.launchId, t.retailerId, t.visitDate),
  ],
);

/**
 * The measures of a launch by lifecycle week, for the whole target (dim
 * 'all', key 0) and by grid, tier, worker and station; written whole by the
 * launch-stats job. Rates are cumulative to the week; quantities the week's.
 */
export const launchWeekStats = pgTable(
  'launch_week_stats',
  {
    orgId: integer('org_id').notNull(),
    launchId: integer('launch_id').notNull(),
    dim: text('dim').notNull(),
    dimKey: integer('dim_key').notNull(),
    week: smallint('week').notNull(),
    targets: integer('targets').notNull(),
    activeTargets: integer('active_targets').notNull(),
    orderedShops: integer('ordered_shops').notNull(),
    reorderedShops: integer('reordered_shops').notNull(),
    shelfShops: integer('shelf_shops').notNull(),
    onShelfNow: integer('on_shelf_now').notNull(),
    requestedQty: integer('requested_qty').notNull(),
    suppliedQty: integer('supplied_qty').notNull(),
    listingRate: doublePrecision('listing_rate'),
    reorderRate: doublePrecision('reorder_rate'),
    shelfRate: doublePrecision('shelf_rate'),
    distributionRate: doublePrecision('distribution_rate'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.launchId, t.dim, t.dimKey, t.week] }),
    foreignKey({ columns: [t.orgId, t.launchId], foreignColumns: [launches.orgId, launches.id] }).onDelete('cascade'),
  ],
);
