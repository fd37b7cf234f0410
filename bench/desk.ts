// bench:desk — the service desk's figures (issue 15):
//  1. the timer sweep on a province-size data set on the PostgreSQL server:
//     300,000 retailers in 100 counties and 50,000 open cases whose warning
//     and deadline times are spread over three days either side of the clock;
//     a catch-up sweep takes the backlog, then twelve five-minute sweeps (the
//     schedule's) are timed: sweep_ms is the worst of them;
//  2. 100,000 random deadline computations (addWorkingMinutes with pauses,
//     over 2025–2027 with the statutory holiday tables) checked against the
//     minute-by-minute reference.
// Prints figures and, as its last line, one JSON object.
//
//   npm run bench:desk [-- --retailers 300000 --cases 50000 --checks 100000]
//   BENCH_DATABASE_URL=postgres://… (default: the local server, database zy_bench_desk)
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { sweepDeadlines } from '../src/app/desk/sweep-deadlines.js';
import { addWorkingMinutes, makeWorkingCalendar, type Interval } from '../src/domain/calendar/working-time.js';
import { referenceAddWorkingMinutes } from '../src/domain/calendar/working-time-reference.js';
import { DEFAULT_DESK_POLICY } from '../src/domain/desk/case-deadlines.js';

const { values: args } = parseArgs({
  options: {
    retailers: { type: 'string', default: '300000' },
    cases: { type: 'string', default: '50000' },
    counties: { type: 'string', default: '100' },
    checks: { type: 'string', default: '100000' },
  },
});
const nRetailers = Number(args.retailers);
const nCases = Number(args.cases);
const nCounties = Number(args.counties);
const nChecks = Number(args.checks);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = 'zy_bench_desk';
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;

async function sweepHalf() {
  const admin = new pg.Client({ connectionString: baseUrl });
  await admin.connect();
  await admin.query(`drop database if exists ${dbName} with (force)`);
  await admin.query(`create database ${dbName}`);
  await admin.end();
  const database = await openDatabase({ url: url.toString() });
  const db = database.db;
  const t0 = Date.now();
  await db.execute(sql`insert into orgs (code, name, adcode, boundary, center_lat, center_lng)
    select 'C' || i, '县' || i, lpad((430000 + i)::text, 6, '0'), '{"type":"Polygon","coordinates":[]}'::jsonb, 28, 113 from generate_series(1, ${nCounties}) i`);
  await db.execute(sql`insert into stations (org_id, code, name, lat, lng) select id, 'S1', '站', 28, 113 from orgs`);
  await db.execute(sql`insert into users (org_id, username, display_name, password_hash, role, station_id)
    select o.id, 'head' || o.id, '站长', 'x', 'station_head', s.id from orgs o join stations s on s.org_id = o.id`);
  await db.execute(sql`insert into grids (org_id, station_id, code, name) select org_id, id, 'G1', '网格' from stations`);
  await db.execute(sql`insert into retailers (org_id, customer_code, licence_no, shop_name, shop_name_initials, address, phone, legal_person,
      business_format, district_type, network, grid_id, order_weekday, lat, lng)
    select g.org_id, lpad(i::text, 12, '0'), lpad(i::text, 12, '0'), '店' || i, 'D', '地址', '13800000000', '某', 'Z', 'residential', 'urban', g.id, 1 + i % 5, 28, 113
    from generate_series(1, ${nRetailers}) i join grids g on g.org_id = 1 + i % ${nCounties}`);
  // Open cases: opened over the last days; warning and deadline times spread from 3 days before to 3 days after the clock.
  const now = new Date('2026-11-24T02:00:00Z');
  await db.execute(sql`insert into desk_cases (org_id, kind, channel, category, cause, jurisdiction, retailer_id, grid_id, station_id, handler_id, text,
      policy_version, status, milestone, warn_at, due_at, county_at, opened_at)
    select r.org_id, 'complaint', 'phone', 'supply', 'scarce_short', 'marketing', r.id, r.grid_id, g.station_id, u.id, '紧俏烟不足', 0, 'open', 'reply',
      ${now.toISOString()}::timestamptz + make_interval(mins => (hashint4(r.id) % 4320)) - interval '1 hour',
      ${now.toISOString()}::timestamptz + make_interval(mins => (hashint4(r.id) % 4320)),
      ${now.toISOString()}::timestamptz + make_interval(mins => (hashint4(r.id) % 4320)) + interval '8 hours',
      ${now.toISOString()}::timestamptz - interval '3 days'
    from retailers r join grids g on g.id = r.grid_id join users u on u.station_id = g.station_id
    where r.id % ${Math.max(1, Math.floor(nRetailers / nCases))} = 0 limit ${nCases}`);
  await db.execute(sql`analyze`);
  const [{ open }] = await query<{ open: number }>(db, sql`select count(*)::int as open from desk_cases where status = 'open'`);
  console.log(`data: ${nRetailers} retailers, ${open} open cases in ${nCounties} counties (${((Date.now() - t0) / 1000).toFixed(1)} s)`);
  // The first sweep catches up on three days of backlog at once (a server that was down); then the schedule's
  // five-minute sweeps over an hour, each finding what came due since the last: sweep_ms is their worst.
  const c0 = performance.now();
  const first = await sweepDeadlines(db, now);
  const catchUp = performance.now() - c0;
  console.log(`catch-up sweep (3 days of backlog): ${catchUp.toFixed(0)} ms (warned ${first.warned}, breached ${first.breached}, county ${first.county})`);
  const times: number[] = [];
  let found = 0;
  for (let i = 1; i <= 12; i++) {
    const at = new Date(now.getTime() + i * 5 * 60_000);
    const s0 = performance.now();
    const r = await sweepDeadlines(db, at);
    times.push(performance.now() - s0);
    found += r.warned + r.breached + r.county;
  }
  const sorted = [...times].sort((a, b) => a - b);
  console.log(`12 five-minute sweeps: median ${sorted[6].toFixed(0)} ms, max ${sorted[11].toFixed(0)} ms, ${found} marks`);
  await database.close();
  return { open, sweepMs: Math.round(sorted[11]), catchUpMs: Math.round(catchUp) };
}

