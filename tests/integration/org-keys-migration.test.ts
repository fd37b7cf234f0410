// The org keys (issue 19, decisions 1900, 1901) on a real database: what the
// migrations built passes the distribution lint, and a demo county built at the
// migration before the keys changed is migrated in place with every row kept
// and every new composite foreign key validated against its data.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { afterAll, describe, expect, it } from 'vitest';
import { migrationsFolder, query, type Db } from '../../src/db/client.js';
import { describeCatalog } from '../../src/db/distribution-catalog.js';
import { formatProblems, lintDistribution } from '../../src/db/distribution.js';
import * as schema from '../../src/db/schema.js';
import { seedDemoCounty } from '../../src/app/demo/demo-seed.js';
import { createTestDatabase, testEngine, type TestDatabase } from '../support/test-db.js';
import { serverUrl, TODAY, urlOf } from '../support/db-template.js';

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

/** An empty database on the engine under test, migrated by `migrateTo(folder)`. */
async function emptyDatabase(): Promise<{ db: Db; migrateTo: (folder: string) => Promise<void>; close: () => Promise<void> }> {
  if (testEngine === 'pglite') {
    const client = new PGlite();
    const db = drizzle({ client, schema }) as unknown as Db;
    return { db, migrateTo: (folder) => migrate(db as never, { migrationsFolder: folder }), close: () => client.close() };
  }
  const name = `zy_keys_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  const pool = new pg.Pool({ connectionString: urlOf(name), max: 2 });
  // The drop below ends the pool's last backends while they close; as in src/db/client.ts, that is no crash.
  pool.on('error', () => undefined);
  const db = drizzlePg(pool, { schema }) as unknown as Db;
  return {
    db,
    migrateTo: (folder) => migratePg(db as never, { migrationsFolder: folder }),
    close: async () => {
      await pool.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe('migrating a demo county built before the keys changed', () => {
  it('keeps every row and validates every composite key', async () => {
    // The migrations folder as it was at BEFORE_KEYS.
    const old = fs.mkdtempSync(path.join(os.tmpdir(), 'zy-before-keys-'));
    try {
      fs.cpSync(migrationsFolder, old, { recursive: true });
      const journalFile = path.join(old, 'meta', '_journal.json');
      const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
      const last = journal.entries.findIndex((e) => e.tag === BEFORE_KEYS);
      expect(last).toBeGreaterThan(0);
      journal.entries = journal.entries.slice(0, last + 1);
      fs.writeFileSync(journalFile, JSON.stringify(journal));

      // On the engine under test; a small county (every table that holds rows keeps them, and each key is checked against them).
      const { db, migrateTo, close } = await emptyDatabase();
      try {
        await migrateTo(old);
        await seedDemoCounty(db, { seed: 7, today: TODAY, retailers: 40, weeks: 3, baseline: true });
        const before = await counts(db);
        expect(before.order_lines).toBeGreaterThan(200);

        await migrateTo(migrationsFolder);
        const after = await counts(db);
        for (const table of Object.keys(before)) expect({ table, rows: after[table] }).toEqual({ table, rows: before[table] });

        // Every foreign key between tenant tables is now (org_id, …) → (org_id, id), added with validation against the data.
        const fks = await query<{ name: string; def: string; validated: boolean }>(
          db,
          sql`select conname as name, pg_get_constraintdef(oid) as def, convalidated as validated from pg_constraint
            where contype = 'f' and connamespace = 'public'::regnamespace and confrelid <> 'orgs'::regclass`,
        );
        expect(fks.length).toBeGreaterThan(100);
        expect(fks.filter((f) => !f.validated || !f.def.startsWith('FOREIGN KEY (org_id, '))).toEqual([]);
        const problems = lintDistribution(await describeCatalog(db));
        expect(problems, formatProblems(problems)).toEqual([]);
      } finally {
        await close();
      }
    } finally {
      fs.rmSync(old, { recursive: true, force: true });
    }
  });
});
