// New-licensee onboarding (issue 15 item 8): one row per new licence and one
// per step of the published chain, each step owned, with its deadline on
// working days, set when the step becomes active (the previous one done).
import { sql } from 'drizzle-orm';
import { foreignKey, index, integer, jsonb, pgTable, primaryKey, serial, smallint, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { grids, orgs, retailers, users } from './schema.js';

export const onboardings = pgTable(
  'onboardings',
  {
    id: serial('id'),
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    licenceNo: text('licence_no').notNull(),
    shopName: text('shop_name').notNull(),
    address: text('address').notNull().default(''),
    /** The grid the shop lies in: its worker is the client manager of step 2. */
    gridId: integer('grid_id')
      .notNull(),
    /** Set when marketing enters the customer (step 3). */
    retailerId: integer('retailer_id'),
    /** When the monopoly side recorded the licence: the chain's start. */
    licensedAt: timestamp('licensed_at', { withTimezone: true }).notNull(),
    /** When the last step was done. */
    finishedAt: timestamp('finished_at', { withTimezone: true }),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('onboardings_org_licence').on(t.orgId, t.licenceNo),
    uniqueIndex('onboardings_org_retailer').on(t.orgId, t.retailerId),
    index('onboardings_org_open').on(t.orgId).where(sql`finished_at is null`),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'onboardings_grid_id_fk', columns: [t.orgId, t.gridId], foreignColumns: [grids.orgId, grids.id] }),
    foreignKey({ name: 'onboardings_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'onboardings_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);

export const onboardingSteps = pgTable(
  'onboarding_steps',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    onboardingId: integer('onboarding_id')
      .notNull(),
    /** marketing_notified | client_manager_setup | customer_entered | delivery_ready */
    step: text('step').notNull(),
    seq: smallint('seq').notNull(),
    /** The department that owns it: monopoly | client_manager | marketing | logistics. */
    ownerRole: text('owner_role').notNull(),
    /** The person, where one is known (the grid's worker for the client manager's step). */
    ownerUserId: integer('owner_user_id'),
    workingDays: smallint('working_days').notNull(),
    startedAt: timestamp('started_at', { withTimezone: true }),
    warnAt: timestamp('warn_at', { withTimezone: true }),
    dueAt: timestamp('due_at', { withTimezone: true }),
    /** Set by the sweep job when the warning or the breach was first seen. */
    warnedAt: timestamp('warned_at', { withTimezone: true }),
    breachedAt: timestamp('breached_at', { withTimezone: true }),
    completedAt: timestamp('completed_at', { withTimezone: true }),
    completedBy: integer('completed_by'),
    /** What the step recorded: class and tier proposed with reasons, the route, the card number… */
    detail: jsonb('detail').$type<Record<string, unknown>>().notNull().default({}),
    note: text('note').notNull().default(''),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.onboardingId, t.step] }),
    uniqueIndex('onboarding_steps_seq').on(t.orgId, t.onboardingId, t.seq),
    index('onboarding_steps_open_due').on(t.dueAt).where(sql`completed_at is null and started_at is not null`),
    foreignKey({ name: 'onboarding_steps_onboarding_id_fk', columns: [t.orgId, t.onboardingId], foreignColumns: [onboardings.orgId, onboardings.id] }),
    foreignKey({ name: 'onboarding_steps_owner_user_id_fk', columns: [t.orgId, t.ownerUserId], foreignColumns: [users.orgId, users.id] }),
    foreignKey({ name: 'onboarding_steps_completed_by_fk', columns: [t.orgId, t.completedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
