// bench:rating-stability — how much the monthly ratings churn. The demo county
// (3,000 retailers, 104 weeks) is generated on the embedded database, its
// seeded ratings removed, and its last six complete months rated and published
// one after the other (with the month before them rated first, so the first of
// the six has a month to move from). Per month: the share of retailers whose
// tier changed, moved by more than two tiers, moved further than the scheme's
// cap without a recorded cause, and whose star changed. Last line is JSON.
//
//   npm run bench:rating-stability [-- --today 2026-11-24 --dir /tmp/x --reuse]
import { parseArgs } from 'node:util';
import fs from 'node:fs';
import { sql } from 'drizzle-orm';
import { openDatabase, query } from '../src/db/client.js';
import { seedDemoCounty, DEFAULT_SEED } from '../src/app/demo/demo-seed.js';
import { previousMonth } from '../src/app/rating/rating-inputs.js';
import { createRun, publishRun } from '../src/app/rating/rating-runs.js';
import { getActiveScheme, saveScheme } from '../src/app/rating/rating-schemes.js';
import { DEFAULT_SCHEME } from '../src/domain/rating/default-scheme.js';
import { computeRatingRun } from '../src/jobs/rating-batch.js';
import type { Viewer } from '../src/domain/access/viewer.js';

const { values: args } = parseArgs({
  options: {
    today: { type: 'string', default: new Date().toISOString().slice(0, 10) },
    dir: { type: 'string', default: '' },
    reuse: { type: 'boolean', default: false },
    months: { type: 'string', default: '6' },
    /** Rate with the default scheme changed: tier window in months, monthly cap ('none' for no cap). */
    window: { type: 'string' },
    cap: { type: 'string' },
  },
});
const today = new Date(`${args.today}T02:00:00Z`);
const MONTHS = Number(args.months);
const log = (...a: unknown[]) => console.log(...a);
const t0 = Date.now();

const reuse = Boolean(args.reuse && args.dir && fs.existsSync(args.dir));
const database = await openDatabase(args.dir ? { dataDir: args.dir } : {});
const db = database.db;
if (!reuse) {
  log(`demo county for ${args.today}…`);
  const res = await seedDemoCounty(db, { seed: DEFAULT_SEED, today });
  log(`seeded ${res.retailers} retailers, ${res.orderLines} order lines in ${(res.ms / 1000).toFixed(1)} s`);
}
const [{ orgId }] = await query<{ orgId: number }>(db, sql`select id as "orgId" from orgs order by id limit 1`);
await db.execute(sql`delete from retailer_ratings`);
await db.execute(sql`delete from tier_overrides`);
await db.execute(sql`delete from rating_runs`);
// The scheme in force is the current default (a reused database may hold an older one).
await db.execute(sql`delete from rating_schemes`);
const [mgr] = await query<{ id: number }>(db, sql`select id from users where role = 'county_manager' order by id limit 1`);
const viewer: Viewer = { userId: mgr.id, orgId, role: 'county_manager', username: 'bench', displayName: 'bench', stationId: null, retailerId: null };
if (args.window || args.cap) {
  const s = structuredClone(DEFAULT_SCHEME);
  if (args.window) s.tiers.windowMonths = Number(args.window);
  if (args.cap === 'none') delete s.tiers.maxMonthlyMove;
  else if (args.cap) s.tiers.maxMonthlyMove = Number(args.cap);
  await saveScheme(db, orgId, mgr.id, { ...s, version: `bench-w${args.window ?? 'd'}-c${args.cap ?? 'd'}` }, 'bench');
}
const scheme = await getActiveScheme(db, orgId, mgr.id);
const cap = scheme.tiers.maxMonthlyMove ?? null;
log(`scheme ${scheme.version}: tier window ${scheme.tiers.windowMonths ?? 1} month(s), monthly cap ${cap ?? 'none'}`);

// The last complete month, and the ones before it; one more before them as the starting point.
const months: string[] = [previousMonth(args.today.slice(0, 7))];
while (months.length < MONTHS + 1) months.unshift(previousMonth(months[0]));

type Row = { r: number; t: number; s: number };
let prev: Map<number, Row> | null = null;
const perMonth: { month: string; retailers: number; tierChanged: number; over2: number; overCap: number; starChanged: number; held: number }[] = [];
for (const month of months) {
  const runId = await createRun(db, orgId, month, scheme.version, mgr.id);
  const summary = await computeRatingRun(db, runId, { orgId, month, userId: mgr.id });
  await publishRun(db, viewer, runId, new Date());
  const rows = await query<Row & { cause: string | null }>(
    db,
    sql`select retailer_id as r, tier as t, star as s, breakdown->'tierCap'->>'cause' as cause from retailer_ratings where run_id = ${runId}`,
  );
  if (prev) {
    let both = 0, tierChanged = 0, over2 = 0, overCap = 0, starChanged = 0;
    for (const x of rows) {
      const p = prev.get(x.r);
      if (!p) continue;
      both++;
      const d = Math.abs(x.t - p.t);
      if (d > 0) tierChanged++;
      if (d > 2) over2++;
      if (cap !== null && d > cap && !x.cause) overCap++;
      if (x.s !== p.s) starChanged++;
    }
    const held = (summary.churn?.heldByCap ?? 0) as number;
    perMonth.push({ month, retailers: both, tierChanged, over2, overCap, starChanged, held });
    const pct = (n: number) => ((100 * n) / Math.max(1, both)).toFixed(1);
    log(`${month}: ${both} retailers, tier changed ${pct(tierChanged)} %, moved > 2 ${pct(over2)} %, over the cap ${overCap}, held by the cap ${held}, star changed ${pct(starChanged)} %`);
  } else log(`${month}: starting point (${rows.length} retailers)`);
  prev = new Map(rows.map((x) => [x.r, x]));
}
await database.close();

const total = perMonth.reduce((a, m) => a + m.retailers, 0);
const pctOf = (k: 'tierChanged' | 'over2' | 'starChanged') => Number(((100 * perMonth.reduce((a, m) => a + m[k], 0)) / Math.max(1, total)).toFixed(1));
const worst = (k: 'tierChanged' | 'over2') => Number(Math.max(...perMonth.map((m) => (100 * m[k]) / Math.max(1, m.retailers))).toFixed(1));
log(`in ${((Date.now() - t0) / 1000).toFixed(0)} s; percentages are over all six months (retailer-months rated in both months), worst month beside`);
console.log(
  JSON.stringify({
    retailers: perMonth.at(-1)?.retailers ?? 0,
    months: perMonth.length,
    tier_changed_pct: pctOf('tierChanged'),
    tier_moved_over_2_pct: pctOf('over2'),
    moves_over_cap: perMonth.reduce((a, m) => a + m.overCap, 0),
    star_changed_pct: pctOf('starChanged'),
    tier_changed_pct_worst_month: worst('tierChanged'),
    tier_moved_over_2_pct_worst_month: worst('over2'),
    held_by_cap: perMonth.reduce((a, m) => a + m.held, 0),
    window_months: scheme.tiers.windowMonths ?? 1,
    cap,
  }),
);
