// The distribution lint (decision 1900) on the real schema, on tables built to
// break each rule, and as the npm script CI runs.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { foreignKey, integer, pgTable, primaryKey, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { describeTables, lintDistribution } from './distribution.js';
import { loadSchemaTables } from './schema-tables.js';
import { orgs, productCatalog, products, retailers } from './schema.js';

describe('lint:distribution', () => {
  it('passes on the schema', async () => {
    expect(lintDistribution(describeTables(await loadSchemaTables()))).toEqual([]);
  });

  it('names the table, the constraint and the fix for each broken rule', () => {
    const noOrg = pgTable('widgets', { id: serial('id').primaryKey(), name: text('name') });
    const badKeys = pgTable(
      'gadgets',
      { id: serial('id').primaryKey(), orgId: integer('org_id').notNull(), code: text('code').notNull(), retailerId: integer('retailer_id').references(() => retailers.id) },
      (t) => [uniqueIndex('gadgets_code').on(t.code)],
    );
    const good = pgTable(
      'gizmos',
      { id: serial('id'), orgId: integer('org_id').notNull().references(() => orgs.id), retailerId: integer('retailer_id') },
      (t) => [primaryKey({ columns: [t.id, t.orgId] }), foreignKey({ name: 'gizmos_retailer_id_fk', columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id] })],
    );
    const problems = lintDistribution(describeTables([orgs, retailers, noOrg, badKeys, good])).filter((p) => !/listed in/.test(p.message));
    const said = problems.map((p) => `${p.table} | ${p.constraint ?? ''} | ${p.message}`);
    expect(said).toEqual([
      'widgets |  | tenant table has no org_id column',
      'gadgets | primary key (id) | primary key lacks org_id',
      'gadgets | unique gadgets_code (code) | unique constraint lacks org_id',
      'gadgets | foreign key gadgets_retailer_id_retailers_id_fk (retailer_id) → retailers (id) | foreign key to a tenant table lacks org_id on both sides',
    ]);
    expect(problems[1]!.fix).toContain('primaryKey({ columns: [t.id, t.orgId] })');
    expect(problems[3]!.fix).toContain("columns: [t.orgId, t.retailerId], foreignColumns: [retailers.orgId, retailers.id]");
  });

  it('refuses a reference table that points at tenant data', () => {
    const tainted = pgTable('orgs', { id: serial('id').primaryKey(), headRetailer: integer('head_retailer').references(() => retailers.id) });
    const problems = lintDistribution(describeTables([tainted, retailers]));
    expect(problems.map((p) => p.message)).toContain('reference table references the tenant table retailers');
  });

  it('accepts the product catalogue as a dictionary that county listings point at, and refuses one that points back (decision 1930)', () => {
    const real = (tables: Parameters<typeof describeTables>[0]) => lintDistribution(describeTables(tables)).filter((p) => !/listed in/.test(p.message));
    expect(real([orgs, productCatalog, products])).toEqual([]);
    const tainted = pgTable('product_catalog', { code: text('code').primaryKey(), firstListing: integer('first_listing').references(() => products.id) });
    const problems = real([orgs, tainted, products]);
    expect(problems.map((p) => `${p.table} | ${p.message}`)).toEqual(['product_catalog | reference table references the tenant table products']);
    expect(problems[0]!.fix).toContain('move the link to the tenant side');
  });

  it('runs as npm run lint:distribution and exits 0', () => {
    const root = path.resolve(import.meta.dirname, '../..');
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/lint-distribution.ts'], { cwd: root, encoding: 'utf8' });
    expect(out).toMatch(/lint:distribution — \d+ tables ok/);
  });
});
