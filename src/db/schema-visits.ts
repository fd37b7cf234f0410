// Visits (issue 7): how often each retailer is visited, the four-week visit
// calendar of each grid worker with its ordered daily stops, the visits
// recorded in the field (keyed by a UUID the phone makes, so a resent visit
// is stored once), and the follow-up items raised on a visit.
import { sql } from 'drizzle-orm';
import { boolean, date, doublePrecision, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { grids, orgs, retailers, stations, users } from './schema.js';
import type { launchCheckSchema } from '../shared/cultivation.js';
import type { z } from 'zod';

type LaunchCheckRow = z.infer<typeof launchCheckSchema>;

const createdAt = () => timestamp('created_at', { withTimezone: true }).notNull().defaultNow();

/** One row per org: the cycle and the field rules. */
export const visitSettings = pgTable('visit_settings', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => orgs.id),
  cycleWeeks: smallint('cycle_weeks').notNull().default(4),
  /** A Monday; cycles are counted from it. */
  cycleAnchor: date('cycle_anchor').notNull().default('2026-01-05'),
  /** ISO weekdays a worker visits on. */
  workWeekdays: smallint('work_weekdays').array().notNull().default(sql`'{1,2,3,4,5}'::smallint[]`),
  /** Minutes since midnight. */
  dayStart: smallint('day_start').notNull().default(510),
  dayEnd: smallint('day_end').notNull().default(1050),
  /** any | avoid (not on the order day) | precede (one or two working days before it) */
  orderDayPolicy: text('order_day_policy').notNull().default('precede'),
  /** A check-in farther than this from the shop needs a reason. */
  checkInRadiusM: integer('check_in_radius_m').notNull().default(200),
  keyCallbackHours: integer('key_callback_hours').notNull().default(24),
  followUpHours: integer('follow_up_hours').notNull().default(72),
  roadFactor: doublePrecision('road_factor').notNull().default(1.3),
  speedKmh: doublePrecision('speed_kmh').notNull().default(25),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});

/**
 * Visit frequency by retailer group: the first matching rule (lowest
 * priority number) wins. A rule matches on a service package when one is set
 * (the seam for segments and service packages), otherwise on star range and
 * an optional class-code prefix.
 */
export const visitFrequencyRules = pgTable(
  'visit_frequency_rules',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    priority: smallint('priority').notNull(),
    label: text('label').notNull(),
    servicePackage: text('service_package'),
    starMin: smallint('star_min').notNull().default(0),
    starMax: smallint('star_max').notNull().default(6),
    classPrefix: text('class_prefix'),
    visitsPerCycle: smallint('visits_per_cycle').notNull(),
    serviceMinutes: smallint('service_minutes').notNull().default(15),
    /** Key customers: their requests get a phone callback within keyCallbackHours. */
    keyCustomer: boolean('key_customer').notNull().default(false),
  },
  (t) => [
    uniqueIndex('visit_frequency_rules_org_priority').on(t.orgId, t.priority),
    primaryKey({ columns: [t.id, t.orgId] }),
  ],
);

