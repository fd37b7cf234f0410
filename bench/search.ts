// bench:search — a province-size data set (300,000 retailers) on the
// PostgreSQL server, searched and opened through the HTTP API by 10 concurrent
// clients, twice: first with no pause between requests (the machine saturated:
// throughput, and the `saturated_*` latencies, which are queueing), then as
// people use it, each client pausing for a think time between requests
// (exponential, mean --think-ms, default 1000: reading a result list or a card
// takes longer) — the `search_p95_ms` and `card_p95_ms` figures. Prints
// per-kind figures and, as its last line, one JSON object.
//
//   npm run bench:search [-- --retailers 300000 --requests 2000 --think-ms 1000 --reuse]
//   BENCH_DATABASE_URL=postgres://… (default: the local server, database zy_bench_search)
import { spawn } from 'node:child_process';
import net from 'node:net';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { openDatabase, query, type Db } from '../src/db/client.js';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { retailers as retailersTable } from '../src/db/schema.js';
import { pinyinInitials, retailerSearchTokens } from '../src/domain/retailers/search-tokens.js';

const { values: args } = parseArgs({
  options: {
    retailers: { type: 'string', default: '300000' },
    requests: { type: 'string', default: '2000' },
    clients: { type: 'string', default: '10' },
    'think-ms': { type: 'string', default: '1000' },
    reuse: { type: 'boolean', default: false },
  },
});
const target = Number(args.retailers);
const totalRequests = Number(args.requests);
const clients = Number(args.clients);
const thinkMs = Number(args['think-ms']);
const baseUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const dbName = 'zy_bench_search';
const url = new URL(baseUrl);
url.pathname = `/${dbName}`;

const log = (...a: unknown[]) => console.log(...a);
const t0 = Date.now();

async function exists(): Promise<boolean> {
  const c = new pg.Client({ connectionString: baseUrl });
  await c.connect();
  const r = await c.query('select 1 from pg_database where datname = $1', [dbName]);
  if (!args.reuse || !r.rowCount) {
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.query(`create database ${dbName}`);
  }
  await c.end();
  return Boolean(args.reuse && r.rowCount);
}

/** Copy the county's stations, workers and grids k times, then its retailers with new codes, phones and positions. */
async function scaleUp(db: Db, copies: number) {
  await db.execute(sql`insert into stations (org_id, code, name, address, lat, lng)
    select org_id, code || '-' || k, name || k, address, lat, lng from stations cross join generate_series(1, ${copies}) k`);
  await db.execute(sql`insert into users (org_id, username, display_name, password_hash, role, station_id)
    select u.org_id, u.username || '_' || k, u.display_name, u.password_hash, u.role, s2.id
    from users u join stations s on s.id = u.station_id cross join generate_series(1, ${copies}) k
    join stations s2 on s2.code = s.code || '-' || k where u.role in ('grid_worker', 'station_head')`);
  await db.execute(sql`insert into grids (org_id, station_id, code, name, worker_id, policy, targets)
    select g.org_id, s2.id, g.code || '-' || k, g.name || '-' || k, u2.id, g.policy, g.targets
    from grids g join stations s on s.id = g.station_id cross join generate_series(1, ${copies}) k
    join stations s2 on s2.code = s.code || '-' || k
    left join users u on u.id = g.worker_id left join users u2 on u2.username = u.username || '_' || k`);
  const gridIds = new Map(
    (await query<{ code: string; id: number }>(db, sql`select code, id from grids`)).map((g) => [g.code, g.id]),
  );
  const originals = await query<Record<string, unknown> & { gridCode: string }>(
    db,
    sql`select r.*, g.code as "gridCode" from retailers r join grids g on g.id = r.grid_id order by r.id`,
  );
  const batch: (typeof retailersTable.$inferInsert)[] = [];
  const flush = async () => {
    if (batch.length) await db.insert(retailersTable).values(batch.splice(0));
  };
  // Licence numbers are 430281 + 6 digits: skip the ones the county already uses.
  const taken = new Set(originals.map((o) => String(o.licence_no)));
  let serial = 0;
  const nextLicence = () => {
    let l: string;
    do l = `430281${String(++serial).padStart(6, '0')}`;
    while (taken.has(l));
    return l;
  };
  let n = 0;
  for (let k = 1; k <= copies; k++) {
    for (const o of originals) {
      n++;
      const customerCode = `9${String(k).padStart(3, '0')}${String(n).padStart(8, '0')}`;
      const licenceNo = nextLicence();
      const phone = `1${3 + (n % 7)}${String((n * 7919) % 1_000_000_000).padStart(9, '0')}`;
      const shopName = String(o.shop_name);
      const s = retailerSearchTokens({
        shopName,
        customerCode,
        licenceNo,
        phone,
        address: String(o.address),
        legalPerson: String(o.legal_person),
      });
      batch.push({
        orgId: Number(o.org_id),
        customerCode,
        licenceNo,
        shopName,
        shopNameInitials: pinyinInitials(shopName),
        address: String(o.address),
        phone,
        legalPerson: String(o.legal_person),
        businessFormat: String(o.business_format),
        districtType: String(o.district_type),
        network: String(o.network),
        gridId: gridIds.get(`${o.gridCode}-${k}`)!,
        eSettlement: Boolean(o.e_settlement),
        settlementMethod: String(o.settlement_method),
        orderWeekday: Number(o.order_weekday),
        familyMembers: o.family_members as never,
        familyNote: String(o.family_note),
        lat: Number(o.lat) + ((k % 10) - 5) * 0.002,
        lng: Number(o.lng) + (Math.floor(k / 10) - 5) * 0.002,
        star: Number(o.star),
        tier: Number(o.tier),
        classCode: String(o.class_code),
        searchTokens: s.tokens,
      });
      if (batch.length >= 1000) await flush();
    }
    if (k % 10 === 0) log(`  copies ${k}/${copies}`);
  }
  await flush();
}

