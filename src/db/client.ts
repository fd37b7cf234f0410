// One way to open the database: PGlite in a local folder by default, a
// PostgreSQL server when a URL is given. Same schema, migrations and queries.
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PgliteThread } from './pglite-thread.js';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import type { SQL } from 'drizzle-orm';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export type Database = {
  db: Db;
  kind: 'pglite' | 'postgres';
  close: () => Promise<void>;
};

export const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

export type OpenOptions = {
  /** postgres://… for a server; otherwise PGlite. */
  url?: string;
  /** PGlite data folder; omitted = in memory. */
  dataDir?: string;
  /** Pool size for a server. */
  poolSize?: number;
  /** PGlite only: start in memory from this data-folder dump (`dumpDataDir`), e.g. the tests' template. */
  loadDataDir?: Blob;
  /** PGlite in a worker thread, so a long statement does not stall the server's event loop (decision 0811). */
  thread?: boolean;
  /**
   * PGlite in memory only: its shared_buffers (PGlite's default 128MB). Starting zeroes the whole pool, ~0.4 s of
   * CPU at 128MB; a test's copy of the 300-shop template (32 MB) uses 16MB (decision 0857).
   */
  sharedBuffers?: string;
};

export async function openDatabase(opts: OpenOptions): Promise<Database> {
  if (opts.url) {
    const pool = new pg.Pool({ connectionString: opts.url, max: opts.poolSize ?? 10 });
    // An idle connection dropped by the server (restart, admin termination) must
    // not crash the process; the pool replaces it on next use.
    pool.on('error', () => undefined);
    // Fail early and clearly when the server is unreachable.
    const probe = await pool.connect();
    probe.release();
    const db = drizzlePg(pool, { schema }) as unknown as Db;
    await migratePg(db as never, { migrationsFolder });
    return { db, kind: 'postgres', close: () => pool.end() };
  }
  const startParams = opts.sharedBuffers ? [...PGlite.defaultStartParams, '-c', `shared_buffers=${opts.sharedBuffers}`] : undefined;
  const client = opts.thread
    ? new PgliteThread(opts.dataDir)
    : opts.dataDir
      ? new PGlite(opts.dataDir)
      : new PGlite({ ...(opts.loadDataDir ? { loadDataDir: opts.loadDataDir } : {}), ...(startParams ? { startParams } : {}) });
  await client.waitReady;
  // The thread answers query, exec and transaction as PGlite does, which is all drizzle calls.
  const db = drizzlePglite({ client: client as PGlite, schema }) as unknown as Db;
  await migratePglite(db as never, { migrationsFolder });
  return { db, kind: 'pglite', close: () => client.close() };
}

/** Run raw SQL and return its rows; both drivers answer with `{ rows }`. */
export async function query<T>(db: Db, statement: SQL): Promise<T[]> {
  const res = (await db.execute(statement)) as unknown as { rows: T[] };
  return res.rows;
}

/** Whether `e` is PostgreSQL's unique violation (23505), on either engine and through drizzle's wrapping `cause`. */
export function isUniqueViolation(e: unknown): boolean {
  const err = e as { code?: string; cause?: { code?: string } } | null;
  return (err?.code ?? err?.cause?.code) === '23505';
}
