// `npm run bench:notices` (issue 16, decisions 1130, 1131): province scale on
// the PostgreSQL server, in its own database (bench_notices; BENCH_KEEP=1
// reuses it).
// 1. The province: the demo county (3,000 shops, 2 weeks of orders) copied
//    set-based to 100 counties (300,000 shops, as bench:province does), a
//    published plan per county with tomorrow's order window, one phone
//    number per shop.
// 2. Generate: the hourly generator's order-window reminders for tomorrow's
//    weekday in every county (outbox → notices, set-based) and their SMS
//    (every shop unread at the fallback time): `generate_seconds`.
// 3. Send: a fake gateway (this process) at `gateway_rate_per_s` numbers a
//    second with 5 % of calls failing (500 before or after recording, or no
//    answer after recording); the sender is its own process, SIGKILLed once
//    when ~40 % are sent and started again. `send_rate_per_s` is sent over
//    the wall time from the first start to the end, the kill included.
// 4. Checks from the gateway's records: duplicates (a number texted twice),
//    lost (a reminder the gateway never recorded), quiet-hour violations
//    (recorded 21:00–08:00 Shanghai by the simulated clock). Last line JSON.
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { seedProvince } from '../src/app/demo/province-seed.js';
import { generateReminders, generateWindowNotices } from '../src/app/notices/generate-window-notices.js';
import { queueFallbacks } from '../src/jobs/notices/dispatch-notices.js';
import { configureNotices } from '../src/jobs/notices/notice-config.js';
import { startFakeGateway } from '../src/jobs/notices/fake-gateway.js';
import { inQuietHours } from '../src/domain/notices/quiet-hours.js';
import { benchDatabase } from './bench-database.js';

const name = process.env.BENCH_DB ?? 'bench_notices';
const COUNTIES = Number(process.env.BENCH_COUNTIES ?? 100);
const RATE = Number(process.env.BENCH_RATE ?? 400);
const FAIL = Number(process.env.BENCH_FAIL ?? 0.05);
// Monday 7 December 2026, 10:00 Beijing: tomorrow (Tuesday) is the weekday whose shops are reminded.
const SIM_START = Date.parse(process.env.BENCH_SIM_START ?? '2026-12-07T02:00:00Z');
const TODAY = new Date(SIM_START);
const WEEK = '2026-12-07';
const TOMORROW = '2026-12-08';

const { url, kept: keep } = await benchDatabase(name, { keep: process.env.BENCH_KEEP === '1' });
const database = await openDatabase({ url, poolSize: 4 });
const db = database.db;
if (!keep) {
  const t = Date.now();
  const seeded = await seedDemoCounty(db, { seed: 430281, today: TODAY, retailers: 3000, weeks: 2 });
  console.log(`template county: ${seeded.retailers} retailers in ${(seeded.ms / 1000).toFixed(1)} s`);
  await seedProvince(db, { counties: COUNTIES, withOrders: 0, onProgress: (d, n) => d % 20 === 0 && console.log(`  county ${d + 1}/${n + 1} after ${((Date.now() - t) / 1000).toFixed(0)} s`) });
  // One number per shop (the generator's copies share the template's numbers), SMS for everyone.
  await db.execute(sql`update retailers set phone = '13' || lpad(id::text, 9, '0')`);
  await db.execute(sql`analyze retailers`);
  console.log(`province generated in ${((Date.now() - t) / 1000).toFixed(0)} s`);
}
// A clean start for the notices: this run's plan and window in every county, nothing generated yet.
await db.execute(sql`delete from notice_deliveries`);
await db.execute(sql`delete from notices`);
await db.execute(sql`delete from outbox`);
await db.execute(sql`delete from notice_preferences`);
await db.execute(sql`insert into supply_plans (org_id, week_start, status, published_at)
  select u.org_id, ${WEEK}::date, 'published', ${TODAY.toISOString()}::timestamptz from org_units u where u.level = 'county'
  on conflict (org_id, week_start) do update set status = 'published'`);
await db.execute(sql`delete from order_windows w using supply_plans p where p.org_id = w.org_id and p.id = w.plan_id and p.week_start = ${WEEK}::date`);
await db.execute(sql`insert into order_windows (org_id, plan_id, weekday, order_date, opens_at, closes_at)
  select p.org_id, p.id, 2, ${TOMORROW}::date, ${`${TOMORROW}T00:00:00+08:00`}::timestamptz, ${`${TOMORROW}T23:59:00+08:00`}::timestamptz
  from supply_plans p where p.week_start = ${WEEK}::date`);
const [size] = await query<{ counties: number; retailers: number; due: number }>(db, sql`select (select count(*)::int from org_units where level = 'county') as counties,
  (select count(*)::int from retailers) as retailers, (select count(*)::int from retailers where status = 'active' and order_weekday = 2) as due`);
console.log(`province: ${size.counties} counties, ${size.retailers} retailers, ${size.due} active shops ordering on Tuesdays`);

