// bench:rating — the monthly rating batch on the PostgreSQL server for a
// province-size data set: 300,000 retailers with 26 weeks of order lines.
// Times the whole job (one SQL aggregation → engine → set-based writes, with
// last month published for the movers) against the bare SQL aggregation of the
// same order lines by retailer and month, in the same run. Last line is JSON.
//
//   npm run bench:rating [-- --retailers 300000 --reuse]
//   BENCH_DATABASE_URL=postgres://… (default: the local server, database zy_bench_rating)
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, query, type Db } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { refreshOrderFacts } from '../src/db/order-facts.js';
import { bareMonthlyAggregate, monthBounds, previousMonth } from '../src/app/rating/rating-inputs.js';
import { createRun, publishRun } from '../src/app/rating/rating-runs.js';
import { computeRatingRun } from '../src/jobs/rating-batch.js';
import type { Viewer } from '../src/domain/access/viewer.js';

const { values: args } = parseArgs({
  options: {
    retailers: { type: 'string', default: '300000' },
    reuse: { type: 'boolean', default: false },
    /** With --reuse: keep last month's published run instead of computing it again. */
    'keep-previous': { type: 'boolean', default: false },
  },
});
const N = Number(args.retailers);
const MONTH = '2026-10';
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = 'zy_bench_rating';
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;
const log = (...a: unknown[]) => console.log(...a);
const t0 = Date.now();
const secs = (ms: number) => Number((ms / 1000).toFixed(2));

async function freshDatabase(): Promise<boolean> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  const r = await c.query('select 1 from pg_database where datname = $1', [dbName]);
  const reuse = Boolean(args.reuse && r.rowCount);
  if (!reuse) {
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.query(`create database ${dbName}`);
  }
  await c.end();
  return reuse;
}

/** 300,000 retailers copied from the demo county's, then 26 weeks of orders and lines generated in SQL. */
async function generate(db: Db, orgId: number) {
  const { windowStart, end } = monthBounds(MONTH);
  const first = monthBounds(previousMonth(MONTH)).windowStart;
  await db.execute(sql`truncate order_lines, orders, retailer_ratings, tier_overrides, rating_runs restart identity cascade`);
  await db.execute(sql`delete from users where role = 'retailer'`);
  await db.execute(sql`truncate retailers restart identity cascade`);
  log('retailers…');
  await db.execute(sql`insert into retailers (org_id, customer_code, licence_no, shop_name, shop_name_initials, address, phone, legal_person,
      business_format, district_type, network, grid_id, e_settlement, settlement_method, order_weekday, store_image, lat, lng)
    select ${orgId}, lpad(k::text, 12, '0'), '430281' || lpad(k::text, 6, '0'), '零售户' || k, 'lsh', '地址' || k, '139' || lpad(k::text, 8, '0'), '店主',
      (array['Z','Z','Z','B','B','S','N','Y','F','Q'])[1 + k % 10], 'residential', case when k % 10 < 3 then 'urban' else 'rural' end,
      (select id from grids order by id offset (k % (select count(*) from grids)) limit 1),
      k % 7 <> 0, case when k % 7 <> 0 then 'bank_deduction' else 'cash' end, 1 + k % 5, (array['A','B','B','C','C','D'])[1 + k % 6],
      27.6 + (k % 1000) * 0.0005, 113.4 + (k / 1000) * 0.0005
    from generate_series(1, ${N}) k`);
  await db.execute(sql`insert into compliance_records (org_id, retailer_id, month, score, penalties, compliance_class)
    select ${orgId}, id, ${MONTH}, 60 + id % 41, 0, case when id % 41 <= 10 then 'W' when id % 41 <= 20 then 'C' when id % 41 <= 30 then 'B' else 'A' end
    from retailers where id % 5 = 0`);
  log('orders…');
  await db.execute(sql`set session_replication_role = replica`);
  await db.execute(sql`drop index if exists order_lines_order`);
  await db.execute(sql`drop index if exists order_lines_product`);
  // One order a week on the retailer's order day, about 8% of weeks skipped; the window covers last month's window too.
  // Inserted day by day, as orders arrive in production: ids (and their lines) follow the order date.
  await db.execute(sql`insert into orders (org_id, retailer_id, order_date, channel, status, total_qty, total_amount, settlement_method, settlement_status)
    select ${orgId}, r.id, d, 'phone', case when h % 50 = 0 then 'cancelled' else 'confirmed' end, 0, 0, r.settlement_method,
      case when h % 50 = 0 then 'failed' else 'deducted' end
    from retailers r
    cross join generate_series(${first}::date, ${end}::date - 1, interval '1 day') g(day)
    cross join lateral (select g.day::date as d, (hashint8(r.id::int8 * 1000 + (g.day::date - ${first}::date)) & 2147483647) as h) x
    where extract(isodow from g.day) = r.order_weekday and h % 100 >= 8
    order by x.d, r.id`);
  log('order lines…');
  await db.execute(sql`create temp table bench_products as select row_number() over (order by id) - 1 as k, id, wholesale_price as price from products`);
  const [{ p }] = await query<{ p: number }>(db, sql`select count(*)::int as p from bench_products`);
  // 2–6 lines an order, the spec chosen by a hash of retailer and line (shops keep a stable assortment), 1–8 cartons each.
  await db.execute(sql`insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
    select ${orgId}, o.id, bp.id, q, q, q, bp.price, q * bp.price
    from orders o
    cross join lateral generate_series(1, 2 + (o.id % 5)::int) i
    cross join lateral (select (hashint8(o.retailer_id::int8 * 37 + i) & 2147483647) % ${p} as pk,
      1 + ((hashint8(o.id * 8 + i) & 2147483647) % 8)::int as q) x
    join bench_products bp on bp.k = x.pk`);
  await db.execute(sql`set session_replication_role = origin`);
  await orderTotals(db, orgId);
  log('indexes and statistics…');
  await db.execute(sql`create index order_lines_order on order_lines (order_id)`);
  await db.execute(sql`create index order_lines_product on order_lines (product_id)`);
  for (const t of ['retailers', 'orders', 'order_lines', 'products', 'compliance_records']) await db.execute(sql.raw(`vacuum analyze ${t}`));
  void windowStart;
}

