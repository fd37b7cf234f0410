// Scarce-supply allocation through the database at province scale, as the
// supply-plan screen runs it: on the bench:rating data set (300,000 retailers,
// their order history, tiers and segments from the published month; build it
// first with `npm run bench:rating`), create a week's plan from recent demand
// and allocate it: caps from 12 weeks of order lines into one limit row per
// retailer and scarce product, quotas per product (layers + HiGHS LP), limits,
// then the remainder one carton each by service-package priority (decision
// 0603). Prints the figures; last line is JSON.
//
//   npx tsx bench/allocation-db.ts
//   BENCH_DATABASE_URL=postgres://… (default: the local server, database zy_bench_rating)
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { createPlan, runAllocation } from '../src/app/ordering/supply-plans.js';
import { stopLpWorker } from '../src/solver/solve-lp.js';
import type { Viewer } from '../src/domain/access/viewer.js';

const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
url.pathname = '/zy_bench_rating';
const WEEK = '2026-11-02'; // the Monday after the data's last order month

const database = await openDatabase({ url: url.toString(), poolSize: 4 });
const db = database.db;
const [mgr] = await query<Viewer>(
  db,
  sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId"
      from users where role = 'county_manager' limit 1`,
);
// A plan of this week from an earlier run is replaced.
await db.execute(sql`delete from order_limits where plan_id in (select id from supply_plans where week_start = ${WEEK})`);
await db.execute(sql`delete from allocation_quotas where plan_id in (select id from supply_plans where week_start = ${WEEK})`);
await db.execute(sql`delete from supply_plan_items where plan_id in (select id from supply_plans where week_start = ${WEEK})`);
await db.execute(sql`delete from supply_plans where week_start = ${WEEK}`);

const t0 = performance.now();
const planId = await createPlan(db, mgr, { weekStart: WEEK, note: 'bench:allocation-db' });
const t1 = performance.now();
const results = await runAllocation(db, mgr, planId, new Date());
const t2 = performance.now();
await stopLpWorker();

const [f] = await query<{ retailers: number; products: number; limits: number; extras: number; supply: number; allocated: number }>(
  db,
  sql`select (select count(*) from retailers where status = 'active')::int as retailers,
        (select count(*) from supply_plan_items where plan_id = ${planId} and scarce)::int as products,
        (select count(*) from order_limits where plan_id = ${planId})::int as limits,
        (select count(*) filter (where extra_qty > 0) from order_limits where plan_id = ${planId})::int as extras,
        (select sum(supply_qty) from supply_plan_items where plan_id = ${planId} and scarce)::int as supply,
        (select sum(allocated_qty) from supply_plan_items where plan_id = ${planId} and scarce)::int as allocated`,
);
const [{ v }] = await query<{ v: string }>(db, sql`select version() as v`);
await database.close();
console.log(`machine: ${os.cpus().length} cores, node ${process.version}, PostgreSQL ${v.split(' ')[1]}`);
console.log(`plan from recent demand ${((t1 - t0) / 1000).toFixed(2)} s; allocation ${((t2 - t1) / 1000).toFixed(2)} s`);
console.log(`${f.retailers} retailers × ${f.products} scarce products = ${f.limits} limit rows; supply ${f.supply}, allocated ${f.allocated}, of which ${f.extras} by priority`);
console.log(`worst gap to the LP bound: ${Math.max(...results.map((r) => r.gapPct ?? 0)).toFixed(2)}%`);
console.log(
  JSON.stringify({
    retailers: f.retailers,
    scarce_products: f.products,
    limit_rows: f.limits,
    plan_seconds: Number(((t1 - t0) / 1000).toFixed(2)),
    allocation_seconds: Number(((t2 - t1) / 1000).toFixed(2)),
    supply: f.supply,
    allocated: f.allocated,
    priority_cartons: f.extras,
  }),
);
