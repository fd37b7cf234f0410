// bench:forecast-job — the forecast job's use-case on the demo county seeded by
// bench:forecast (database zy_bench_forecast on the PostgreSQL server): all
// shops, shop totals and shop × product for 8 weeks. Last line JSON.
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { computeForecasts } from '../src/app/forecast/compute-forecasts.js';

const url = new URL(process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test');
url.pathname = '/zy_bench_forecast';
const database = await openDatabase({ url: url.toString(), poolSize: 2 });
const [org] = await query<{ id: number }>(database.db, sql`select id from orgs order by id limit 1`);
const t0 = Date.now();
const cpu0 = process.cpuUsage();
const r = await computeForecasts(database.db, org.id, new Date('2026-12-03T02:00:00Z'), { seed: 1 });
const seconds = (Date.now() - t0) / 1000;
// This process's CPU, the compute worker's thread included (the database server's is not).
const cpu = process.cpuUsage(cpu0);
const load = (await import('node:os')).loadavg()[0];
await database.close();
console.log(JSON.stringify({ rows: r.rows, shops: r.summary.shops, job_seconds: Math.round(seconds * 10) / 10, node_cpu_seconds: Math.round((cpu.user + cpu.system) / 1e5) / 10, load_avg: Math.round(load * 10) / 10, phases: r.summary.phases }));
