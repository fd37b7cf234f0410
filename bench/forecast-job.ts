// bench:forecast-job — the forecast job's use-case on the demo county seeded by
// bench:forecast (database zy_bench_forecast on the PostgreSQL server, or
// BENCH_DB): all shops, shop totals and shop × product for 8 weeks. As the
// weekly run after an order week closed (decision 1818): the weeks before it
// are rolled up first (not timed; done once), the week that closed is left to
// the job, which rolls it up and reads the rest from the roll-up. Last line JSON.
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { computeForecasts, lastClosedWeek } from '../src/app/forecast/compute-forecasts.js';
import { rollUpDemandWeeks } from '../src/db/demand-weeks.js';
import { weekIndex, weekMonday } from '../src/domain/forecast/index.js';

const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
url.pathname = `/${process.env.BENCH_DB ?? 'zy_bench_forecast'}`;
const database = await openDatabase({ url: url.toString(), poolSize: 2 });
const [org] = await query<{ id: number }>(database.db, sql`select id from orgs order by id limit 1`);
const now = new Date('2026-12-03T02:00:00Z');
const origin = lastClosedWeek(now);
const tr = Date.now();
const rolled = await rollUpDemandWeeks(database.db, org.id, weekMonday(weekIndex(origin) - 103), weekMonday(weekIndex(origin) - 1), now);
await database.db.execute(sql`delete from demand_weeks where org_id = ${org.id} and week_start >= ${origin}::date`);
const setup = { weeks_rolled_up_before: rolled.length, seconds: Math.round((Date.now() - tr) / 100) / 10 };
const t0 = Date.now();
const cpu0 = process.cpuUsage();
const r = await computeForecasts(database.db, org.id, now, { seed: 1 });
const seconds = (Date.now() - t0) / 1000;
// This process's CPU, the compute worker's thread included (the database server's is not).
const cpu = process.cpuUsage(cpu0);
const load = (await import('node:os')).loadavg()[0];
await database.close();
console.log(JSON.stringify({ rows: r.rows, shops: r.summary.shops, job_seconds: Math.round(seconds * 10) / 10, node_cpu_seconds: Math.round((cpu.user + cpu.system) / 1e5) / 10, load_avg: Math.round(load * 10) / 10, phases: r.summary.phases, setup }));
