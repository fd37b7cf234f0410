// bench:forecast — the demand forecaster against its baselines, in one run.
//
//   npm run bench:forecast                    the demo county (PostgreSQL server): rolling weekly origins over
//                                             the last year, horizons 1–4, shop × week totals and county ×
//                                             product × week; all weeks, the 8 weeks around the Spring Festival,
//                                             and the 中秋/国庆 weeks (together and week by week)
//   npm run bench:forecast -- --csv FILE --horizon H [--seed N]
//                                             any long file series,week,value[,event]: train on all but the last
//                                             H weeks of each series, forecast them from that origin, score
//   npm run bench:forecast -- --province [--counties N] [--reuse] [--keep-runs]
//                                             a province (default 100 counties, 300,000 shops) forecast as jobs
//                                             through the job runner: `province_seconds` (bench/forecast-province.ts)
//   BENCH_DATABASE_URL=postgres://… (default: the local server, database zy_bench_forecast); --reuse keeps a seeded one
//   --unseen-event pooled|aligned|model   what a festival week the trees never trained on gets (decision 1816;
//                                         `model` is the forecaster before it)
//   --overlap split|model                 what a week two events share in a way the trees never saw gets (decision
//                                         1817; `model` is the forecaster before it)
// The last line is one JSON object.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openDatabase, query } from '../src/db/client.js';
import { sql } from 'drizzle-orm';
import { seedDemoCounty } from '../src/app/demo/demo-seed.js';
import { findProductAttrs, findShopAttrs, findWeeklyDemand } from '../src/db/forecast-reads.js';
import {
  BASELINES,
  baselineForecast,
  buildPanel,
  ErrorSum,
  fitForecaster,
  forecastFrom,
  improvementPct,
  parseSeriesFile,
  round,
  SeriesFileError,
  splitHoldout,
  weekIndex,
  weekMonday,
  type BaselineName,
  type Panel,
} from '../src/domain/forecast/index.js';
import { panelCalendar } from '../src/domain/forecast/features.js';

const { values: args } = parseArgs({
  options: {
    csv: { type: 'string' },
    horizon: { type: 'string' },
    seed: { type: 'string', default: '1' },
    reuse: { type: 'boolean', default: false },
    today: { type: 'string', default: '2026-12-03' },
    refit: { type: 'string', default: '13' },
    /** Only one level (shop | county_product), for quicker experiments. */
    only: { type: 'string' },
    'unseen-event': { type: 'string', default: 'pooled' },
    overlap: { type: 'string', default: 'split' },
    province: { type: 'boolean', default: false },
    counties: { type: 'string', default: '100' },
    'keep-runs': { type: 'boolean', default: false },
  },
});
const t0 = Date.now();
const seed = Number(args.seed);
const unseenEvent = args['unseen-event'] as 'pooled' | 'aligned' | 'model';
if (!['pooled', 'aligned', 'model'].includes(unseenEvent)) throw new Error(`--unseen-event must be pooled, aligned or model, got "${unseenEvent}"`);
const overlap = args.overlap as 'split' | 'model';
if (!['split', 'model'].includes(overlap)) throw new Error(`--overlap must be split or model, got "${overlap}"`);
const cpuSeconds = () => {
  const u = process.cpuUsage();
  return round((u.user + u.system) / 1e6);
};
const log = (...a: unknown[]) => console.log(...a);

type Scores = { model: ErrorSum; base: Record<BaselineName, ErrorSum> };
const newScores = (): Scores => ({ model: new ErrorSum(), base: Object.fromEntries(BASELINES.map((b) => [b, new ErrorSum()])) as Record<BaselineName, ErrorSum> });

function summary(s: Scores) {
  const baselines = Object.fromEntries(BASELINES.map((b) => [b, s.base[b].wapePct()])) as Record<BaselineName, number>;
  const best = Math.min(...Object.values(baselines));
  return {
    wape_pct: s.model.wapePct(),
    bias_pct: s.model.biasPct(),
    baselines,
    baseline_bias_pct: Object.fromEntries(BASELINES.map((b) => [b, s.base[b].biasPct()])),
    best_baseline_wape_pct: best,
    improvement_pct: improvementPct(s.model.wapePct(), best),
    points: s.model.n,
  };
}

