// Rating stability (issue 14 item 8): a recorded cause lets one retailer's tier
// move further than the scheme's monthly cap in one month (decision 1420).
import { integer, pgTable, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs, retailers, users } from './schema.js';

export const ratingTierCauses = pgTable(
  'rating_tier_causes',
  {
    id: serial('id').primaryKey(),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull().references(() => retailers.id),
    month: text('month').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('rating_tier_causes_org_retailer_month').on(t.orgId, t.retailerId, t.month)],
);
