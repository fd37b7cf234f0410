// Care (issue 16, 关怀): the special-group register with its proof, care
// tasks (calendar visits, expired proofs, disaster contacts), disasters with
// their shops, contact checklist and help ledger, community activities, and
// the uploaded files (certificate and activity photos) kept as bytes.
// Every key includes org_id; links to retailers and users are composite
// (org_id, id) foreign keys (decision 1120).
import { sql } from 'drizzle-orm';
import {
  boolean,
  customType,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  primaryKey,
  serial,
  smallint,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';
import { orgs, retailers, users } from './schema.js';

const at = (name: string) => timestamp(name, { withTimezone: true });
const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** An uploaded image, checked by its bytes (JPEG, PNG, WebP), served only as that image type. */
export const careFiles = pgTable(
  'care_files',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    /** special_group | activity: who may read it follows from this. */
    purpose: text('purpose').notNull(),
    contentType: text('content_type').notNull(),
    bytes: bytea('bytes').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] })],
);

/** 五保户/特困, 残疾人, 烈属/军属, 低保, 独居老人: one record per shop and kind, with its proof. */
export const careSpecialGroups = pgTable(
  'care_special_groups',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    kind: text('kind').notNull(),
    disabilityGrade: smallint('disability_grade'),
    /** Who issued the proof (民政局, 残联, 退役军人事务局 …). */
    authority: text('authority').notNull(),
    documentNo: text('document_no').notNull().default(''),
    photoId: integer('photo_id'),
    validUntil: date('valid_until').notNull(),
    recheckOn: date('recheck_on').notNull(),
    note: text('note').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
    updatedAt: at('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('care_special_groups_shop_kind').on(t.orgId, t.retailerId, t.kind),
    index('care_special_groups_valid').on(t.orgId, t.validUntil),
    foreignKey({ columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ columns: [t.orgId, t.photoId], foreignColumns: [careFiles.orgId, careFiles.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Something a worker must do for a shop by a day; the key makes each occasion one task. */
export const careTasks = pgTable(
  'care_tasks',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    kind: text('kind').notNull(),
    dedupeKey: text('dedupe_key').notNull(),
    retailerId: integer('retailer_id').notNull(),
    assigneeId: integer('assignee_id'),
    dueOn: date('due_on').notNull(),
    title: text('title').notNull(),
    specialGroupId: integer('special_group_id'),
    disasterId: integer('disaster_id'),
    /** The stop added to the worker's visit calendar for this task (visit_plan_stops.id). */
    visitStopId: integer('visit_stop_id'),
    status: text('status').notNull().default('open'),
    doneAt: at('done_at'),
    doneBy: integer('done_by'),
    note: text('note').notNull().default(''),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    uniqueIndex('care_tasks_dedupe').on(t.orgId, t.dedupeKey),
    index('care_tasks_assignee').on(t.orgId, t.assigneeId, t.status, t.dueOn),
    index('care_tasks_done').on(t.orgId, t.doneBy, t.doneAt),
    foreignKey({ columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ columns: [t.orgId, t.assigneeId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.doneBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A disaster and its affected area; open until the area's orders are back over the level. */
export const careDisasters = pgTable(
  'care_disasters',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    name: text('name').notNull(),
    kind: text('kind').notNull(),
    occurredOn: date('occurred_on').notNull(),
    /** { kind: polygon, ring } | { kind: grids, gridIds } | { kind: villages, villageIds, radiusKm } */
    area: jsonb('area').$type<Record<string, unknown>>().notNull(),
    recoveryLevel: numeric('recovery_level', { precision: 4, scale: 2, mode: 'number' }).notNull().default(0.8),
    /** open | closed */
    status: text('status').notNull().default('open'),
    latestShare: numeric('latest_share', { precision: 6, scale: 3, mode: 'number' }),
    closedAt: at('closed_at'),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('care_disasters_status').on(t.orgId, t.status),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** A shop inside a disaster's area, its grid worker at the time, and the contact checklist. */
export const careDisasterShops = pgTable(
  'care_disaster_shops',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    disasterId: integer('disaster_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    workerId: integer('worker_id'),
    reached: boolean('reached'),
    safe: boolean('safe'),
    damaged: boolean('damaged'),
    lossesYuan: numeric('losses_yuan', { precision: 12, scale: 2, mode: 'number' }),
    lossesNote: text('losses_note').notNull().default(''),
    contactedAt: at('contacted_at'),
    contactedBy: integer('contacted_by'),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.disasterId, t.retailerId] }),
    index('care_disaster_shops_worker').on(t.orgId, t.workerId),
    foreignKey({ columns: [t.orgId, t.disasterId], foreignColumns: [careDisasters.orgId, careDisasters.id] }),
    foreignKey({ columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ columns: [t.orgId, t.workerId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.contactedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** The help ledger: what a shop was given, how much, approved by whom, when. */
export const careHelp = pgTable(
  'care_help',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    disasterId: integer('disaster_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
    kind: text('kind').notNull(),
    amountYuan: numeric('amount_yuan', { precision: 12, scale: 2, mode: 'number' }).notNull().default(0),
    description: text('description').notNull(),
    approverId: integer('approver_id').notNull(),
    givenOn: date('given_on').notNull(),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.id] }),
    index('care_help_shop').on(t.orgId, t.retailerId),
    foreignKey({ columns: [t.orgId, t.disasterId, t.retailerId], foreignColumns: [careDisasterShops.orgId, careDisasterShops.disasterId, careDisasterShops.retailerId] }),
    foreignKey({ columns: [t.orgId, t.approverId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

/** Volunteer work, donations, visits to children's and elderly homes, 我为群众办实事. */
export const careActivities = pgTable(
  'care_activities',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    id: serial('id').notNull(),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    heldOn: date('held_on').notNull(),
    place: text('place').notNull().default(''),
    description: text('description').notNull().default(''),
    photoIds: integer('photo_ids').array().notNull().default(sql`'{}'::int[]`),
    createdBy: integer('created_by'),
    createdAt: at('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.id] }), index('care_activities_held').on(t.orgId, t.heldOn), foreignKey({ columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] })],
);

export const careActivityShops = pgTable(
  'care_activity_shops',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    activityId: integer('activity_id').notNull(),
    retailerId: integer('retailer_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.activityId, t.retailerId] }),
    index('care_activity_shops_shop').on(t.orgId, t.retailerId),
    foreignKey({ columns: [t.orgId, t.activityId], foreignColumns: [careActivities.orgId, careActivities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
  ],
);

export const careActivityStaff = pgTable(
  'care_activity_staff',
  {
    orgId: integer('org_id').notNull().references(() => orgs.id),
    activityId: integer('activity_id').notNull(),
    userId: integer('user_id').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.activityId, t.userId] }),
    index('care_activity_staff_user').on(t.orgId, t.userId),
    foreignKey({ columns: [t.orgId, t.activityId], foreignColumns: [careActivities.orgId, careActivities.id] }).onDelete('cascade'),
    foreignKey({ columns: [t.orgId, t.userId], foreignColumns: [users.orgId, users.id] }),
  ],
);