function printTable(title: string, s: Scores) {
  log(`  ${title}: model WAPE ${s.model.wapePct()} % bias ${s.model.biasPct()} %  |  ` + BASELINES.map((b) => `${b} ${s.base[b].wapePct()} % (bias ${s.base[b].biasPct()} %)`).join('  '));
}

async function csvMode(file: string, horizon: number) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new SeriesFileError('empty', `cannot read ${file}: ${(e as Error).message}`);
  }
  const { rows } = parseSeriesFile(text);
  // The held-out weeks go into `holdout` here and are read only when scoring below.
  const { panel, holdout } = splitHoldout(rows, horizon);
  const H = Math.max(...[...holdout.values()].flatMap((h) => h.horizons));
  if (H > 12) throw new SeriesFileError('horizon_too_long', `a held-out week lies ${H} weeks after its origin (gaps); at most 12 are supported`);
  const f = fitForecaster(panel, panel.weeks - 1, { horizons: H, seed, unseenEvent, overlap });
  const scores = newScores();
  const byOrigin = new Map<number, number[]>();
  panel.series.forEach((s, i) => {
    const o = holdout.get(s.key)!.origin;
    if (!byOrigin.has(o)) byOrigin.set(o, []);
    byOrigin.get(o)!.push(i);
  });
  for (const [origin, idx] of byOrigin) {
    const sub: Panel = { ...panel, series: idx.map((i) => panel.series[i]) };
    const fc = forecastFrom(sub, f, origin, H);
    sub.series.forEach((s, k) => {
      const held = holdout.get(s.key)!;
      held.horizons.forEach((h, j) => {
        const actual = held.values[j];
        scores.model.add(fc[k][h - 1].value, actual);
        for (const b of BASELINES) scores.base[b].add(baselineForecast(b, s.values, panel.calendar, panel.firstWeek, origin, h), actual);
      });
    });
  }
  printTable(`${file}, ${panel.series.length} series, horizon ${horizon}`, scores);
  const out = summary(scores);
  return { mode: 'csv', file, series: panel.series.length, horizon, ...out, seconds: round((Date.now() - t0) / 1000), cpu_seconds: cpuSeconds() };
}

/** Rolling origins over the last 52 weeks, refitting every `refit` weeks on targets up to the origin only. */
function rolling(panel: Panel, horizons: number, festival: Set<number>, autumn: Map<number, string>) {
  const all = newScores();
  const fest = newScores();
  const aut = newScores();
  const byWeek = new Map([...autumn.keys()].map((p) => [p, newScores()]));
  const byH = Array.from({ length: horizons }, newScores);
  const last = panel.weeks - 1;
  const cal = panelCalendar(panel);
  let f: ReturnType<typeof fitForecaster> | null = null;
  let fitSeconds = 0;
  const refit = Number(args.refit);
  for (let o = last - 53, k = 0; o <= last - 1; o++, k++) {
    if (k % refit === 0) {
      const t = Date.now();
      f = fitForecaster(panel, o, { horizons, seed, unseenEvent, overlap }, cal);
      fitSeconds += (Date.now() - t) / 1000;
    }
    const fc = forecastFrom(panel, f!, o);
    panel.series.forEach((s, i) => {
      if (Number.isNaN(s.values[o])) return; // not yet a shop at the origin
      for (const pt of fc[i]) {
        if (pt.position > last) continue;
        const actual = s.values[pt.position];
        const bs = BASELINES.map((b) => baselineForecast(b, s.values, panel.calendar, panel.firstWeek, o, pt.horizon));
        const extra = [...(festival.has(pt.position) ? [fest] : []), ...(autumn.has(pt.position) ? [aut, byWeek.get(pt.position)!] : [])];
        for (const sc of [all, byH[pt.horizon - 1], ...extra]) {
          sc.model.add(pt.value, actual);
          BASELINES.forEach((b, j) => sc.base[b].add(bs[j], actual));
        }
      }
    });
  }
  return { all, fest, aut, byWeek, byH, fitSeconds };
}

