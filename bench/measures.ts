// bench:measures — the nightly four measures for every active shop and the
// month's score sheets for every worker and station, at province scale on the
// PostgreSQL server (300,000 retailers, 26 weeks of orders; data built by
// bench/measures-data.ts), against the bare SQL aggregation of the same order
// facts by shop in the same run. Last line is JSON.
//
//   npm run bench:measures [-- --retailers 300000 --rebuild]
//   BENCH_DATABASE_URL=postgres://… (a database on the server to connect through; default: the local server's `postgres`)
//   BENCH_DB=… (the data set's database, created there; default zy_bench_measures)
import os from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { measureFacts, useMeasuresSession } from '../src/app/measures/compute-measures.js';
import type { Db } from '../src/db/client.js';
import { runNightlyMeasures } from '../src/app/measures/run-nightly-measures.js';
import { SCORE_SOURCES } from '../src/app/measures/score-sources.js';
import { generateProvince } from './measures-data.js';
import { refreshOrderMargins } from '../src/db/order-facts.js';
import { benchDatabase } from './bench-database.js';

const { values: args } = parseArgs({ options: { retailers: { type: 'string', default: '300000' }, rebuild: { type: 'boolean', default: false } } });
const N = Number(args.retailers);
const AS_OF = '2026-11-01'; // the night that closes October's score sheets
const dbName = process.env.BENCH_DB ?? 'zy_bench_measures';
const log = (...a: unknown[]) => console.log(...a);
const t0 = Date.now();

const { url } = await benchDatabase(dbName, { keep: !args.rebuild });
const database = await openDatabase({ url, poolSize: 4 });
const db = database.db;
const [have] = await query<{ n: number }>(db, sql`select count(*)::int as n from retailers`);
if (have.n !== N) {
  if (have.n === 0) await seedDemoCounty(db, { seed: 430281, today: new Date('2026-11-24T02:00:00Z'), retailers: 300, weeks: 2 });
  const [{ orgId }] = await query<{ orgId: number }>(db, sql`select id as "orgId" from orgs limit 1`);
  await generateProvince(db, orgId, N, log);
}
{
  // Data built before the margin fact (decision 1743) existed: fill it once, untimed.
  const [m] = await query<{ missing: boolean }>(db, sql`select not exists (select 1 from orders where margin_amount is not null) as missing`);
  if (m.missing) {
    log('order margins…');
    await refreshOrderMargins(db, sql`o.order_date >= '2026-10-01'`);
  }
}
log(`data ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
const [{ orgId }] = await query<{ orgId: number }>(db, sql`select id as "orgId" from orgs limit 1`);
await db.execute(sql`delete from retailer_measures where as_of = ${AS_OF}`);
await db.execute(sql`delete from score_sheets where month = '2026-10'`);

// The bare aggregate: every per-shop order fact the job reads (decision 1744). Until then it summed only weeks and sales,
// and PostgreSQL drops a subquery's unused aggregates, so the baseline computed two of the job's eight facts; that
// narrower query is still timed (bare_two_facts_seconds) so runs before and after can be compared.
// Both run with the job's session settings (JIT off, its work_mem), in a transaction like the job's.
const bare = async () => {
  const [r] = await db.transaction(async (tx) => {
    await useMeasuresSession(tx as unknown as Db);
    return query<{ shops: number }>(
      tx as unknown as Db,
      sql`with ${measureFacts(orgId, AS_OF)} select count(*)::int as shops, sum(o.weeks)::int as weeks, sum(o.all_orders)::int as all_orders,
          sum(o.bad)::int as bad, sum(o.n_conf)::int as n_conf, sum(o.sd)::float8 as sd, sum(o.mean)::float8 as mean, sum(o.sales)::float8 as sales,
          sum(o.margin)::float8 as margin
        from shops s left join o on o.retailer_id = s.id`,
    );
  });
  return r.shops;
};
const bareTwoFacts = async () => {
  await db.transaction(async (tx) => {
    await useMeasuresSession(tx as unknown as Db);
    await query(
      tx as unknown as Db,
      sql`with ${measureFacts(orgId, AS_OF)} select count(*)::int as shops, sum(o.weeks)::int as weeks, sum(o.sales)::float8 as sales from shops s left join o on o.retailer_id = s.id`,
    );
  });
};
await bare(); // warm the cache
const tj = performance.now();
const steps: Record<string, number> = {};
let last = performance.now();
const result = await runNightlyMeasures(db, orgId, AS_OF, async (_pct, text) => {
  steps[text] = performance.now();
});
const seconds = (performance.now() - tj) / 1000;
void last;
const ta = performance.now();
const bareShops = await bare();
const bareSeconds = (performance.now() - ta) / 1000;
const tb = performance.now();
await bareTwoFacts();
const bareTwoSeconds = (performance.now() - tb) / 1000;
// Each score-sheet source's October tally alone (the job runs them side by side).
const sourceSeconds: Record<string, number> = {};
for (const s of SCORE_SOURCES) {
  const ts = performance.now();
  await query(db, sql`select count(*) filter (where ok)::int as good, count(*)::int as total from (${s.records(orgId, '2026-10-01', '2026-11-01')}) b`);
  sourceSeconds[s.id] = (performance.now() - ts) / 1000;
}
const [counts] = await query<{ orders: number; lines: number; stops: number }>(
  db,
  sql`select (select count(*) from orders where order_date >= ${AS_OF}::date - 182 and order_date < ${AS_OF}::date)::int as orders,
      (select count(*) from order_lines)::int as lines, (select count(*) from visit_plan_stops)::int as stops`,
);
const measuresSeconds = (steps['score sheets'] - steps['measures']) / 1000;
log(`machine: ${os.cpus().length} cores, node ${process.version}, PostgreSQL ${(await query<{ v: string }>(db, sql`select version() as v`))[0].v.split(' ')[1]}`);
log(`orders in the 26-week window: ${counts.orders}; order lines (October on): ${counts.lines}; planned visits: ${counts.stops}; bare aggregate shops: ${bareShops}`);
log(`job: measures ${measuresSeconds.toFixed(2)} s, score sheets ${(seconds - measuresSeconds).toFixed(2)} s; ${result.shops} shops (${result.dependenceKnown} with 依存度), ${result.sheets} sheets`);
log(`job ${seconds.toFixed(2)} s, bare aggregate ${bareSeconds.toFixed(2)} s, ratio ${(seconds / bareSeconds).toFixed(2)}; bare aggregate of weeks and sales only (the earlier baseline) ${bareTwoSeconds.toFixed(2)} s, ratio ${(seconds / bareTwoSeconds).toFixed(2)}`);
log(`score-sheet sources alone: ${Object.entries(sourceSeconds).map(([k, v]) => `${k} ${v.toFixed(2)} s`).join(', ')}`);
await database.close();
console.log(
  JSON.stringify({
    retailers: result.shops,
    seconds: Number(seconds.toFixed(2)),
    bare_aggregate_seconds: Number(bareSeconds.toFixed(2)),
    ratio: Number((seconds / bareSeconds).toFixed(2)),
    score_sheets: result.sheets,
    bare_two_facts_seconds: Number(bareTwoSeconds.toFixed(2)),
    ratio_two_facts: Number((seconds / bareTwoSeconds).toFixed(2)),
    measures_seconds: Number(measuresSeconds.toFixed(2)),
    score_sheets_seconds: Number((seconds - measuresSeconds).toFixed(2)),
  }),
);
