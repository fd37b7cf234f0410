// The embedded database in a worker thread, through drizzle as the app uses
// it: migrations, commit, rollback, savepoints, error codes, statements
// outside a transaction waiting for it, and the main thread staying free
// while a long statement runs.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, query, type Database } from './client.js';

let database: Database;
beforeAll(async () => {
  database = await openDatabase({ thread: true });
  await database.db.execute(sql`create table t (k int primary key, v text not null)`);
}, 120_000);
afterAll(() => database.close());

const keys = async () => (await query<{ k: number }>(database.db, sql`select k from t order by k`)).map((r) => r.k);

describe('PGlite in a worker thread', () => {
  it('has run the migrations', async () => {
    const [row] = await query<{ n: number }>(database.db, sql`select count(*)::int as n from information_schema.tables where table_name = 'retailers'`);
    expect(row.n).toBe(1);
  });

  it('commits a transaction, rolls back one that throws, and an inner savepoint alone', async () => {
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (1, 'a')`);
    });
    await expect(
      database.db.transaction(async (tx) => {
        await tx.execute(sql`insert into t values (2, 'b')`);
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (3, 'c')`);
      await tx.transaction(async (inner) => {
        await inner.execute(sql`insert into t values (4, 'd')`);
        inner.rollback();
      }).catch(() => undefined);
    });
    expect(await keys()).toEqual([1, 3]);
  });

  it('passes the database error code through (unique violation)', async () => {
    const err = await database.db.execute(sql`insert into t values (1, 'again')`).then(
      () => null,
      (e: { code?: string; cause?: { code?: string } }) => e,
    );
    expect(err?.code ?? err?.cause?.code).toBe('23505');
  });

  it('keeps dates as drizzle expects and returns typed columns', async () => {
    const [r] = await query<{ d: string; n: number; j: { a: number } }>(database.db, sql`select date '2026-12-02' as d, 3::int as n, '{"a":1}'::jsonb as j`);
    expect(r).toEqual({ d: '2026-12-02', n: 3, j: { a: 1 } });
  });

  it('makes a statement from outside wait until an open transaction ends', async () => {
    const order: string[] = [];
    let outside!: Promise<unknown>;
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`insert into t values (5, 'e')`);
      outside = query(database.db, sql`select count(*)::int as n from t`).then((r) => order.push(`outside saw ${(r[0] as { n: number }).n}`));
      await new Promise((r) => setTimeout(r, 50));
      order.push('commit');
    });
    await outside;
    expect(order).toEqual(['commit', 'outside saw 3']);
  });

  it('leaves the main thread free while a long statement runs', async () => {
    let ticks = 0;
    const timer = setInterval(() => ticks++, 10);
    const t = performance.now();
    await query(database.db, sql`select count(*) from generate_series(1, 3000000)`);
    const ms = performance.now() - t;
    clearInterval(timer);
    // Timers kept firing during the statement: at least a third of the ticks its duration allows.
    expect(ticks).toBeGreaterThan(ms / 10 / 3);
  }, 60_000);
});
