// Province scale on the PostgreSQL server (issue 19): `npm run bench:province`.
// 1. Generates the province: the demo county (3,000 shops, 26 weeks of
//    orders) under its city and province, then copies of it set-based
//    (src/app/demo/clone-county.ts) up to 100 counties in 14 cities —
//    300,000 shops — into its own database (zy_bench_province). With
//    BENCH_KEEP=1 an existing province database is reused.
// 2. Starts the real server (its own process) and a job worker process
//    (`npm run worker`, JOBS_PER_ORG=1; BENCH_WORKER=0 runs the jobs inside
//    the server instead), has the province refresh its roll-ups (one job per
//    county) and waits for them.
// 3. 20 concurrent users with think time: half province/city roles opening
//    roll-up screens (province by city, a city by county, the province-wide
//    retailer search), half county managers of different counties searching
//    their retailers and opening cards — `rollup_p95_ms`, `county_p95_ms`.
// 4. While they go on, one county's plan is allocated as a job:
//    `allocation_job_seconds` (POST allocate → job completed) and
//    `county_p95_during_job_ms`. Last line is JSON.
import { spawn } from 'node:child_process';
import net from 'node:net';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { seedProvince } from '../src/app/demo/province-seed.js';
import { benchDatabase } from './bench-database.js';

const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const RETAILERS = Number(process.env.BENCH_RETAILERS ?? 3000);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 26);
const ORDER_COUNTIES = Number(process.env.BENCH_ORDER_COUNTIES ?? COUNTIES);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const USERS = 20;
const THINK_MS = Number(process.env.BENCH_THINK_MS ?? 500);
const name = process.env.BENCH_DB ?? 'zy_bench_province';

const { url, kept: keep } = await benchDatabase(name, { keep: process.env.BENCH_KEEP === '1' });

const t0 = Date.now();
const database = await openDatabase({ url, poolSize: 4 });
const db = database.db;
const now = new Date();
if (!keep) {
  const seeded = await seedDemoCounty(db, { seed: 430281, today: now, retailers: RETAILERS, weeks: WEEKS });
  console.log(`template county: ${seeded.retailers} retailers, ${seeded.orderLines} order lines in ${(seeded.ms / 1000).toFixed(1)} s`);
  const tc = Date.now();
  await seedProvince(db, {
    counties: COUNTIES,
    withOrders: ORDER_COUNTIES - 1,
    onProgress: (done, total) => {
      if (done % 10 === 0 || done === total) console.log(`  county ${done + 1}/${total + 1} after ${((Date.now() - tc) / 1000).toFixed(0)} s`);
    },
  });
}
const [size] = await query<{ counties: number; retailers: number; orders: number; lines: number; withOrders: number }>(
  db,
  sql`select (select count(*)::int from org_units where level = 'county') as counties, (select count(*)::int from retailers) as retailers,
             (select count(*)::int from orders) as orders, (select count(*)::int from order_lines) as lines,
             (select count(distinct org_id)::int from orders) as "withOrders"`,
);
const generationSeconds = (Date.now() - t0) / 1000;
console.log(`province: ${size.counties} counties, ${size.retailers} retailers, ${size.orders} orders, ${size.lines} order lines (${size.withOrders} counties with order history); ${keep ? 'reused' : `generated in ${generationSeconds.toFixed(0)} s`}`);

// --- the server, its own process ---
const port = await new Promise<number>((resolve) => {
  const s = net.createServer();
  s.listen(0, '127.0.0.1', () => {
    const p = (s.address() as net.AddressInfo).port;
    s.close(() => resolve(p));
  });
});
const SEPARATE_WORKER = process.env.BENCH_WORKER !== '0';
const jobEnv = { JOB_CONCURRENCY: '2', JOBS_PER_ORG: '1' };
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
  env: { ...process.env, DATABASE_URL: url, DEMO: '0', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', JOBS: SEPARATE_WORKER ? '0' : '1', ...jobEnv },
  stdio: ['ignore', 'pipe', 'pipe'],
});
const worker = SEPARATE_WORKER
  ? spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], { env: { ...process.env, DATABASE_URL: url, LOG_LEVEL: 'warn', ...jobEnv }, stdio: ['ignore', 'ignore', 'pipe'] })
  : null;
