// `npm run bench:forecast -- --province [--counties N] [--reuse]` (issue 18, decision 1818): a province's weekly
// forecast as jobs on the PostgreSQL server, target < 30 min for 300,000 shops.
//
// 1. The province in its own database (zy_bench_forecast_province; --reuse or BENCH_KEEP=1 keeps one, and a kept
//    one with fewer counties is filled up): the demo county of bench:forecast (3,000 shops, 104 weeks of orders)
//    with its weekly demand roll-up up to the week before the last closed one, then copies of it set-based
//    (clone-county.ts) up to N counties (default 100) — shops, products, users, grids, the roll-up's 103 weeks with
//    ids shifted, and the order lines of the last closed week only, which is what a weekly run has not rolled up.
//    Two years of order lines for 300,000 shops are not generated: the job does not read them any more.
// 2. What the last run left is cleared (forecasts and runs unless --keep-runs, the last week's roll-up, the jobs), so
//    every run does the same work: the weekly run after an order week closed (with --keep-runs: after a week with a
//    run, whose shop × product rows each job deletes).
// 3. The scheduled job is queued as the cron queues it ({}): it queues one `forecasts` job per county, which the
//    real job runner of this process claims 2 at a time (JOB_CONCURRENCY, the runner's default on this 2-core
//    machine), each rolling up its county's last week, reading the roll-up, fitting in a compute worker thread,
//    writing ~310,000 rows. `province_seconds` is from queueing to the last job's end.
// Last line JSON.
import os from 'node:os';
import { readdirSync, readFileSync } from 'node:fs';
import pino from 'pino';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { isDemoSeeded, seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { seedProvince } from '../src/app/demo/province-seed.js';
import { rollUpDemandWeeks } from '../src/db/demand-weeks.js';
import { lastClosedWeek } from '../src/app/forecast/compute-forecasts.js';
import { weekIndex, weekMonday } from '../src/domain/forecast/index.js';
import { JobRunner } from '../src/jobs/runner.js';
import { forecastsJob } from '../src/jobs/forecasts.js';
import { enqueueJob } from '../src/jobs/job-queue.js';
import { benchDatabase } from './bench-database.js';
import type { ForecastRunSummary } from '../src/db/schema-forecast.js';

const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** CPU ticks of each PostgreSQL process on this machine, by pid. */
function postgresTicks(): Map<string, number> {
  const out = new Map<string, number>();
  for (const pid of readdirSync('/proc')) {
    if (!/^\d+$/.test(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const close = stat.lastIndexOf(')');
      if (!stat.slice(stat.indexOf('(') + 1, close).startsWith('postgres')) continue;
      const f = stat.slice(close + 2).split(' ');
      out.set(pid, Number(f[11]) + Number(f[12])); // utime, stime
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}
/** PostgreSQL CPU seconds between two readings: processes alive at the end (a backend that ended meanwhile is not counted). */
const postgresCpuSeconds = (a: Map<string, number>, b: Map<string, number>) => [...b].reduce((s, [pid, t]) => s + t - (a.get(pid) ?? 0), 0) / 100;
/** Busy CPU seconds of the whole machine (every process, this bench's and anyone else's). */
function machineBusySeconds(): number {
  const f = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  return (f[0] + f[1] + f[2] + f[5] + f[6] + f[7]) / 100; // user nice system irq softirq steal
}

export async function provinceMode(opts: { counties: number; reuse: boolean; today: string; keepRuns?: boolean }) {
  const t0 = Date.now();
  // The job's clock: Thursday 10:00 in Beijing of the bench's today, as bench:forecast-job.
  const now = new Date(`${opts.today}T10:00:00+08:00`);
  const origin = lastClosedWeek(now);
  const from = weekMonday(weekIndex(origin) - 103);
  const { url, kept } = await benchDatabase('zy_bench_forecast_province', { keep: opts.reuse || process.env.BENCH_KEEP === '1' });
  const concurrency = Number(process.env.JOB_CONCURRENCY ?? 2);
  const database = await openDatabase({ url, poolSize: concurrency + 3 });
  const db = database.db;
  const log = (...a: unknown[]) => console.log(...a);

  // --- 1. the province ---
  if (!(await isDemoSeeded(db))) {
    log('seeding the template county (3,000 shops, 104 weeks)…');
    const r = await seedDemoCounty(db, { today: now, currentWeekPlan: false });
    const tr = Date.now();
    const rolled = await rollUpDemandWeeks(db, r.orgId, from, weekMonday(weekIndex(origin) - 1), now);
    log(`  ${r.retailers} shops, ${r.orderLines} order lines in ${round(r.ms / 1000)} s; ${rolled.length} weeks rolled up in ${round((Date.now() - tr) / 1000)} s`);
  }
  const tc = Date.now();
  const { countyIds } = await seedProvince(db, {
    counties: opts.counties,
    ordersSince: origin,
    demandWeeks: true,
    onProgress: (done, total) => {
      if (done % 10 === 0 || done === total) log(`  county ${done + 1}/${total + 1} after ${round((Date.now() - tc) / 1000, 0)} s`);
    },
  });
  const generationSeconds = (Date.now() - t0) / 1000;
  const [size] = await query<{ counties: number; shops: number; lines: number; rolled: number }>(
    db,
    sql`select (select count(*)::int from orgs where exists (select 1 from orders o where o.org_id = orgs.id)) as counties,
        (select count(*)::int from retailers) as shops,
        (select count(*)::int from order_lines l join orders o on o.org_id = l.org_id and o.id = l.order_id where o.order_date >= ${origin}::date) as lines,
        (select count(*)::int from demand_weeks) as rolled`,
  );
  log(
    `province: ${size.counties} counties, ${size.shops} shops, ${size.rolled} roll-up rows, ${size.lines} order lines of the week ${origin}; ` +
      (countyIds.length ? `${countyIds.length} counties added in ${round((Date.now() - tc) / 1000, 0)} s` : 'reused') +
      (kept ? ' (database kept)' : ''),
  );

  // --- 2. the same work every run ---
  // --keep-runs: last run's rows stay, so each job deletes its county's previous shop × product rows as every week after the first.
  if (!opts.keepRuns) await db.execute(sql`truncate forecasts, forecast_runs`);
  await db.execute(sql`delete from demand_weeks where week_start >= ${origin}::date`);
  await db.execute(sql`delete from jobs where name = ${forecastsJob.name}`);
  await db.execute(sql`analyze demand_weeks`);
  await db.execute(sql`checkpoint`);

  // --- 3. the weekly run, through the runner ---
  const load0 = os.loadavg()[0];
  const cpu0 = process.cpuUsage();
  const pg0 = postgresTicks();
  const busy0 = machineBusySeconds();
  const runner = new JobRunner({ db, definitions: [forecastsJob], concurrency, now: () => now, log: pino({ level: 'warn' }) });
  const tj = Date.now();
  await runner.start();
  await enqueueJob(db, forecastsJob, {});
  let lastLog = Date.now();
  let maxLoad = load0;
  for (;;) {
    await new Promise((r) => setTimeout(r, 2000));
    maxLoad = Math.max(maxLoad, os.loadavg()[0]);
    const [j] = await query<{ pending: number; done: number; failed: number; error: string | null }>(
      db,
      sql`select count(*) filter (where state in ('queued', 'running'))::int as pending, count(*) filter (where state = 'completed' and org_id is not null)::int as done,
          count(*) filter (where state = 'failed')::int as failed, max(error) as error from jobs where name = ${forecastsJob.name}`,
    );
    if (j.failed) throw new Error(`a forecast job failed: ${j.error}`);
    if (Date.now() - lastLog > 60_000) {
      log(`  ${j.done}/${size.counties} counties after ${round((Date.now() - tj) / 1000, 0)} s (load ${round(os.loadavg()[0])})`);
      lastLog = Date.now();
    }
    if (j.pending === 0 && j.done >= size.counties) break;
  }
  const provinceSeconds = (Date.now() - tj) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const pgCpu = postgresCpuSeconds(pg0, postgresTicks());
  const busy = machineBusySeconds() - busy0;
  const load1 = os.loadavg()[0];
  await runner.stop();

  const runs = await query<{ summary: ForecastRunSummary; jobSeconds: number }>(
    db,
    sql`select r.summary, extract(epoch from j.finished_at - j.started_at)::float8 as "jobSeconds"
      from forecast_runs r join jobs j on j.org_id = r.org_id and j.name = ${forecastsJob.name} and j.state = 'completed'
      where r.status = 'done' and r.created_at >= ${new Date(tj).toISOString()}::timestamptz`,
  );
  await database.close();
  const sum = (f: (s: ForecastRunSummary) => number) => runs.reduce((a, r) => a + f(r.summary), 0);
  const phaseNames = [...new Set(runs.flatMap((r) => Object.keys(r.summary.phases ?? {})))];
  const phases = Object.fromEntries(phaseNames.map((p) => [p, round(sum((s) => s.phases?.[p] ?? 0) / runs.length, 2)]));
  const js = runs.map((r) => r.jobSeconds).sort((a, b) => a - b);
  const rows = sum((s) => s.series);
  log(`per county (mean wall s, ${concurrency} at a time): ${Object.entries(phases).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  log(`job s per county: min ${round(js[0])}, median ${round(js[js.length >> 1])}, max ${round(js.at(-1)!)}; rolled-up weeks per run ${sum((s) => s.rolledUpWeeks ?? 0) / runs.length}`);
  log(`node CPU ${round(cpu.user / 1e6 + cpu.system / 1e6)} s, PostgreSQL CPU ${round(pgCpu)} s, machine busy ${round(busy)} CPU s of ${round(provinceSeconds * os.cpus().length)}, load ${round(load0)} → ${round(load1)} (max ${round(maxLoad)})`);
  return {
    mode: 'province',
    counties: runs.length,
    shops: sum((s) => s.shops),
    rows,
    previous_runs_kept: !!opts.keepRuns,
    province_seconds: round(provinceSeconds),
    target_seconds: 1800,
    concurrency,
    node_cpu_seconds: round((cpu.user + cpu.system) / 1e6),
    db_cpu_seconds: round(pgCpu),
    machine_busy_cpu_seconds: round(busy),
    load_avg: round(load1),
    load_avg_start: round(load0),
    load_avg_max: round(maxLoad),
    phases_mean_seconds: phases,
    job_seconds: { min: round(js[0]), median: round(js[js.length >> 1]), max: round(js.at(-1)!) },
    rows_per_second: round(rows / provinceSeconds, 0),
    generation_seconds: round(generationSeconds, 0),
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
  };
}
