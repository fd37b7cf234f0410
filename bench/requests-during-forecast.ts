// Do requests wait while the forecast job runs on the embedded database?
// `npm run bench:requests-during-forecast`.
//
// PGlite has one connection: a long statement or transaction of a job holds every request that reads the database
// (decision 0811). This starts the real server (src/cli/serve.ts) on a fresh copy of the demo county seeded by
// bench:event-loop (3,000 retailers; seeded there first if missing), with the demand roll-up and every forecast
// cleared, so the queued forecast job runs as on a first start (two years to roll up). It logs in as the county
// manager and asks for the first page of retailers every 200 ms until the job has finished, and prints how long the
// requests took. Last line JSON: {"requests":…,"max_ms":…,"p99_ms":…,"over_1s":…,"job_s":…,"phases":{…}}.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { PGlite } from '@electric-sql/pglite';
import { freePort, loginAt, startServer } from '../tests/support/server-process.js';

const today = new Date().toISOString().slice(0, 10);
const template = path.join(os.tmpdir(), `zy-bench-event-loop-3000-${today}`);
if (!fs.existsSync(path.join(template, 'READY'))) {
  // bench:event-loop seeds the template first; only its first step is run.
  spawnSync(process.execPath, ['--import', 'tsx', 'bench/event-loop.ts'], { stdio: 'inherit', env: { ...process.env, BENCH_ONLY: 'dense spots' } });
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zy-bench-forecast-requests-'));
fs.cpSync(template, dir, { recursive: true });
const pg = new PGlite(dir);
await pg.exec('delete from demand_weeks; delete from forecasts; delete from forecast_runs;');
// The demo's forecast job for the county, queued again as when the county was just seeded.
const [queued] = (
  await pg.query<{ id: number }>(`update jobs set state = 'queued', run_at = now(), attempts = 0, locked_by = null, heartbeat_at = null, progress = 0,
    result = null, error = null, started_at = null, finished_at = null
    where id = (select max(id) from jobs where name = 'forecasts' and org_id is not null) returning id`)
).rows;
await pg.close();
if (!queued) throw new Error('no forecast job in the seeded county');

const { proc, base } = await startServer({ PORT: String(await freePort()), DATA_DIR: dir, DEMO: '1', DEMO_RETAILERS: '3000' });
const times: number[] = [];
/** Requests over 1 s: when (s after the login began) and how long. */
const slow: string[] = [];
let job: { state: string; result?: unknown } = { state: 'queued' };
try {
  const t0 = performance.now();
  const cookie = await loginAt(base, 'manager', 'manager123');
  times.push(performance.now() - t0);
  for (;;) {
    const t = performance.now();
    await fetch(`${base}/api/retailers?page=1&pageSize=20`, { headers: { cookie } });
    times.push(performance.now() - t);
    if (performance.now() - t > 1000) slow.push(`${((t - t0) / 1000).toFixed(1)} s: ${Math.round(performance.now() - t)} ms`);
    job = (await (await fetch(`${base}/api/jobs/${queued.id}`, { headers: { cookie } })).json()) as { state: string };
    if (job.state === 'completed' || job.state === 'failed') break;
    if (performance.now() - t0 > 600_000) throw new Error('the forecast job did not finish in 10 min');
    await new Promise((r) => setTimeout(r, 200));
  }
} finally {
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
}
const check = new PGlite(dir);
const [run] = (await check.query<{ s: number; phases: Record<string, number> }>(`select (summary->>'seconds')::float8 as s, summary->'phases' as phases from forecast_runs where status = 'done' order by id desc limit 1`)).rows;
await check.close();
fs.rmSync(dir, { recursive: true, force: true });

const sorted = [...times].sort((a, b) => a - b);
const r0 = (x: number) => Math.round(x);
console.log(`requests ${times.length}, the first login ${r0(times[0])} ms, slowest ${r0(sorted[sorted.length - 1])} ms, over 1 s: ${times.filter((x) => x > 1000).length}`);
console.log(`requests over 1 s after the login: ${slow.join(', ') || 'none'}`);
console.log(`forecast run ${run?.s ?? '–'} s, phases ${JSON.stringify(run?.phases ?? {})}`);
console.log(
  JSON.stringify({
    requests: times.length,
    first_login_ms: r0(times[0]),
    max_ms: r0(sorted[sorted.length - 1]),
    p99_ms: r0(sorted[Math.min(sorted.length - 1, Math.ceil(0.99 * sorted.length) - 1)]),
    over_1s: times.filter((x) => x > 1000).length,
    job: job.state,
    job_s: run?.s ?? null,
    phases: run?.phases ?? null,
  }),
);