/** Orders carry the sums of their lines and their rating facts, as every writer of orders keeps them (decision 0501). */
async function orderTotals(db: Db, orgId: number) {
  log('order totals and facts…');
  await refreshOrderFacts(db, sql`o.org_id = ${orgId}`);
  await db.execute(sql`vacuum analyze orders`);
}

const reuse = await freshDatabase();
const database = await openDatabase({ url: url.toString(), poolSize: 4 });
const db = database.db;
if (!reuse) {
  log('demo county…');
  await seedDemoCounty(db, { seed: 430281, today: new Date('2026-11-24T02:00:00Z'), retailers: 300, weeks: 2 });
}
const [{ orgId }] = await query<{ orgId: number }>(db, sql`select id as "orgId" from orgs limit 1`);
const [{ n: have }] = await query<{ n: number }>(db, sql`select count(*)::int as n from retailers`);
if (!reuse || have !== N) await generate(db, orgId);
else if (args['keep-previous']) {
  await db.execute(sql`delete from retailer_ratings where run_id in (select id from rating_runs where month = ${MONTH})`);
  await db.execute(sql`delete from rating_runs where month = ${MONTH}`);
} else {
  await db.execute(sql`truncate retailer_ratings, tier_overrides, rating_runs restart identity cascade`);
  const [{ totals }] = await query<{ totals: boolean }>(db, sql`select exists (select 1 from orders where total_qty > 0 and line_count > 0) as totals`);
  if (!totals) await orderTotals(db, orgId);
}
const generated = Date.now();
log(`data ready in ${secs(generated - t0)} s`);

const b = monthBounds(MONTH);
const [{ lines }] = await query<{ lines: number }>(
  db,
  sql`select count(*)::int as lines from order_lines l join orders o on o.id = l.order_id
    where o.status = 'confirmed' and o.order_date >= ${b.windowStart}::date and o.order_date < ${b.end}::date`,
);
const [mgr] = await query<{ id: number }>(db, sql`select id from users where role = 'county_manager' limit 1`);
const viewer: Viewer = { userId: mgr.id, orgId, role: 'county_manager', username: 'bench', displayName: 'bench', stationId: null, retailerId: null };

// Last month, computed and published, so this month's batch has movers to find (not timed).
const [kept] = await query<{ id: number }>(db, sql`select id from rating_runs where month = ${previousMonth(MONTH)} and status = 'published'`);
if (!kept) {
  const prevRun = await createRun(db, orgId, previousMonth(MONTH), 'default-2026.1', mgr.id);
  await computeRatingRun(db, prevRun, { orgId, month: previousMonth(MONTH), userId: mgr.id });
  await publishRun(db, viewer, prevRun, new Date());
  log(`previous month rated and published`);
} else log(`previous month kept (run ${kept.id})`);

// Warm the cache with one bare aggregation, then time the batch and the bare aggregation.
await bareMonthlyAggregate(db, orgId, MONTH);
const tb = performance.now();
const runId = await createRun(db, orgId, MONTH, 'default-2026.1', mgr.id);
const summary = await computeRatingRun(db, runId, { orgId, month: MONTH, userId: mgr.id });
const batchSeconds = (performance.now() - tb) / 1000;
const ta = performance.now();
const groups = await bareMonthlyAggregate(db, orgId, MONTH);
const bareSeconds = (performance.now() - ta) / 1000;

const [run] = await query<{ retailers: number; step: string; status: string }>(db, sql`select retailers, step, status from rating_runs where id = ${runId}`);
log(`machine: ${os.cpus().length} cores, node ${process.version}, PostgreSQL ${(await query<{ v: string }>(db, sql`select version() as v`))[0].v.split(' ')[1]}`);
log(`retailers rated: ${run.retailers} (${run.status}); order lines in the 26-week window: ${lines}; bare aggregate groups: ${groups}`);
log('stars (urban, rural):', JSON.stringify(summary.distribution.star));
log('segments:', JSON.stringify(summary.distribution.segment));
log('movers:', JSON.stringify(summary.movers));
log('batch steps (s):', JSON.stringify(summary.seconds));
log(`batch ${batchSeconds.toFixed(2)} s, bare aggregate ${bareSeconds.toFixed(2)} s, ratio ${(batchSeconds / bareSeconds).toFixed(2)}`);
await database.close();
console.log(
  JSON.stringify({
    retailers: run.retailers,
    order_lines: lines,
    batch_seconds: Number(batchSeconds.toFixed(2)),
    bare_aggregate_seconds: Number(bareSeconds.toFixed(2)),
    ratio: Number((batchSeconds / bareSeconds).toFixed(2)),
  }),
);
