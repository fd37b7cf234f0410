// Which single SQL statements block the embedded database's thread for long?
// `npx tsx bench/pglite-statements.ts` (after `npm run bench:event-loop` has
// built its demo-county template). PGlite runs SQL in WebAssembly on the
// calling thread, so one long statement stalls every request of the server.
// This opens a copy of the template in this process, times every statement
// the heavy requests of bench:event-loop run (the same db functions, called
// directly), and prints the ones over BENCH_SLOW_MS (default 250 ms), slowest
// first. Last line is JSON.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import type { Viewer } from '../src/domain/access/viewer.js';
import { createPlan, runAllocation } from '../src/app/ordering/supply-plans.js';
import { findRetailerExportPages, findRetailerIdsForExport } from '../src/app/retailers/retailer-export.js';
import { computeRatingRun } from '../src/jobs/rating-batch.js';
import { createRun } from '../src/app/rating/rating-runs.js';
import { getActiveScheme } from '../src/app/rating/rating-schemes.js';
import { findDenseSpots } from '../src/app/grids/layout-analysis.js';
import { createProposal } from '../src/app/grids/grid-proposals.js';
import { planVisitCalendars } from '../src/jobs/plan-visit-calendars.js';
import { proposeDelivery } from '../src/app/grids/service-delivery.js';
import { stopComputeWorkers } from '../src/solver/compute.js';
import { stopLpWorker } from '../src/solver/solve-lp.js';

const RETAILERS = Number(process.env.DEMO_RETAILERS ?? 3000);
const SLOW_MS = Number(process.env.BENCH_SLOW_MS ?? 250);
const today = new Date().toISOString().slice(0, 10);
const template = path.join(os.tmpdir(), `zy-bench-event-loop-${RETAILERS}-${today}`);
if (!fs.existsSync(path.join(template, 'READY'))) throw new Error(`no template ${template}: run npm run bench:event-loop first`);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zy-bench-pglite-statements-'));
fs.cpSync(template, dir, { recursive: true });

// Time every statement at the client: PGlite's query and exec run synchronously inside.
type Timing = { step: string; ms: number; sql: string };
const timings: Timing[] = [];
let step = 'open';
type Runner = Record<'query' | 'exec', (...a: unknown[]) => Promise<unknown>>;
function timed(target: Runner, name: 'query' | 'exec') {
  const original = target[name];
  target[name] = async function (this: unknown, ...args: unknown[]) {
    const t = performance.now();
    try {
      return await original.apply(this, args);
    } finally {
      timings.push({ step, ms: performance.now() - t, sql: String(args[0]).replace(/\s+/g, ' ').slice(0, 140) });
    }
  };
}
const proto = PGlite.prototype as unknown as Runner & { transaction: (cb: (tx: Runner) => Promise<unknown>) => Promise<unknown> };
timed(proto, 'query');
timed(proto, 'exec');
// Statements inside a transaction go through the transaction's own object.
const transaction = proto.transaction;
proto.transaction = function (this: unknown, cb) {
  return transaction.call(this, (tx: Runner) => {
    timed(tx, 'query');
    timed(tx, 'exec');
    return cb(tx);
  });
};

const database = await openDatabase({ dataDir: dir });
const db = database.db;
const [manager] = await query<Viewer>(
  db,
  sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId" from users where username = 'manager'`,
);
const now = new Date();
const monday = new Date(now);
monday.setUTCDate(monday.getUTCDate() + ((8 - monday.getUTCDay()) % 7 || 7));
const grids = await query<{ n: number }>(db, sql`select count(distinct grid_id)::int as n from retailers where org_id = ${manager.orgId} and status = 'active'`);

const steps: [string, () => Promise<unknown>][] = [
  ['delivery points', () => proposeDelivery(db, manager, { p: 100, maxKm: 50, remoteKm: 0.5 })],
  ['dense spots', () => findDenseSpots(db, manager, { radiusM: 150, minCount: 6 })],
  ['grid partition', () => createProposal(db, manager, { grids: grids[0].n }, now)],
  ['visit plans', () => planVisitCalendars(db, { orgId: manager.orgId, date: today }, now)],
  [
    'allocation',
    async () => {
      const id = await createPlan(db, manager, { weekStart: monday.toISOString().slice(0, 10), note: '' });
      return runAllocation(db, manager, id, now);
    },
  ],
  [
    'export',
    async () => {
      const ids = await findRetailerIdsForExport(db, manager, { page: 1, pageSize: 50, sort: 'code', order: 'asc' } as never);
      for await (const _page of findRetailerExportPages(db, manager, ids));
    },
  ],
  [
    'rating batch',
    async () => {
      // The latest full month not yet published (the demo publishes some).
      const published = new Set(
        (await query<{ month: string }>(db, sql`select month from rating_runs where org_id = ${manager.orgId} and status = 'published'`)).map((r) => r.month),
      );
      let back = 1;
      const monthOf = (k: number) => new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - k, 1)).toISOString().slice(0, 7);
      while (published.has(monthOf(back))) back++;
      const month = monthOf(back);
      const scheme = await getActiveScheme(db, manager.orgId, manager.userId);
      const runId = await createRun(db, manager.orgId, month, scheme.version, manager.userId);
      return computeRatingRun(db, runId, { orgId: manager.orgId, month, userId: manager.userId });
    },
  ],
];

const perStep: Record<string, { ms: number; statements: number; slowest_ms: number }> = {};
for (const [name, run] of steps) {
  step = name;
  const before = timings.length;
  const t = performance.now();
  try {
    await run();
  } catch (e) {
    console.log(`${name}: ${(e as Error).message}`);
  }
  const mine = timings.slice(before);
  perStep[name] = { ms: Math.round(performance.now() - t), statements: mine.length, slowest_ms: Math.round(Math.max(0, ...mine.map((m) => m.ms))) };
  console.log(`${name.padEnd(16)} ${(perStep[name].ms / 1000).toFixed(2).padStart(7)} s, ${mine.length} statements, slowest ${perStep[name].slowest_ms} ms`);
}
await stopComputeWorkers();
await stopLpWorker();
await database.close();
fs.rmSync(dir, { recursive: true, force: true });

const slow = timings.filter((t) => t.step !== 'open' && t.ms >= SLOW_MS).sort((a, b) => b.ms - a.ms);
console.log(`\nstatements over ${SLOW_MS} ms:`);
for (const s of slow) console.log(`${String(Math.round(s.ms)).padStart(7)} ms  [${s.step}] ${s.sql}`);
console.log(
  JSON.stringify({
    retailers: RETAILERS,
    slow_ms: SLOW_MS,
    over_1s: slow.filter((s) => s.ms >= 1000).length,
    slowest_ms: Math.round(slow[0]?.ms ?? 0),
    slowest: slow[0] ? `${slow[0].step}: ${slow[0].sql.slice(0, 60)}` : '',
    load: Math.round(os.loadavg()[0] * 10) / 10,
    per_step: perStep,
  }),
);
