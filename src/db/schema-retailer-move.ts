// Where a shop went when it was moved to another county (issue 19, decision 1902):
// the old county keeps this row, and only this row, so its lookups of the old id
// can say "moved to … on …" read-only. Tenant table of the OLD org.
import { foreignKey, integer, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs, users } from './schema.js';

export const retailerForwards = pgTable(
  'retailer_forwards',
  {
    /** The county the shop left. */
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    retailerId: integer('retailer_id').notNull(),
    customerCode: text('customer_code').notNull(),
    licenceNo: text('licence_no').notNull(),
    shopName: text('shop_name').notNull(),
    toOrgId: integer('to_org_id')
      .notNull()
      .references(() => orgs.id),
    toRetailerId: integer('to_retailer_id').notNull(),
    reason: text('reason').notNull(),
    movedBy: integer('moved_by'),
    movedAt: timestamp('moved_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.retailerId, t.orgId] }),
    foreignKey({ name: 'retailer_forwards_moved_by_fk', columns: [t.orgId, t.movedBy], foreignColumns: [users.orgId, users.id] }),
  ],
);
