// Ratings (issue 5): versioned schemes, monthly runs with their per-retailer
// results, and the inputs a person enters (compliance class, disaster freezes,
// manual tier changes). A published run is frozen; recomputing makes a new run.
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, real, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs, retailers, users } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A rating scheme version (weights, bands, shares as JSON); validated before it is saved, never changed after. */
export const ratingSchemes = pgTable(
  'rating_schemes',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    version: text('version').notNull(),
    scheme: jsonb('scheme').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rating_schemes_org_version').on(t.orgId, t.version),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'rating_schemes_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** One computation of one month. status: computing → draft → published; a newer draft supersedes an older one; failed keeps the error. */
export const ratingRuns = pgTable(
  'rating_runs',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    month: text('month').notNull(),
    schemeVersion: text('scheme_version').notNull(),
    status: text('status').notNull().default('computing'),
    /** 0–100, and the step being done, for the progress bar. */
    progress: smallint('progress').notNull().default(0),
    step: text('step').notNull().default(''),
    retailers: integer('retailers').notNull().default(0),
    orderLines: integer('order_lines').notNull().default(0),
    /** Distribution, movers' counts, star lines and tier context of the run. */
    summary: jsonb('summary').$type<Record<string, unknown>>().notNull().default({}),
    error: text('error'),
    seconds: real('seconds'),
    createdBy: integer('created_by'),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    publishedAt: at('published_at'),
    publishedBy: integer('published_by'),
  },
  (t) => [
    index('rating_runs_org_month').on(t.orgId, t.month),
    // At most one published run per month.
    uniqueIndex('rating_runs_published').on(t.orgId, t.month).where(sql`status = 'published'`),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'rating_runs_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'rating_runs_published_by_fk', columns: [t.orgId, t.publishedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Per-retailer result of a run, with the inputs and the breakdown, so an explanation never recomputes from changed data. */
export const retailerRatings = pgTable(
  'retailer_ratings',
  {
    runId: integer('run_id').notNull(),
    orgId: integer('org_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    month: text('month').notNull(),
    schemeVersion: text('scheme_version').notNull(),
    network: text('network').notNull(),
    classCode: text('class_code').notNull(),
    scale: smallint('scale').notNull(),
    tier: smallint('tier').notNull(),
    /** Tier before a manual change; null when never changed. */
    computedTier: smallint('computed_tier'),
    tierScore: real('tier_score').notNull(),
    star: smallint('star').notNull(),
    starScore: real('star_score').notNull(),
    segment: text('segment').notNull(),
    /** StarResult items and cut-offs, tier items, segment levels. */
    breakdown: jsonb('breakdown').$type<Record<string, unknown>>().notNull(),
    /** The RetailerMonthInput scored (for "what does it take"). */
    input: jsonb('input').$type<Record<string, unknown>>().notNull(),
    frozenReason: text('frozen_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.runId, t.retailerId, t.orgId] }), index('retailer_ratings_retailer').on(t.retailerId, t.month),
    foreignKey({ name: 'retailer_ratings_run_id_fk', columns: [t.orgId, t.runId], foreignColumns: [ratingRuns.orgId, ratingRuns.id] }),
  ],
);

/** Compliance score from the monopoly administration (专卖), by month: A/B/C/W feeds integrity. */
export const complianceRecords = pgTable(
  'compliance_records',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    month: text('month').notNull(),
    score: smallint('score').notNull(),
    penalties: smallint('penalties').notNull().default(0),
    /** A/B/C/W, derived from score and penalties when saved. */
    complianceClass: text('compliance_class').notNull(),
    source: text('source').notNull().default('entry'),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('compliance_records_retailer_month').on(t.retailerId, t.month, t.orgId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'compliance_records_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'compliance_records_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Scoring frozen for a month after a recorded disaster: last month's result is carried. */
export const ratingFreezes = pgTable(
  'rating_freezes',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    month: text('month').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rating_freezes_retailer_month').on(t.retailerId, t.month, t.orgId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'rating_freezes_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'rating_freezes_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A manual tier change on a run's result, with its reason (also in the audit log). */
export const tierOverrides = pgTable(
  'tier_overrides',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    runId: integer('run_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    month: text('month').notNull(),
    fromTier: smallint('from_tier').notNull(),
    toTier: smallint('to_tier').notNull(),
    reason: text('reason').notNull(),
    changedBy: integer('changed_by'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    index('tier_overrides_run').on(t.runId, t.retailerId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'tier_overrides_run_id_fk', columns: [t.orgId, t.runId], foreignColumns: [ratingRuns.orgId, ratingRuns.id] }),
    foreignKey({ name: 'tier_overrides_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'tier_overrides_changed_by_fk', columns: [t.orgId, t.changedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

export type RatingRun = typeof ratingRuns.$inferSelect;

/** Customer representatives and image stores (客户代表制、形象店): invited by the branch, accepted by the shop, reviewed. */
export const customerRepresentatives = pgTable(
  'customer_representatives',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    /** invited → active | declined; active → exited (by the shop) | demoted (by review). */
    status: text('status').notNull().default('invited'),
    /** Candidate score and rank when invited. */
    score: real('score').notNull().default(0),
    invitedBy: integer('invited_by'),
    invitedAt: at('invited_at').notNull().defaultNow(),
    respondedAt: at('responded_at'),
    endedAt: at('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [
    index('customer_representatives_org').on(t.orgId, t.status),
    uniqueIndex('customer_representatives_open').on(t.retailerId, t.orgId).where(sql`status in ('invited', 'active')`),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'customer_representatives_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'customer_representatives_invited_by_fk', columns: [t.orgId, t.invitedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A periodic review of a representative: keep or demote, always with a reason. */
export const representativeReviews = pgTable(
  'representative_reviews',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    representativeId: integer('representative_id').notNull(),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    reviewedBy: integer('reviewed_by'),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [
    index('representative_reviews_rep').on(t.representativeId),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'representative_reviews_representative_id_fk', columns: [t.orgId, t.representativeId], foreignColumns: [customerRepresentatives.orgId, customerRepresentatives.id] }),
    foreignKey({ name: 'representative_reviews_reviewed_by_fk', columns: [t.orgId, t.reviewedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Per-org settings of the representative programme: the cap in percent of retailers (default 5, never over 20). */
export const representativeSettings = pgTable('representative_settings', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => orgs.id),
  capPct: real('cap_pct').notNull().default(5),
  updatedBy: integer('updated_by'),
  updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    foreignKey({ name: 'representative_settings_updated_by_fk', columns: [t.orgId, t.updatedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
