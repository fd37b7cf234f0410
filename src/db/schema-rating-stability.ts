// Rating stability (issue 14 item 8): a recorded cause lets one retailer's tier
// move further than the scheme's monthly cap in one month (decision 1420).
import { foreignKey, integer, pgTable, primaryKey, serial, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { orgs, retailers, users } from './schema.js';

export const ratingTierCauses = pgTable(
  'rating_tier_causes',
  {
    id: serial('id'),
    orgId: integer('org_id').notNull().references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    month: text('month').notNull(),
    reason: text('reason').notNull(),
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('rating_tier_causes_org_retailer_month').on(t.orgId, t.retailerId, t.month),
    primaryKey({ columns: [t.id, t.orgId] }),
    foreignKey({ name: 'rating_tier_causes_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] }),
    foreignKey({ name: 'rating_tier_causes_created_by_fk', columns: [t.orgId, t.createdBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