// The server and the worker end with this process, even when it fails.
process.on('exit', () => {
  server.kill('SIGTERM');
  worker?.kill('SIGTERM');
});
await new Promise<void>((resolve, reject) => {
  let out = '';
  server.stdout!.on('data', (d: Buffer) => {
    out += d.toString();
    if (out.includes('Zhiyin ready')) resolve();
  });
  server.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  server.on('exit', (c) => reject(new Error(`server exited ${c}: ${out}`)));
});
const baseUrl = `http://127.0.0.1:${port}`;
const login = async (username: string, password: string) => {
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return res.headers.get('set-cookie')!.split(';')[0];
};
const get = async (cookie: string, path: string) => {
  const res = await fetch(`${baseUrl}${path}`, { headers: { cookie } });
  const body = await res.json();
  if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body as any; // eslint-disable-line @typescript-eslint/no-explicit-any
};
const post = async (cookie: string, path: string, body?: unknown) => {
  const res = await fetch(`${baseUrl}${path}`, { method: 'POST', headers: { cookie, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined });
  const json = await res.json();
  if (res.status >= 300) throw new Error(`POST ${path}: ${res.status} ${JSON.stringify(json)}`);
  return json as any; // eslint-disable-line @typescript-eslint/no-explicit-any
};

// --- roll-ups, one job per county ---
const province = await login('province', 'province123');
const tr = Date.now();
await post(province, '/api/rollups/refresh');
for (;;) {
  await new Promise((r) => setTimeout(r, 1000));
  const [j] = await query<{ pending: number; done: number }>(
    db,
    sql`select count(*) filter (where state in ('queued', 'running'))::int as pending, count(*) filter (where state = 'completed')::int as done
        from jobs where name in ('org-rollups', 'org-rollup') and created_at >= ${new Date(tr).toISOString()}::timestamptz`,
  );
  if (j.pending === 0 && j.done > 0) break;
}
const rollupRefreshSeconds = (Date.now() - tr) / 1000;
console.log(`roll-ups of ${size.counties} counties refreshed as jobs in ${rollupRefreshSeconds.toFixed(1)} s`);

// --- the users ---
const cities = (await query<{ id: number }>(db, sql`select org_id as id from org_units where level = 'city' and exists (select 1 from org_units c where c.parent_id = org_units.org_id)`)).map((c) => c.id);
const managers = await query<{ username: string; orgId: number }>(
  db,
  sql`select u.username, u.org_id as "orgId" from users u where u.role = 'county_manager' and u.org_id in (select org_id from orders group by org_id) order by u.org_id limit ${USERS / 2 + 1}`,
);
const allocator = managers.pop()!;
const words = (await query<{ w: string }>(db, sql`select distinct substr(shop_name, 1, 2) as w from retailers where org_id = ${managers[0].orgId} limit 200`)).map((r) => r.w);
let seed = 4242;
const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];

type Sample = { kind: 'rollup' | 'county'; what: string; ms: number; phase: 'steady' | 'job' };
const samples: Sample[] = [];
let phase: Sample['phase'] = 'steady';
let running = true;
const timed = async (kind: Sample['kind'], what: string, f: () => Promise<unknown>) => {
  const t = performance.now();
  const out = await f();
  samples.push({ kind, what, ms: performance.now() - t, phase });
  return out;
};
const think = () => new Promise((r) => setTimeout(r, THINK_MS * (0.5 + rnd())));

async function regionalUser(i: number) {
  const cookie = i % 2 === 0 ? await login('province', 'province123') : await login('city', 'city123');
  const me = await get(cookie, '/api/org-tree');
  const myCities = me.home.level === 'province' ? cities : [me.home.orgId];
  while (running) {
    const r = rnd();
    if (r < 0.4) await timed('rollup', 'by city', () => get(cookie, '/api/rollups'));
    else if (r < 0.8) await timed('rollup', 'by county', () => get(cookie, `/api/rollups?parentId=${pick(myCities)}`));
    else await timed('rollup', 'province search', () => get(cookie, `/api/rollups/retailers?q=${encodeURIComponent(pick(words))}`));
    await think();
  }
}
async function countyUser(i: number) {
  const m = managers[i % managers.length];
  const cookie = await login(m.username, 'manager123');
  while (running) {
    const list = await timed('county', 'search', () => get(cookie, `/api/retailers?q=${encodeURIComponent(pick(words))}&pageSize=20`));
    await think();
    const items = (list as { items: { id: number }[] }).items;
    if (items.length) {
      await timed('county', 'card', () => get(cookie, `/api/retailers/${pick(items).id}`));
      await think();
    }
  }
}
const users = [...Array.from({ length: USERS / 2 }, (_, i) => regionalUser(i)), ...Array.from({ length: USERS / 2 }, (_, i) => countyUser(i))];
await new Promise((r) => setTimeout(r, SECONDS * 1000));

