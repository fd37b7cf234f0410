// A fresh, migrated database for one test file, on the engine chosen by
// TEST_DB: `pglite` (default, in memory) or `postgres` (a new database on the
// server at TEST_DATABASE_URL, dropped afterwards). The server being
// unreachable is an error, never a skip.
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';

export const testEngine = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';
const serverUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

export type TestDatabase = Database & { drop: () => Promise<void> };

export async function createTestDatabase(): Promise<TestDatabase> {
  if (testEngine === 'pglite') {
    // PGLITE_THREAD=1 runs the file against the database thread the server uses (decision 0811).
    const database = await openDatabase({ thread: process.env.PGLITE_THREAD === '1' });
    return { ...database, drop: database.close };
  }
  const name = `zy_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), poolSize: 5 });
  return {
    ...database,
    drop: async () => {
      await database.close();
      const c = new pg.Client({ connectionString: serverUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}
