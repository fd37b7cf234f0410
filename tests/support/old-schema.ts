// Databases as they were at an earlier migration, for tests that migrate a
// demo county in place (decisions 1901, 1930): an empty database on the engine
// under test, the migrations folder cut at a tag, and today's demo seed run
// against the old schema.
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
import { migrationsFolder, query, type Db } from '../../src/db/client.js';
import * as schema from '../../src/db/schema.js';
import { seedDemoCounty, type SeedOptions } from '../../src/app/demo/demo-seed.js';
import { testEngine } from './test-db.js';
import { serverUrl, urlOf } from './db-template.js';

export type OldDatabase = { db: Db; migrateTo: (folder: string) => Promise<void>; close: () => Promise<void> };

/** An empty database on the engine under test, migrated by `migrateTo(folder)`. */
export async function emptyDatabase(): Promise<OldDatabase> {
  if (testEngine === 'pglite') {
    const client = new PGlite();
    const db = drizzle({ client, schema }) as unknown as Db;
    return { db, migrateTo: (folder) => migrate(db as never, { migrationsFolder: folder }), close: () => client.close() };
  }
  const name = `zy_old_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
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

/** A copy of the migrations folder as it was at `tag` (its journal cut there); `remove()` deletes it. */
export function migrationsUpTo(tag: string): { folder: string; remove: () => void } {
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), `zy-at-${tag.slice(0, 4)}-`));
  fs.cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(fs.readFileSync(journalFile, 'utf8')) as { entries: { idx: number; tag: string }[] };
  const last = journal.entries.findIndex((e) => e.tag === tag);
  if (last < 0) throw new Error(`no migration ${tag}`);
  journal.entries = journal.entries.slice(0, last + 1);
  fs.writeFileSync(journalFile, JSON.stringify(journal));
  return { folder, remove: () => fs.rmSync(folder, { recursive: true, force: true }) };
}

/**
 * Today's demo seed on a schema from before the product catalogue (0031):
 * the seed lists products through the catalogue, so it gets the catalogue's
 * table for the while and loses it again — the database is then as one of
 * that time, products only, and 0031 builds the catalogue from them.
 */
export async function seedDemoBeforeCatalog(db: Db, opts: SeedOptions): Promise<void> {
  const [{ has }] = await query<{ has: boolean }>(db, sql`select to_regclass('product_catalog') is not null as has`);
  if (has) throw new Error('the schema already has the product catalogue');
  const ddl = fs.readFileSync(path.join(migrationsFolder, '0031_product_catalog.sql'), 'utf8').split('--> statement-breakpoint')[0]!;
  await db.execute(sql.raw(ddl));
  await seedDemoCounty(db, opts);
  await db.execute(sql`drop table product_catalog`);
}
