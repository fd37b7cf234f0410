// The rating batch's input statement under EXPLAIN ANALYZE on the bench:rating
// data set (build it first with `npm run bench:rating`): where its time goes.
//
//   npx tsx bench/rating-plan.ts [--jit] [--timing]
//   BENCH_DATABASE_URL=postgres://… (default: the local server, database zy_bench_rating)
import { parseArgs } from 'node:util';
import pg from 'pg';
import { PgDialect } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { productBits, retailerMonthInputsSql } from '../src/app/rating/rating-inputs.js';

const { values: args } = parseArgs({ options: { jit: { type: 'boolean', default: false }, timing: { type: 'boolean', default: false } } });
const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
url.pathname = '/zy_bench_rating';
const MONTH = '2026-10';

const database = await openDatabase({ url: url.toString(), poolSize: 1 });
const [{ orgId }] = await query<{ orgId: number }>(database.db, sql`select id as "orgId" from orgs limit 1`);
const statement = new PgDialect().sqlToQuery(retailerMonthInputsSql(orgId, MONTH, await productBits(database.db, orgId)));
await database.close();

const client = new pg.Client({ connectionString: url.toString() });
await client.connect();
// The batch's own session settings (src/app/rating/rating-inputs.ts inBatchSession).
await client.query(`set work_mem = '128MB'`);
await client.query(`set jit = ${args.jit ? 'on' : 'off'}`);
const res = await client.query(`explain (analyze, buffers, timing ${args.timing ? 'on' : 'off'}) ${statement.sql}`, statement.params);
console.log(res.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n'));
await client.end();
