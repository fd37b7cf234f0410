// The org keys (issue 19, decisions 1900, 1901) on a real database: what the
// migrations built passes the distribution lint, and a demo county built at the
// migration before the keys changed is migrated in place with every row kept
// and every new composite foreign key validated against its data.
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, query, type Db } from '../../src/db/client.js';
import { describeCatalog } from '../../src/db/distribution-catalog.js';
import { formatProblems, lintDistribution } from '../../src/db/distribution.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import { TODAY } from '../support/db-template.js';
import { emptyDatabase, migrationsUpTo, seedDemoBeforeCatalog } from '../support/old-schema.js';

/** The last migration before the keys changed. */
const BEFORE_KEYS = '0014_rating_stability';

let fresh: TestDatabase | undefined;
afterAll(() => fresh?.drop());

async function counts(db: Db): Promise<Record<string, number>> {
  const tables = await query<{ name: string }>(db, sql`select relname as name from pg_class where relkind = 'r' and relnamespace = 'public'::regnamespace order by 1`);
  const out: Record<string, number> = {};
  for (const { name } of tables) out[name] = (await query<{ n: number }>(db, sql`select count(*)::int as n from ${sql.identifier(name)}`))[0]!.n;
  return out;
}

describe('the migrated schema', () => {
  it('passes the distribution lint as the catalog describes it', async () => {
    fresh = await createTestDatabase();
    const problems = lintDistribution(await describeCatalog(fresh.db));
    expect(problems, formatProblems(problems)).toEqual([]);
  });
});

describe('migrating a demo county built before the keys changed', () => {
  it('keeps every row and validates every composite key', async () => {
    // The migrations folder as it was at BEFORE_KEYS.
    const old = migrationsUpTo(BEFORE_KEYS);
    try {
      // On the engine under test; a small county (every table that holds rows keeps them, and each key is checked against them).
      const { db, migrateTo, close } = await emptyDatabase();
      try {
        await migrateTo(old.folder);
        await seedDemoBeforeCatalog(db, { seed: 7, today: TODAY, retailers: 40, weeks: 3, baseline: true });
        const before = await counts(db);
        expect(before.order_lines).toBeGreaterThan(200);

        await migrateTo(migrationsFolder);
        const after = await counts(db);
        for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });

        // Every foreign key between tenant tables is now (org_id, …) → (org_id, id), added with validation against the data
        // (those to the reference tables, orgs and the product catalogue, carry no org_id).
        const fks = await query<{ name: string; def: string; validated: boolean }>(
          db,
          sql`select conname as name, pg_get_constraintdef(oid) as def, convalidated as validated from pg_constraint
            where contype = 'f' and connamespace = 'public'::regnamespace and confrelid not in ('orgs'::regclass, 'product_catalog'::regclass)`,
        );
        expect(fks.length).toBeGreaterThan(100);
        expect(fks.filter((f) => !f.validated || !f.def.startsWith('FOREIGN KEY (org_id, '))).toEqual([]);
        const problems = lintDistribution(await describeCatalog(db));
        expect(problems, formatProblems(problems)).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      old.remove();
    }
  });
});
