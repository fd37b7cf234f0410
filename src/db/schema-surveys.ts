// Surveys (issue 17 item 1): questionnaires by code and version, rounds with
// their stratified sample (who was drawn, the client manager being rated, the
// SMS link's token hash) and one answer sheet per sampled shop and round.
// Keys and links between these tables include org_id (decision 1703).
import { sql } from 'drizzle-orm';
import { check, foreignKey, index, integer, jsonb, numeric, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { grids, orgs, retailers, stations, users } from './schema.js';
import type { Answers, QuestionnaireDef } from '../shared/surveys.js';

const at = (name: string) => timestamp(name, { withTimezone: true });

export const surveyQuestionnaires = pgTable(
  'survey_questionnaires',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    /** satisfaction | general: satisfaction answers feed 满意度. */
    purpose: text('purpose').notNull(),
    definition: jsonb('definition').$type<QuestionnaireDef>().notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('survey_questionnaires_code_version').on(t.orgId, t.code, t.version),
    foreignKey({ name: 'survey_questionnaires_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Frame sizes of a round (active shops when it was drawn), for the finite-population correction. */
export type RoundFrame = { total: number; grids: Record<string, number>; workers: Record<string, number> };

export const surveyRounds = pgTable(
  'survey_rounds',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    questionnaireId: integer('questionnaire_id').notNull(),
    name: text('name').notNull(),
    /** open | closed */
    status: text('status').notNull().default('open'),
    share: numeric('share', { precision: 5, scale: 4, mode: 'number' }).notNull(),
    rotate: smallint('rotate').notNull().default(0),
    seed: integer('seed').notNull(),
    frame: jsonb('frame').$type<RoundFrame>().notNull(),
    /** Signs the SMS links of this round (HMAC-SHA256). */
    linkSecret: text('link_secret').notNull(),
    createdBy: integer('created_by'),
    openedAt: at('opened_at').notNull(),
    closedAt: at('closed_at'),
    closedBy: integer('closed_by'),
  },
  (t) => [
    foreignKey({ name: 'survey_rounds_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'survey_rounds_closed_by_fk', columns: [t.orgId, t.closedBy], foreignColumns: [users.orgId, users.id] }),
    primaryKey({ columns: [t.orgId, t.id] }),
    foreignKey({ columns: [t.orgId, t.questionnaireId], foreignColumns: [surveyQuestionnaires.orgId, surveyQuestionnaires.id] }).onDelete('restrict'),
    index('survey_rounds_opened').on(t.orgId, t.openedAt),
    check('survey_rounds_status', sql`${t.status} in ('open', 'closed')`),
  ],
);

/** A shop drawn into a round, with what it was drawn as (the stratum) and who is being rated. */
export const surveySample = pgTable(
  'survey_sample',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    roundId: integer('round_id').notNull(),
    retailerId: integer('retailer_id')
      .notNull(),
    stationId: integer('station_id'),
    gridId: integer('grid_id'),
    /** The client manager being rated: may never record this shop's answers. */
    workerId: integer('worker_id'),
    tier: smallint('tier').notNull(),
    format: text('format').notNull(),
    stratum: text('stratum').notNull(),
    /** sha256 of the SMS link's token; null until invited. */
    tokenHash: text('token_hash'),
    invitedAt: at('invited_at'),
    answeredAt: at('answered_at'),
  },
  (t) => [
    foreignKey({ name: 'survey_sample_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'survey_sample_station_id_fk', columns: [t.orgId, t.stationId], foreignColumns: [stations.orgId, stations.id] }),
    foreignKey({ name: 'survey_sample_grid_id_fk', columns: [t.orgId, t.gridId], foreignColumns: [grids.orgId, grids.id] }),
    foreignKey({ name: 'survey_sample_worker_id_fk', columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
    primaryKey({ columns: [t.orgId, t.roundId, t.retailerId] }),
    foreignKey({ columns: [t.orgId, t.roundId], foreignColumns: [surveyRounds.orgId, surveyRounds.id] }).onDelete('cascade'),
    uniqueIndex('survey_sample_token').on(t.tokenHash),
    index('survey_sample_retailer').on(t.orgId, t.retailerId),
    index('survey_sample_worker').on(t.orgId, t.roundId, t.workerId),
  ],
);

/** One answer sheet per sampled shop and round, with its scores. */
export const surveyResponses = pgTable(
  'survey_responses',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    roundId: integer('round_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    /** app | sms | agent */
    channel: text('channel').notNull(),
    /** The person who entered it: the retailer's account, the agent; null for an SMS link. */
    recordedBy: integer('recorded_by'),
    answers: jsonb('answers').$type<Answers>().notNull(),
    dimensionScores: jsonb('dimension_scores').$type<Record<string, number | null>>().notNull(),
    score: numeric('score', { precision: 5, scale: 2, mode: 'number' }),
    /** Questions that fed the score. */
    scored: smallint('scored').notNull(),
    note: text('note').notNull().default(''),
    answeredAt: at('answered_at').notNull(),
  },
  (t) => [
    foreignKey({ name: 'survey_responses_recorded_by_fk', columns: [t.orgId, t.recordedBy], foreignColumns: [users.orgId, users.id] }),
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('survey_responses_one').on(t.orgId, t.roundId, t.retailerId),
    foreignKey({ columns: [t.orgId, t.roundId, t.retailerId], foreignColumns: [surveySample.orgId, surveySample.roundId, surveySample.retailerId] }).onDelete('cascade'),
    index('survey_responses_retailer').on(t.orgId, t.retailerId, t.answeredAt),
    check('survey_responses_channel', sql`${t.channel} in ('app', 'sms', 'agent')`),
  ],
);
