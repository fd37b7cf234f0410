// bench:visit-plan — the four-week visit calendar of every grid worker of the
// demo county (seed 430281, 3,000 retailers, 22 workers) on in-memory PGlite:
// reading each worker's retailers, the periodic plan, the day routes through
// opening hours, and writing the plans. Last line: one JSON object.
//
//   npm run bench:visit-plan [-- --retailers 3000 --iterations 3000 --weeks 16]
// (16 weeks of orders so that the seeded rating months give the demo's stars.)
import { parseArgs } from 'node:util';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { planVisitCalendars } from '../src/jobs/plan-visit-calendars.js';

const { values: args } = parseArgs({
  options: { retailers: { type: 'string', default: '3000' }, iterations: { type: 'string', default: '3000' }, weeks: { type: 'string', default: '16' }, date: { type: 'string', default: '2026-11-24' } },
});
const today = new Date(`${args.date}T02:00:00Z`);
const database = await openDatabase({});
const seeded = await seedDemoCounty(database.db, { today, retailers: Number(args.retailers), weeks: Number(args.weeks) });
console.log(`demo county: ${seeded.retailers} retailers (seeded in ${(seeded.ms / 1000).toFixed(1)} s, not timed below)`);

const t0 = performance.now();
const result = await planVisitCalendars(database.db, { orgId: seeded.orgId, date: args.date }, new Date(), { maxIterations: Number(args.iterations) });
const seconds = (performance.now() - t0) / 1000;

const [check] = await query<{ stops: number; retailers: number; plans: number }>(
  database.db,
  sql`select count(*)::int as stops, count(distinct retailer_id)::int as retailers, count(distinct plan_id)::int as plans from visit_plan_stops`,
);
const plans = await query<{ stats: { dayMinutes: { min: number; max: number; avg: number }; relaxed: number; late: number } }>(
  database.db,
  sql`select stats from visit_plans`,
);
for (const w of result.workers) {
  console.log(`worker ${String(w.workerId).padStart(3)}  retailers ${String(w.retailers).padStart(4)}  visits ${String(w.visits).padStart(4)}  km ${w.km.toFixed(1).padStart(7)}  unplanned ${w.unplanned}  ${(w.ms / 1000).toFixed(2)} s`);
}
const maxOverAvg = Math.max(...plans.map((p) => p.stats.dayMinutes.max / Math.max(1, p.stats.dayMinutes.avg)));
const [stars] = await query<{ weekly: number; fortnightly: number; monthly: number }>(
  database.db,
  sql`select count(*) filter (where star >= 5)::int as weekly, count(*) filter (where star between 3 and 4)::int as fortnightly, count(*) filter (where star < 3)::int as monthly from retailers where status = 'active'`,
);
console.log(`frequency by star: weekly ${stars.weekly}, fortnightly ${stars.fortnightly}, monthly ${stars.monthly}`);
const figures = {
  workers: result.workers.length,
  retailers: result.workers.reduce((a, w) => a + w.retailers, 0),
  visits: check.stops,
  retailers_planned: check.retailers,
  unplanned: result.workers.reduce((a, w) => a + w.unplanned, 0),
  relaxed_order_day: plans.reduce((a, p) => a + p.stats.relaxed, 0),
  late_stops: plans.reduce((a, p) => a + p.stats.late, 0),
  km_total: Math.round(result.workers.reduce((a, w) => a + w.km, 0)),
  worst_day_over_avg: Math.round(maxOverAvg * 100) / 100,
  cycle_start: result.cycleStart,
  seconds: Math.round(seconds * 100) / 100,
};
await database.close();
console.log(JSON.stringify(figures));
