// A fresh database for one test file, on the engine chosen by TEST_DB:
// `pglite` (default, in memory) or `postgres` (a new database on the server at
// TEST_DATABASE_URL, dropped afterwards). It is a copy of a template built once
// per run (db-template.ts): migrated, and with `demo` holding the seeded demo
// county. The server being unreachable is an error, never a skip.
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/client.js';
import { cloneDatabase, openPglite, pgliteTemplate, postgresTemplate, serverUrl, urlOf, type DemoSize } from './db-template.js';

export const testEngine = (process.env.TEST_DB ?? 'pglite') as 'pglite' | 'postgres';

export type TestDatabase = Database & { drop: () => Promise<void> };

export async function createTestDatabase(opts: { demo?: DemoSize } = {}): Promise<TestDatabase> {
  if (testEngine === 'pglite') {
    const database = await openPglite(await pgliteTemplate(opts.demo));
    return { ...database, drop: database.close };
  }
  const template = await postgresTemplate(opts.demo);
  const name = `zy_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await cloneDatabase(admin, template, name);
  await admin.end();
  const database = await openDatabase({ url: urlOf(name), poolSize: 5 });
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