// --- 2. generate ---
configureNotices({ fallbackMinutes: 0 });
const counties = await query<{ id: number }>(db, sql`select org_id as id from org_units where level = 'county' order by org_id`);
const g0 = Date.now();
let reminders = 0;
reminders += await generateReminders(db, counties.map((c) => c.id), TODAY);
const deliveries = await queueFallbacks(db, TODAY);
const generateSeconds = (Date.now() - g0) / 1000;
console.log(`generated ${reminders} reminders and ${deliveries} SMS deliveries in ${generateSeconds.toFixed(1)} s`);
const [again] = [await Promise.all(counties.slice(0, 3).map((c) => generateWindowNotices(db, c.id, TODAY)))];
if (again.some((x) => x.reminders)) throw new Error('a second generation wrote reminders again');

// --- 3. send ---
const realStart = Date.now();
const gw = await startFakeGateway({ ratePerSecond: RATE, failRate: FAIL, receiptDelayMs: 1000, hangMs: 3000, seed: 16, clock: () => SIM_START + (Date.now() - realStart) });
const childEnv = { ...process.env, BENCH_URL: url, BENCH_GATEWAY: gw.url, BENCH_RATE: String(RATE), BENCH_SIM_START: String(SIM_START), BENCH_REAL_START: String(realStart) };
const start = (): ChildProcess => spawn(process.execPath, ['--import', 'tsx', 'bench/notices-sender.ts'], { env: childEnv, stdio: ['ignore', 'pipe', 'inherit'] });
const follow = (p: ChildProcess) => {
  let last = '';
  p.stdout!.on('data', (b: Buffer) => {
    last = b.toString().trim().split('\n').pop() ?? last;
  });
  return () => last;
};
let sender = start();
let tail = follow(sender);
const exit = (p: ChildProcess) => new Promise<number | null>((res) => p.on('exit', (code) => res(code)));
let exited = exit(sender);
const killAt = Math.round(deliveries * 0.4);
for (;;) {
  await new Promise((r) => setTimeout(r, 200));
  if (gw.records.length >= killAt) break;
}
sender.kill('SIGKILL');
await exited;
const [atKill] = await query<{ sending: number; sent: number }>(db, sql`select count(*) filter (where state = 'sending')::int as sending, count(*) filter (where state in ('sent', 'delivered'))::int as sent from notice_deliveries`);
console.log(`SIGKILL after ${((Date.now() - realStart) / 1000).toFixed(1)} s: gateway has ${gw.records.length}, rows sent ${atKill.sent}, in doubt ${atKill.sending}`);
sender = start();
tail = follow(sender);
exited = exit(sender);
const code = await exited;
const sendSeconds = (Date.now() - realStart) / 1000;
console.log(`sender finished (exit ${code}); its last round: ${tail()}`);
if (code !== 0) throw new Error('the sender failed');

// --- 4. checks ---
const [end] = await query<{ sent: number; failed: number; other: number; attempts: number }>(db, sql`select count(*) filter (where state in ('sent', 'delivered'))::int as sent,
  count(*) filter (where state = 'failed')::int as failed, count(*) filter (where state not in ('sent', 'delivered', 'failed'))::int as other, coalesce(max(attempts), 0)::int as attempts from notice_deliveries`);
const perNumber = new Map<string, number>();
for (const r of gw.records) perNumber.set(r.address, (perNumber.get(r.address) ?? 0) + 1);
const duplicates = [...perNumber.values()].filter((n) => n > 1).reduce((a, n) => a + n - 1, 0);
const addresses = await query<{ address: string }>(db, sql`select address from notice_deliveries`);
const lost = addresses.filter((a) => !perNumber.has(a.address)).length;
const quiet = gw.records.filter((r) => inQuietHours(new Date(r.at))).length;
const sendRate = end.sent / sendSeconds;
console.log(`sent ${end.sent}, failed ${end.failed}, other ${end.other}; most attempts ${end.attempts}; gateway: ${gw.records.length} records, ${gw.stats.injected} injected failures, ${gw.stats.rateLimited} rate-limit answers`);
console.log(`send ${sendSeconds.toFixed(1)} s wall (kill and restart included): ${sendRate.toFixed(1)}/s at a gateway rate of ${RATE}/s (${((sendRate / RATE) * 100).toFixed(1)} %)`);
console.log(`machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg().map((x) => x.toFixed(1)).join(' ')}`);
await gw.close();
await database.close();
console.log(JSON.stringify({
  retailers: size.retailers, counties: size.counties, reminders, deliveries, generate_seconds: Math.round(generateSeconds * 10) / 10, sent: end.sent,
  gateway_rate_per_s: RATE, send_rate_per_s: Math.round(sendRate * 10) / 10, send_seconds: Math.round(sendSeconds * 10) / 10, injected_failures: gw.stats.injected,
  duplicates, lost, quiet_hour_violations: quiet,
}));
