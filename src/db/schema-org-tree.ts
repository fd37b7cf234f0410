// The org tree (issue 19, decision 1910): 省公司 → 市公司 → 县局/营销部.
// `org_units` is a reference table (a dictionary, replicated to every node
// when distributed): one row per org naming its parent and level. The tree is
// kept beside `orgs` instead of as a column on it, so that the tenant key of
// every existing table stays as it is.
// `org_rollups` holds one county's figures for the roll-up screens, kept by
// the `org-rollups` job (decision 1911): the province screens read 100 rows,
// never 300,000 shops.
// `org_rules` holds the rules a province or city sets for its counties
// (rating scheme, tier shares, complaint policy), versioned, with whether a
// county may override them (decision 1912).
import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { orgs } from './schema.js';

export const orgUnits = pgTable(
  'org_units',
  {
    orgId: integer('org_id')
      .primaryKey()
      .references(() => orgs.id),
    parentId: integer('parent_id').references(() => orgs.id),
    /** province | city | county */
    level: text('level').notNull(),
  },
  (t) => [index('org_units_parent').on(t.parentId), check('org_units_level', sql`${t.level} in ('province', 'city', 'county')`)],
);

/** What the roll-up screens read for one county; `payload` is `CountyRollup` (src/shared/org-tree.ts). */
export const orgRollups = pgTable('org_rollups', {
  orgId: integer('org_id')
    .primaryKey()
    .references(() => orgs.id),
  payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
  computedAt: timestamp('computed_at', { withTimezone: true }).notNull(),
});

/** A rule set by an org for itself and the counties below it; the newest version of a kind is in force. */
export const orgRules = pgTable(
  'org_rules',
  {
    orgId: integer('org_id')
      .notNull()
      .references(() => orgs.id),
    /** rating_scheme | tier_shares | complaint_policy */
    kind: text('kind').notNull(),
    version: integer('version').notNull(),
    body: jsonb('body').$type<Record<string, unknown>>().notNull(),
    /** May a county below override this rule with its own? */
    overridable: boolean('overridable').notNull().default(true),
    // No foreign key: users is a tenant table and this row may belong to another org's key space.
    createdBy: integer('created_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.kind, t.version] })],
);
