// The working calendar's per-org corrections: days made workdays or holidays
// on top of the statutory calendar (chinese-days, whose data ends with 2026),
// so 2027 and later years and local exceptions can be entered.
import { boolean, date, foreignKey, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs, users } from './schema.js';

export const calendarOverrides = pgTable(
  'calendar_overrides',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    date: date('date', { mode: 'string' }).notNull(),
    workday: boolean('workday').notNull(),
    name: text('name').notNull().default(''),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.date] }),
    foreignKey({ name: 'calendar_overrides_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