function percentile(sorted: number[], p: number) {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = net.createServer();
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

const reused = await exists();
const database = await openDatabase({ url: url.toString() });
const db = database.db;
let [{ n: count }] = await query<{ n: number }>(db, sql`select count(*)::int n from retailers`);
if (!reused || count < target) {
  log('seeding the demo county (3,000 retailers, 8 weeks of orders)…');
  await seedDemoCounty(db, { seed: 7, today: new Date('2026-11-24T00:00:00Z'), weeks: 8 });
  [{ n: count }] = await query<{ n: number }>(db, sql`select count(*)::int n from retailers`);
  const copies = Math.max(0, Math.ceil(target / count) - 1);
  log(`scaling to ${target} retailers (${copies} copies)…`);
  await scaleUp(db, copies);
  await db.execute(sql`analyze`);
  [{ n: count }] = await query<{ n: number }>(db, sql`select count(*)::int n from retailers`);
}
const buildSeconds = (Date.now() - t0) / 1000;
log(`data set: ${count} retailers, built in ${buildSeconds.toFixed(0)} s`);

// Query workload drawn from the data: name fragments, initials, phone tails, codes, addresses.
const sample = await query<{ id: number; shopName: string; phone: string; customerCode: string; address: string; initials: string }>(
  db,
  sql`select id, shop_name as "shopName", phone, customer_code as "customerCode", address, shop_name_initials as initials
    from retailers order by hashint4(id) limit 400`,
);
await database.close();

const port = await freePort();
const server = spawn(process.execPath, ['--import', 'tsx', 'src/cli/serve.ts'], {
  env: { ...process.env, DATABASE_URL: url.toString(), DEMO: '0', PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
  stdio: ['ignore', 'pipe', 'inherit'],
});
await new Promise<void>((resolve) => server.stdout!.on('data', (d: Buffer) => d.toString().includes('ready') && resolve()));
const base = `http://127.0.0.1:${port}`;

async function login(username: string, password: string) {
  const res = await fetch(`${base}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return res.headers.get('set-cookie')!.split(';')[0];
}
const manager = await login('manager', 'manager123');
const agent = await login('agent', 'agent123');

const pick = <T>(a: T[], i: number) => a[i % a.length];
const searches = (i: number) => {
  const r = pick(sample, i * 7);
  const chars = Array.from(r.shopName);
  switch (i % 5) {
    case 0: return chars.slice(0, 2).join('');
    case 1: return r.initials.slice(0, Math.min(4, r.initials.length));
    case 2: return r.phone.slice(-4);
    case 3: return r.customerCode;
    default: return Array.from(r.address).slice(-5, -1).join('');
  }
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
let seed = 99;
const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);

/** `requests` requests by `clients` clients after `warmup` unmeasured ones; with a think time between requests when given. */
async function run(requests: number, warmup: number, think: number) {
  const lat: { search: number[]; card: number[]; byKind: number[][] } = { search: [], card: [], byKind: [[], [], [], [], []] };
  let next = -warmup;
  let errors = 0;
  let tRun = Date.now();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      const cookie = c % 2 ? manager : agent;
      if (think) await sleep(rnd() * think);
      while (next < requests) {
        const i = next++;
        if (i === 0) tRun = Date.now();
        const isSearch = (i + warmup) % 2 === 0;
        const path = isSearch
          ? `/api/retailers?q=${encodeURIComponent(searches(i + warmup))}&pageSize=20`
          : `/api/retailers/${pick(sample, (i + warmup) * 13).id}`;
        const s = performance.now();
        const res = await fetch(base + path, { headers: { cookie } });
        await res.arrayBuffer();
        const ms = performance.now() - s;
        if (res.status !== 200) errors++;
        if (i >= 0) (isSearch ? lat.search : lat.card).push(ms);
        if (i >= 0 && isSearch) lat.byKind[(i + warmup) % 5].push(ms);
        if (think) await sleep(-Math.log(1 - rnd()) * think);
      }
    }),
  );
  return { lat, errors, seconds: (Date.now() - tRun) / 1000 };
}

// Warm-up, not measured: JIT, the connection pool filling, PostgreSQL's caches.
const saturated = await run(totalRequests, Math.min(300, totalRequests), 0);
const paced = await run(Math.round(totalRequests / 2), 0, thinkMs);
const lat = paced.lat;
const errors = saturated.errors + paced.errors;
const runSeconds = saturated.seconds;
server.kill('SIGTERM');

const summary = (a: number[]) => {
  const s = [...a].sort((x, y) => x - y);
  return { p50: +percentile(s, 50).toFixed(1), p95: +percentile(s, 95).toFixed(1), p99: +percentile(s, 99).toFixed(1), n: s.length };
};
const search = summary(lat.search);
const card = summary(lat.card);
const satSearch = summary(saturated.lat.search);
const satCard = summary(saturated.lat.card);
log(`saturated (no think time, ${(totalRequests / runSeconds).toFixed(0)} req/s): search ${JSON.stringify(satSearch)}, card ${JSON.stringify(satCard)}`);
log(`paced (think time mean ${thinkMs} ms, ${(paced.lat.search.length + paced.lat.card.length) / paced.seconds | 0} req/s):`);
log(`search: ${JSON.stringify(search)}`);
const kinds = ['name (2 characters)', 'pinyin initials', 'phone tail (4 digits)', 'customer code', 'address fragment'];
for (const [k, name] of kinds.entries()) log(`  ${name}: ${JSON.stringify(summary(lat.byKind[k]))}`);
log(`card:   ${JSON.stringify(card)}`);
log(`machine: ${os.cpus().length} cores, ${os.cpus()[0]?.model}, node ${process.version}`);
console.log(
  JSON.stringify({
    retailers: count,
    clients,
    requests: totalRequests,
    errors,
    search_p50_ms: search.p50,
    search_p95_ms: search.p95,
    card_p50_ms: card.p50,
    card_p95_ms: card.p95,
    think_ms: thinkMs,
    saturated_search_p50_ms: satSearch.p50,
    saturated_search_p95_ms: satSearch.p95,
    saturated_card_p50_ms: satCard.p50,
    saturated_card_p95_ms: satCard.p95,
    throughput_rps: +(totalRequests / runSeconds).toFixed(0),
    build_seconds: +buildSeconds.toFixed(0),
  }),
);
process.exit(0);