// --- one county's plan allocated as a job while they work ---
phase = 'job';
const allocatorCookie = await login(allocator.username, 'manager123');
const beijing = new Date(now.getTime() + 8 * 3600_000);
const monday = new Date(Date.UTC(beijing.getUTCFullYear(), beijing.getUTCMonth(), beijing.getUTCDate() - ((beijing.getUTCDay() + 6) % 7)));
// This week, or (a database kept from an earlier run) the first later week without a plan.
let plan;
for (let w = 0; !plan; w++) {
  const week = new Date(monday.getTime() + w * 7 * 86400_000).toISOString().slice(0, 10);
  plan = await post(allocatorCookie, '/api/supply-plans', { weekStart: week, note: 'bench:province' }).catch((e: Error) => {
    if (w < 20 && e.message.includes('plan_week_exists')) return undefined;
    throw e;
  });
}
const ta = Date.now();
const queued = await post(allocatorCookie, `/api/supply-plans/${plan.plan.id}/allocate`);
let job;
for (;;) {
  await new Promise((r) => setTimeout(r, 250));
  job = await get(allocatorCookie, `/api/jobs/${queued.job.id}`);
  if (job.state === 'completed' || job.state === 'failed') break;
}
const allocationSeconds = (Date.now() - ta) / 1000;
if (job.state !== 'completed') throw new Error(`allocation job ${job.state}: ${job.error}`);
// Keep the users going a little after, so the during-job figure has samples even for a quick job.
const jobSamples = samples.filter((s) => s.phase === 'job').length;
if (jobSamples < 50) await new Promise((r) => setTimeout(r, 3000));
running = false;
await Promise.all(users);
server.kill('SIGTERM');
worker?.kill('SIGTERM');
await database.close();

const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? +s[Math.min(s.length - 1, Math.floor(s.length * 0.95))].toFixed(1) : null;
};
const of = (kind: Sample['kind'], ph: Sample['phase']) => samples.filter((s) => s.kind === kind && s.phase === ph).map((s) => s.ms);
console.log(`steady ${SECONDS} s: ${of('rollup', 'steady').length} roll-up requests, ${of('county', 'steady').length} county requests; during the job (${allocationSeconds.toFixed(1)} s): ${of('county', 'job').length} county requests`);
for (const ph of ['steady', 'job'] as const) {
  const by = new Map<string, number[]>();
  for (const x of samples.filter((y) => y.phase === ph)) by.set(`${x.kind} ${x.what}`, [...(by.get(`${x.kind} ${x.what}`) ?? []), x.ms]);
  console.log(`${ph}: ${[...by].map(([k, v]) => `${k} p95 ${p95(v)} ms (n=${v.length})`).join('; ')}`);
}
const [{ load }] = [{ load: (await import('node:os')).loadavg()[0].toFixed(1) }];
console.log(`load average at the end: ${load}`);
console.log(
  JSON.stringify({
    counties: size.counties,
    retailers: size.retailers,
    counties_with_orders: size.withOrders,
    orders: size.orders,
    order_lines: size.lines,
    weeks: WEEKS,
    rollup_p95_ms: p95(of('rollup', 'steady')),
    county_p95_ms: p95(of('county', 'steady')),
    allocation_job_seconds: +allocationSeconds.toFixed(2),
    county_p95_during_job_ms: p95(of('county', 'job')),
    rollup_p95_during_job_ms: p95(of('rollup', 'job')),
    rollup_refresh_seconds: +rollupRefreshSeconds.toFixed(1),
    generation_seconds: keep ? null : +generationSeconds.toFixed(0),
  }),
);