/**
 * The 中秋/国庆 weeks of the evaluation year (positions → a label naming each festival's offset): from two weeks
 * before the earlier of the two to the week after the later, so a year where they share a week and one where they
 * fall a week apart are both covered.
 */
function autumnWeeks(panel: Panel): Map<number, string> {
  const lastWeek = panel.firstWeek + panel.weeks - 1;
  const inYear = (k: string) => panel.calendar.weeks.get(k)?.filter((w) => w <= lastWeek && w > lastWeek - 52).at(-1);
  const ma = inYear('midautumn');
  const nd = inYear('nationalday');
  const out = new Map<number, string>();
  if (ma === undefined || nd === undefined) return out;
  const off = (o: number) => (o === 0 ? '0' : o > 0 ? `+${o}` : `${o}`);
  for (let w = Math.min(ma, nd) - 2; w <= Math.max(ma, nd) + 1; w++) {
    if (w > lastWeek) continue;
    out.set(w - panel.firstWeek, `${weekMonday(w)} 中秋${off(w - ma)} 国庆${off(w - nd)}`);
  }
  return out;
}

async function demoMode() {
  const base = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const dbName = 'zy_bench_forecast';
  const url = new URL(base);
  url.pathname = `/${dbName}`;
  const c = new pg.Client({ connectionString: base });
  await c.connect();
  const exists = (await c.query('select 1 from pg_database where datname = $1', [dbName])).rowCount;
  if (!args.reuse || !exists) {
    await c.query(`drop database if exists ${dbName} with (force)`);
    await c.query(`create database ${dbName}`);
  }
  await c.end();
  const database = await openDatabase({ url: url.toString(), poolSize: 2 });
  const db = database.db;
  const today = new Date(`${args.today}T10:00:00+08:00`);
  let [org] = await query<{ id: number }>(db, sql`select id from orgs order by id limit 1`);
  if (!org) {
    log('seeding the demo county…');
    const r = await seedDemoCounty(db, { today, currentWeekPlan: false });
    org = { id: r.orgId };
    log(`  ${r.retailers} retailers, ${r.orderLines} order lines in ${round(r.ms / 1000)} s`);
  }
  const tLoad = Date.now();
  const [{ first, last }] = await query<{ first: string; last: string }>(
    db,
    sql`select to_char(date_trunc('week', min(order_date)), 'YYYY-MM-DD') as first, to_char(date_trunc('week', max(order_date)), 'YYYY-MM-DD') as last
      from orders where org_id = ${org.id} and order_date < ${args.today}::date - ((extract(isodow from ${args.today}::date)::int - 1))`,
  );
  const shops = await findShopAttrs(db, org.id);
  const codes = (xs: string[]) => new Map([...new Set(xs)].sort().map((x, i) => [x, i]));
  const fmt = codes(shops.map((s) => s.format));
  const mkt = codes(shops.map((s) => s.market));
  const shopAttr = new Map(shops.map((s) => [String(s.id), [s.tier, fmt.get(s.format)!, mkt.get(s.market)!, s.gridId]]));
  const products = await findProductAttrs(db, org.id);
  const prodAttr = new Map(products.map((p) => [String(p.id), [p.priceClass, p.scarce ? 1 : 0]]));
  const shopPanel = buildPanel(await findWeeklyDemand(db, org.id, 'shop', first, last), first, last, {
    names: ['tier', 'format', 'market', 'grid'],
    of: (k) => shopAttr.get(k) ?? [NaN, NaN, NaN, NaN],
  });
  const productPanel = buildPanel(await findWeeklyDemand(db, org.id, 'product', first, last), first, last, {
    names: ['price_class', 'scarce'],
    of: (k) => prodAttr.get(k) ?? [NaN, NaN],
  });
  await database.close();
  log(`history ${first} … ${last} (${shopPanel.weeks} weeks), ${shopPanel.series.length} shops, ${productPanel.series.length} products; read in ${round((Date.now() - tLoad) / 1000)} s`);

  // The eight weeks around the last year's Spring Festival: four before, its week, three after.
  const lastWeek = shopPanel.firstWeek + shopPanel.weeks - 1;
  const sf = shopPanel.calendar.weeks.get('spring')!.filter((w) => w <= lastWeek && w > lastWeek - 52).at(-1)!;
  const festival = new Set(Array.from({ length: 8 }, (_, i) => sf - 4 + i - shopPanel.firstWeek));
  log(`festival weeks: ${weekMonday(sf - 4)} … ${weekMonday(sf + 3)} (春节 week ${weekMonday(sf)})`);

  const H = 4;
  const result: Record<string, unknown> = {};
  for (const [name, panel] of [
    ['shop', shopPanel],
    ['county_product', productPanel],
  ] as const) {
    if (args.only && args.only !== name) continue;
    const t = Date.now();
    const c = cpuSeconds();
    const autumn = autumnWeeks(panel);
    const r = rolling(panel, H, festival, autumn);
    log(`${name} × week, ${panel.series.length} series, 52 origins, fits ${round(r.fitSeconds)} s, total ${round((Date.now() - t) / 1000)} s (${round(cpuSeconds() - c)} CPU s)`);
    printTable('all weeks', r.all);
    printTable('festival weeks', r.fest);
    r.byH.forEach((s, i) => printTable(`horizon ${i + 1}`, s));
    printTable(`中秋/国庆 weeks (${autumn.size})`, r.aut);
    for (const [pos, label] of autumn) printTable(`  ${label}`, r.byWeek.get(pos)!);
    const brief = (s: Scores) => ({ wape_pct: s.model.wapePct(), bias_pct: s.model.biasPct(), aligned_naive_wape_pct: s.base.aligned_naive.wapePct(), aligned_naive_bias_pct: s.base.aligned_naive.biasPct() });
    result[name] = {
      series: panel.series.length,
      ...summary(r.all),
      festival: summary(r.fest),
      autumn: summary(r.aut),
      autumn_weeks: [...autumn].map(([pos, label]) => ({ week: label, ...brief(r.byWeek.get(pos)!) })),
      by_horizon: r.byH.map((s) => ({ wape_pct: s.model.wapePct(), best_baseline_wape_pct: summary(s).best_baseline_wape_pct })) };
  }
  const shop = (result.shop ?? result.county_product) as ReturnType<typeof summary> & { series: number; festival: ReturnType<typeof summary>; autumn: ReturnType<typeof summary> };
  return {
    mode: 'demo',
    series: shop.series,
    horizon: H,
    wape_pct: shop.wape_pct,
    bias_pct: shop.bias_pct,
    baselines: shop.baselines,
    best_baseline_wape_pct: shop.best_baseline_wape_pct,
    improvement_pct: shop.improvement_pct,
    festival_improvement_pct: shop.festival.improvement_pct,
    autumn_wape_pct: shop.autumn.wape_pct,
    autumn_bias_pct: shop.autumn.bias_pct,
    county_product: result.county_product,
    shop_detail: result.shop,
    unseen_event: unseenEvent,
    overlap,
    machine: `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}`,
    load_avg: round(os.loadavg()[0]),
    seconds: round((Date.now() - t0) / 1000),
    cpu_seconds: cpuSeconds(),
  };
}

try {
  if (args.province) {
    const { provinceMode } = await import('./forecast-province.js');
    console.log(JSON.stringify(await provinceMode({ counties: Number(args.counties), reuse: args.reuse!, today: args.today!, keepRuns: args['keep-runs'] })));
  } else if (args.csv) {
    if (args.horizon === undefined) throw new SeriesFileError('horizon_too_long', '--horizon H is required with --csv');
    const h = Number(args.horizon);
    if (!Number.isInteger(h) || h < 1) throw new SeriesFileError('horizon_too_long', `--horizon must be a whole number ≥ 1, got "${args.horizon}"`);
    console.log(JSON.stringify(await csvMode(args.csv, h)));
  } else {
    console.log(JSON.stringify(await demoMode()));
  }
} catch (e) {
  if (e instanceof SeriesFileError) {
    console.error(`bench:forecast: ${e.message}`);
    console.log(JSON.stringify({ error: e.code, message: e.message }));
    process.exit(2);
  }
  throw e;
}
void weekIndex;
