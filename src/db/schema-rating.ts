// Ratings (issue 5): versioned schemes, monthly runs with their per-retailer
// results, and the inputs a person enters (compliance class, disaster freezes,
// manual tier changes). A published run is frozen; recomputing makes a new run.
import { sql } from 'drizzle-orm';
import { index, integer, jsonb, pgTable, primaryKey, real, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs, retailers, users } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

/** A rating scheme version (weights, bands, shares as JSON); validated before it is saved, never changed after. */
export const ratingSchemes = pgTable(
  'rating_schemes',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    version: text('version').notNull(),
    scheme: jsonb('scheme').$type<Record<string, unknown>>().notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_schemes_org_version').on(t.orgId, t.version)],
);

/** One computation of one month. status: computing → draft → published; a newer draft supersedes an older one; failed keeps the error. */
export const ratingRuns = pgTable(
  'rating_runs',
  {
    id: serial('id').primaryKey(),
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
    createdBy: integer('created_by').references(() => users.id),
    startedAt: at('started_at').notNull().defaultNow(),
    finishedAt: at('finished_at'),
    publishedAt: at('published_at'),
    publishedBy: integer('published_by').references(() => users.id),
  },
  (t) => [
    index('rating_runs_org_month').on(t.orgId, t.month),
    // At most one published run per month.
    uniqueIndex('rating_runs_published').on(t.orgId, t.month).where(sql`status = 'published'`),
  ],
);

/** Per-retailer result of a run, with the inputs and the breakdown, so an explanation never recomputes from changed data. */
export const retailerRatings = pgTable(
  'retailer_ratings',
  {
    runId: integer('run_id').notNull().references(() => ratingRuns.id),
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
  (t) => [primaryKey({ columns: [t.runId, t.retailerId] }), index('retailer_ratings_retailer').on(t.retailerId, t.month)],
);

/** Compliance score from the monopoly administration (专卖), by month: A/B/C/W feeds integrity. */
export const complianceRecords = pgTable(
  'compliance_records',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull().references(() => retailers.id),
    month: text('month').notNull(),
    score: smallint('score').notNull(),
    penalties: smallint('penalties').notNull().default(0),
    /** A/B/C/W, derived from score and penalties when saved. */
    complianceClass: text('compliance_class').notNull(),
    source: text('source').notNull().default('entry'),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('compliance_records_retailer_month').on(t.retailerId, t.month)],
);

/** Scoring frozen for a month after a recorded disaster: last month's result is carried. */
export const ratingFreezes = pgTable(
  'rating_freezes',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull().references(() => retailers.id),
    month: text('month').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_freezes_retailer_month').on(t.retailerId, t.month)],
);

/** A manual tier change on a run's result, with its reason (also in the audit log). */
export const tierOverrides = pgTable(
  'tier_overrides',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    runId: integer('run_id').notNull().references(() => ratingRuns.id),
    retailerId: integer('retailer_id').notNull().references(() => retailers.id),
    month: text('month').notNull(),
    fromTier: smallint('from_tier').notNull(),
    toTier: smallint('to_tier').notNull(),
    reason: text('reason').notNull(),
    changedBy: integer('changed_by').references(() => users.id),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('tier_overrides_run').on(t.runId, t.retailerId)],
);

export type RatingRun = typeof ratingRuns.$inferSelect;

/** Customer representatives and image stores (客户代表制、形象店): invited by the branch, accepted by the shop, reviewed. */
export const customerRepresentatives = pgTable(
  'customer_representatives',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull().references(() => retailers.id),
    /** invited → active | declined; active → exited (by the shop) | demoted (by review). */
    status: text('status').notNull().default('invited'),
    /** Candidate score and rank when invited. */
    score: real('score').notNull().default(0),
    invitedBy: integer('invited_by').references(() => users.id),
    invitedAt: at('invited_at').notNull().defaultNow(),
    respondedAt: at('responded_at'),
    endedAt: at('ended_at'),
    endReason: text('end_reason'),
  },
  (t) => [
    index('customer_representatives_org').on(t.orgId, t.status),
    uniqueIndex('customer_representatives_open').on(t.retailerId).where(sql`status in ('invited', 'active')`),
  ],
);

/** A periodic review of a representative: keep or demote, always with a reason. */
export const representativeReviews = pgTable(
  'representative_reviews',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    representativeId: integer('representative_id').notNull().references(() => customerRepresentatives.id),
    outcome: text('outcome').notNull(),
    reason: text('reason').notNull(),
    reviewedBy: integer('reviewed_by').references(() => users.id),
    at: at('at').notNull().defaultNow(),
  },
  (t) => [index('representative_reviews_rep').on(t.representativeId)],
);

/** Per-org settings of the representative programme: the cap in percent of retailers (default 5, never over 20). */
export const representativeSettings = pgTable('representative_settings', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => orgs.id),
  capPct: real('cap_pct').notNull().default(5),
  updatedBy: integer('updated_by').references(() => users.id),
  updatedAt: at('updated_at').notNull().defaultNow(),
});