/** Per-retailer overrides of the rule; null keeps the rule's value. */
export const retailerVisitOverrides = pgTable('retailer_visit_overrides', {
  retailerId: integer('retailer_id').notNull(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  visitsPerCycle: smallint('visits_per_cycle'),
  serviceMinutes: smallint('service_minutes'),
  keyCustomer: boolean('key_customer'),
  /** Opening hours, minutes since midnight. */
  opensAt: smallint('opens_at'),
  closesAt: smallint('closes_at'),
  note: text('note').notNull().default(''),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.retailerId, t.orgId] }),
    foreignKey({ name: 'retailer_visit_overrides_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'retailer_visit_overrides_updated_by_fk', columns: [t.orgId, t.updatedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Where a worker's day starts and ends: their station by default, or home. */
export const workerVisitDepots = pgTable('worker_visit_depots', {
  workerId: integer('worker_id').notNull(),
  orgId: integer('org_id')
    .notNull()
    .references(() => orgs.id),
  /** station | home */
  startFrom: text('start_from').notNull().default('station'),
  homeLat: doublePrecision('home_lat'),
  homeLng: doublePrecision('home_lng'),
  },
  (t) => [
    primaryKey({ columns: [t.workerId, t.orgId] }),
    foreignKey({ name: 'worker_visit_depots_worker_id_fk', columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** One worker's calendar for one cycle. */
export const visitPlans = pgTable(
  'visit_plans',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    workerId: integer('worker_id')
      .notNull(),
    stationId: integer('station_id'),
    cycleStart: date('cycle_start').notNull(),
    cycleEnd: date('cycle_end').notNull(),
    /** station | home: where the daily routes start and end. */
    depot: text('depot').notNull().default('station'),
    depotLat: doublePrecision('depot_lat').notNull(),
    depotLng: doublePrecision('depot_lng').notNull(),
    /** Figures of the plan: visits, km, minutes per day, unplanned retailers. */
    stats: jsonb('stats').$type<Record<string, unknown>>().notNull().default({}),
    generatedAt: timestamp('generated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('visit_plans_worker_cycle').on(t.orgId, t.workerId, t.cycleStart),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'visit_plans_worker_id_fk', columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'visit_plans_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
  ],
);

/** The ordered stops of each day of a plan. */
export const visitPlanStops = pgTable(
  'visit_plan_stops',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    planId: integer('plan_id')
      .notNull(),
    workerId: integer('worker_id')
      .notNull(),
    retailerId: integer('retailer_id')
      .notNull(),
    visitDate: date('visit_date').notNull(),
    seq: smallint('seq').notNull(),
    /** Planned start of the visit, minutes since midnight. */
    plannedStart: smallint('planned_start').notNull(),
    serviceMinutes: smallint('service_minutes').notNull(),
    /** Travel from the previous stop (or the depot), metres. */
    legMetres: integer('leg_metres').notNull().default(0),
  },
  (t) => [
    uniqueIndex('visit_plan_stops_plan_day_retailer').on(t.planId, t.visitDate, t.retailerId, t.orgId),
    index('visit_plan_stops_worker_date').on(t.workerId, t.visitDate),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'visit_plan_stops_plan_id_fk', columns: [t.orgId, t.planId], foreignColumns: [visitPlans.orgId, visitPlans.id] }).onDelete('cascade'),
    foreignKey({ name: 'visit_plan_stops_worker_id_fk', columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'visit_plan_stops_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
  ],
);

export type VisitForm = {
  /** 陈列 display score 1–5 */
  displayScore: number;
  /** 明码标价: price tags complete */
  priceTags: 'complete' | 'partial' | 'missing';
  /** New brands seen on the shelf, by name */
  newBrands: string[];
  /** Suspected counterfeit (假烟) or cross-region (串码) cigarettes */
  suspectCounterfeit: boolean;
  counterfeitNote: string;
  /** 店容店貌 A–D */
  storeImage: 'A' | 'B' | 'C' | 'D';
  consumerFeedback: string;
  requests: string;
  problems: string;
  /** Share of the shop's income that tobacco brings, %, as reported (依存度); absent = not asked. */
  tobaccoIncomePct?: number | null;
  /** Shelf check and consumer-trial feedback for a launch (also in launch_checks). */
  launch?: LaunchCheckRow | null;
};

/** A visit recorded in the field. The id is made on the phone, so resending stores it once. */
export const visits = pgTable(
  'visits',
  {
    id: uuid('id').notNull(),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    workerId: integer('worker_id')
      .notNull(),
    retailerId: integer('retailer_id')
      .notNull(),
    gridId: integer('grid_id')
      .notNull(),
    stationId: integer('station_id'),
    planStopId: integer('plan_stop_id'),
    /** Local date of the check-in. */
    visitDate: date('visit_date').notNull(),
    /** checked_in | done */
    status: text('status').notNull(),
    checkedInAt: timestamp('checked_in_at', { withTimezone: true }).notNull(),
    checkInLat: doublePrecision('check_in_lat').notNull(),
    checkInLng: doublePrecision('check_in_lng').notNull(),
    checkInAccuracyM: doublePrecision('check_in_accuracy_m'),
    checkInDistanceM: integer('check_in_distance_m').notNull(),
    /** Why the check-in was farther than the radius from the shop. */
    farReason: text('far_reason'),
    form: jsonb('form').$type<VisitForm>(),
    displayScore: smallint('display_score'),
    suspectCounterfeit: boolean('suspect_counterfeit').notNull().default(false),
    /** When the phone recorded the visit, and when it reached the server. */
    recordedAt: timestamp('recorded_at', { withTimezone: true }),
    syncedAt: timestamp('synced_at', { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    index('visits_worker_date').on(t.workerId, t.visitDate),
    index('visits_retailer').on(t.retailerId, t.visitDate),
    index('visits_station_date').on(t.stationId, t.visitDate),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'visits_worker_id_fk', columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'visits_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'visits_grid_id_fk', columns: [t.orgId, t.gridId], foreignColumns: [grids.orgId, grids.id] }),
    foreignKey({ name: 'visits_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
    foreignKey({ name: 'visits_plan_stop_id_fk', columns: [t.orgId, t.planStopId], foreignColumns: [visitPlanStops.orgId, visitPlanStops.id] }), // plan_stop_id is nulled by the calendar job before it replaces a plan (decision 1900)
  ],
);

/** Photos of a visit, as data URLs made small on the phone. */
export const visitPhotos = pgTable(
  'visit_photos',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    visitId: uuid('visit_id')
      .notNull(),
    seq: smallint('seq').notNull(),
    dataUrl: text('data_url').notNull(),
  },
  (t) => [
    uniqueIndex('visit_photos_visit_seq').on(t.visitId, t.seq, t.orgId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'visit_photos_visit_id_fk', columns: [t.orgId, t.visitId], foreignColumns: [visits.orgId, visits.id] }).onDelete('cascade'),
  ],
);

/** Something raised on a visit that someone must act on by a due time. */
export const followUps = pgTable(
  'follow_ups',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    visitId: uuid('visit_id'),
    retailerId: integer('retailer_id')
      .notNull(),
    workerId: integer('worker_id')
      .notNull(),
    stationId: integer('station_id'),
    /** request | problem | counterfeit */
    kind: text('kind').notNull(),
    text: text('text').notNull(),
    keyCustomer: boolean('key_customer').notNull().default(false),
    /** callback (phone the retailer back) | resolve */
    action: text('action').notNull(),
    dueAt: timestamp('due_at', { withTimezone: true }).notNull(),
    /** open | done */
    status: text('status').notNull().default('open'),
    /** Set once when the item is first seen past its due time; kept after it is done. */
    overdueAt: timestamp('overdue_at', { withTimezone: true }),
    doneAt: timestamp('done_at', { withTimezone: true }),
    doneBy: integer('done_by'),
    resolution: text('resolution').notNull().default(''),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex('follow_ups_visit_kind').on(t.visitId, t.kind, t.orgId),
    index('follow_ups_worker_status').on(t.workerId, t.status, t.dueAt),
    index('follow_ups_station_status').on(t.stationId, t.status, t.dueAt),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'follow_ups_visit_id_fk', columns: [t.orgId, t.visitId], foreignColumns: [visits.orgId, visits.id] }),
    foreignKey({ name: 'follow_ups_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'follow_ups_worker_id_fk', columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'follow_ups_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
    foreignKey({ name: 'follow_ups_done_by_fk', columns: [t.orgId, t.doneBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
