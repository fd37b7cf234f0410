// The service desk (issue 15): one case model for complaints, requests and
// callbacks from every channel (phone, the retailer's phone, a visit, a
// walk-in), with its routing, deadlines on working time, the work done on it
// (events), the 回访 after closing and rewards for valid complaints.
import { sql } from 'drizzle-orm';
import { boolean, customType, foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { grids, orgs, retailers, stations, users } from './schema.js';
import { followUps } from './schema-visits.js';
import type { DeskPolicyRules } from '../shared/desk.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** The deadline policy of an org, versioned: a case keeps the version it was opened under. */
export const deskPolicies = pgTable(
  'desk_policies',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    version: integer('version').notNull(),
    rules: jsonb('rules').$type<DeskPolicyRules>().notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('desk_policies_org_version').on(t.orgId, t.version),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'desk_policies_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

export type ClockPause = { from: string; to: string };

export const deskCases = pgTable(
  'desk_cases',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** complaint | request | callback */
    kind: text('kind').notNull(),
    /** phone | retailer_app | visit | walk_in */
    channel: text('channel').notNull(),
    category: text('category').notNull(),
    cause: text('cause').notNull(),
    /** marketing | logistics | monopoly */
    jurisdiction: text('jurisdiction').notNull(),
    retailerId: integer('retailer_id')
      .notNull(),
    gridId: integer('grid_id'),
    stationId: integer('station_id'),
    /** The worker a conduct complaint names: never its handler. */
    subjectUserId: integer('subject_user_id'),
    handlerId: integer('handler_id'),
    text: text('text').notNull(),
    /** key | normal: the customer segment the policy is chosen by. */
    segment: text('segment').notNull().default('normal'),
    policyVersion: integer('policy_version').notNull(),
    /** open | waiting (on the retailer: the clock stops) | closed */
    status: text('status').notNull().default('open'),
    /** first_contact | reply | close | none: the milestone the deadline below is for. */
    milestone: text('milestone').notNull().default('first_contact'),
    warnAt: at('warn_at'),
    dueAt: at('due_at'),
    warnedAt: at('warned_at'),
    breachedAt: at('breached_at'),
    /** When a breached case goes on to the county. */
    countyAt: at('county_at'),
    /** 0 none, 1 station head, 2 county. */
    escalation: smallint('escalation').notNull().default(0),
    /** Clock stopped while waiting for the retailer: closed intervals, and the open one. */
    pauses: jsonb('pauses').$type<ClockPause[]>().notNull().default([]),
    waitingSince: at('waiting_since'),
    openedAt: at('opened_at').notNull(),
    firstContactAt: at('first_contact_at'),
    repliedAt: at('replied_at'),
    closedAt: at('closed_at'),
    resolution: text('resolution'),
    /** 回访 is due by this time after closing. */
    surveyDueAt: at('survey_due_at'),
    reopenCount: smallint('reopen_count').notNull().default(0),
    /** Counterfeit / cross-region reports: when it was forwarded to the monopoly side (专卖), and their reference. */
    forwardedAt: at('forwarded_at'),
    forwardRef: text('forward_ref'),
    valid: boolean('valid'),
    /** A case raised on a visit keeps its follow-up item (and its callback rule). */
    followUpId: integer('follow_up_id'),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
    version: integer('version').notNull().default(1),
  },
  (t) => [
    uniqueIndex('desk_cases_org_id').on(t.orgId, t.id),
    uniqueIndex('desk_cases_follow_up').on(t.orgId, t.followUpId),
    index('desk_cases_retailer').on(t.orgId, t.retailerId, t.openedAt),
    index('desk_cases_handler').on(t.orgId, t.handlerId, t.status),
    index('desk_cases_station').on(t.orgId, t.stationId, t.status),
    // The sweep: open cases by their next warning and deadline.
    index('desk_cases_warn').on(t.warnAt).where(sql`warned_at is null`),
    index('desk_cases_due').on(t.dueAt).where(sql`breached_at is null`),
    index('desk_cases_county').on(t.countyAt).where(sql`escalation < 2`),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'desk_cases_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'desk_cases_grid_id_fk', columns: [t.orgId, t.gridId], foreignColumns: [grids.orgId, grids.id] }),
    foreignKey({ name: 'desk_cases_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
    foreignKey({ name: 'desk_cases_subject_user_id_fk', columns: [t.orgId, t.subjectUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'desk_cases_handler_id_fk', columns: [t.orgId, t.handlerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'desk_cases_follow_up_id_fk', columns: [t.orgId, t.followUpId], foreignColumns: [followUps.orgId, followUps.id] }),
    foreignKey({ name: 'desk_cases_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Photos the retailer sent with a case: bytes checked to be JPEG, PNG or WebP, served only as that type (decision 1020). */
export const deskCasePhotos = pgTable(
  'desk_case_photos',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: integer('case_id').notNull(),
    /** 1, 2, … in the order sent. */
    seq: smallint('seq').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.caseId, t.seq] }),
    foreignKey({ name: 'desk_case_photos_case_id_fk', columns: [t.orgId, t.caseId], foreignColumns: [deskCases.orgId, deskCases.id] }),
  ],
);

/** Everything done on a case, in order: notes, calls, replies, status changes, warnings, breaches, escalations. */
export const deskCaseEvents = pgTable(
  'desk_case_events',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: integer('case_id')
      .notNull(),
    /** created | note | call | reply | wait | resume | reassign | forward | close | reopen | warning | breach | escalation | survey | valid */
    type: text('type').notNull(),
    byUserId: integer('by_user_id'),
    text: text('text').notNull().default(''),
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    /** The retailer reads replies (and the close) on their phone; internal notes stay internal. */
    toRetailer: boolean('to_retailer').notNull().default(false),
    at: at('at').notNull(),
  },
  (t) => [
    index('desk_case_events_case').on(t.orgId, t.caseId, t.at), index('desk_case_events_type_at').on(t.orgId, t.type, t.at),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'desk_case_events_case_id_fk', columns: [t.orgId, t.caseId], foreignColumns: [deskCases.orgId, deskCases.id] }),
    foreignKey({ name: 'desk_case_events_by_user_id_fk', columns: [t.orgId, t.byUserId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** 回访: the retailer's verdict after a close (one per close; 不满意 reopens). */
export const deskSurveys = pgTable(
  'desk_surveys',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: integer('case_id')
      .notNull(),
    /** satisfied | basically | dissatisfied */
    result: text('result').notNull(),
    /** phone (staff recorded it) | retailer_app */
    channel: text('channel').notNull(),
    note: text('note').notNull().default(''),
    recordedBy: integer('recorded_by'),
    handlerId: integer('handler_id'),
    late: boolean('late').notNull().default(false),
    at: at('at').notNull(),
  },
  (t) => [
    index('desk_surveys_case').on(t.orgId, t.caseId, t.at),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'desk_surveys_case_id_fk', columns: [t.orgId, t.caseId], foreignColumns: [deskCases.orgId, deskCases.id] }),
    foreignKey({ name: 'desk_surveys_recorded_by_fk', columns: [t.orgId, t.recordedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'desk_surveys_handler_id_fk', columns: [t.orgId, t.handlerId], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Rewards for valid complaints (为有效客户投诉提供适当的馈赠): proposed → approved → given, the ledger. */
export const deskRewards = pgTable(
  'desk_rewards',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    caseId: integer('case_id')
      .notNull(),
    retailerId: integer('retailer_id')
      .notNull(),
    /** goods | points | priority */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    amount: integer('amount').notNull().default(0),
    /** proposed | approved | rejected | given */
    status: text('status').notNull().default('proposed'),
    proposedBy: integer('proposed_by'),
    proposedAt: at('proposed_at').notNull(),
    decidedBy: integer('decided_by'),
    decidedAt: at('decided_at'),
    givenBy: integer('given_by'),
    givenAt: at('given_at'),
  },
  (t) => [
    index('desk_rewards_case').on(t.orgId, t.caseId), index('desk_rewards_status').on(t.orgId, t.status),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'desk_rewards_case_id_fk', columns: [t.orgId, t.caseId], foreignColumns: [deskCases.orgId, deskCases.id] }),
    foreignKey({ name: 'desk_rewards_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'desk_rewards_proposed_by_fk', columns: [t.orgId, t.proposedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'desk_rewards_decided_by_fk', columns: [t.orgId, t.decidedBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'desk_rewards_given_by_fk', columns: [t.orgId, t.givenBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