function deadlineHalf() {
  const cal = makeWorkingCalendar({ periods: DEFAULT_DESK_POLICY.periods });
  let seed = 42;
  const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const from = Date.UTC(2025, 0, 1);
  const span = Date.UTC(2027, 9, 1) - from; // starts up to Oct 2027, so deadlines stay inside the tables' years
  let mismatches = 0;
  let us = 0;
  for (let i = 0; i < nChecks; i++) {
    const start = new Date(from + Math.floor((rnd() * span) / 60_000) * 60_000);
    const minutes = 1 + Math.floor(rnd() * 2250);
    const pauses: Interval[] = [];
    if (rnd() < 0.3) {
      const p0 = start.getTime() + Math.floor(rnd() * 3 * 24 * 60) * 60_000;
      pauses.push({ from: new Date(p0), to: new Date(p0 + Math.floor(rnd() * 24 * 60) * 60_000) });
    }
    const t0 = performance.now();
    const got = addWorkingMinutes(cal, start, minutes, pauses);
    us += (performance.now() - t0) * 1000;
    const want = referenceAddWorkingMinutes(cal, start, minutes, pauses);
    if (got.getTime() !== want.getTime()) mismatches++;
  }
  console.log(`deadlines: ${nChecks} checked against the minute-by-minute reference, ${mismatches} mismatches, ${(us / nChecks).toFixed(2)} µs per call`);
  return { mismatches, usPerCall: Math.round((us / nChecks) * 100) / 100 };
}

const sweep = await sweepHalf();
const deadlines = deadlineHalf();
console.log(
  JSON.stringify({
    open_cases: sweep.open,
    sweep_ms: sweep.sweepMs,
    sweep_catch_up_ms: sweep.catchUpMs,
    deadline_checks: nChecks,
    deadline_mismatches: deadlines.mismatches,
    deadline_us_per_call: deadlines.usPerCall,
  }),
);
