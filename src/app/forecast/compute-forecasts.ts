// One forecast run for an org: after an order week closes (the weekly job) or
// on demand. Learns from stated demand up to the last closed week, forecasts
// the next 1–8 weeks per shop (total) and per county × product, each with a
// seeded gradient-boosted model; shop × product is the shop's forecast times
// the product's share of its last 13 weeks; then shops are reconciled to the
// county: per week for totals, per product and week for shop × product.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { findProductAttrs, findShopAttrs } from '../../db/forecast-reads.js';
import { dropDemandWeeksBefore, findProductSharesRolledUp, findWeeklyDemandRolledUp, rollUpDemandWeeks } from '../../db/demand-weeks.js';
import { insertForecastRows } from '../../db/forecast-writes.js';
import { compute } from '../../solver/compute.js';
import { buildPanel, weekIndex, weekMonday, type ProductShares } from '../../domain/forecast/index.js';
import type { ForecastRunSummary } from '../../db/schema-forecast.js';

export const FORECAST_HORIZONS = 8;
const HISTORY_WEEKS = 104;

/** Monday (YYYY-MM-DD) of the last order week that has closed by `now` (Beijing time): the week before this one. */
export function lastClosedWeek(now: Date): string {
  const beijing = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
  return weekMonday(weekIndex(beijing) - 1);
}

export type ComputeOptions = { seed?: number; createdBy?: number | null; progress?: (pct: number, text: string) => Promise<void>; trees?: number };

export async function computeForecasts(db: Db, orgId: number, now: Date, opts: ComputeOptions = {}): Promise<{ runId: number; rows: number; summary: ForecastRunSummary }> {
  const t0 = Date.now();
  const seed = opts.seed ?? 1;
  const progress = opts.progress ?? (async () => {});
  const origin = lastClosedWeek(now);
  const from = weekMonday(weekIndex(origin) - HISTORY_WEEKS + 1);
  const [run] = await query<{ id: number }>(
    db,
    sql`insert into forecast_runs (org_id, origin_week, status, seed, created_by) values (${orgId}, ${origin}, 'running', ${seed}, ${opts.createdBy ?? null}) returning id`,
  );

  const phases: Record<string, number> = {};
  let tPhase = t0;
  const lap = (name: string) => {
    phases[name] = Math.round((Date.now() - tPhase) / 100) / 10;
    tPhase = Date.now();
  };
  // Final weeks not rolled up yet (normally the week that just closed) go into the roll-up; the rest is read from it (decision 1818).
  const rolled = await rollUpDemandWeeks(db, orgId, from, origin, now);
  // The week that fell out of the two years read goes from the roll-up.
  await dropDemandWeeksBefore(db, orgId, from);
  lap('rollup');

  const shops = await findShopAttrs(db, orgId);
  const codes = (xs: string[]) => new Map([...new Set(xs)].sort().map((x, i) => [x, i]));
  const fmt = codes(shops.map((s) => s.format));
  const mkt = codes(shops.map((s) => s.market));
  const shopAttr = new Map(shops.map((s) => [String(s.id), [s.tier, fmt.get(s.format)!, mkt.get(s.market)!, s.gridId]]));
  const prodAttr = new Map((await findProductAttrs(db, orgId)).map((p) => [String(p.id), [p.priceClass, p.scarce ? 1 : 0]]));
  const demand = await findWeeklyDemandRolledUp(db, orgId, from, origin);
  const shopPanel = buildPanel(demand.shop, from, origin, {
    names: ['tier', 'format', 'market', 'grid'],
    of: (k) => shopAttr.get(k) ?? [NaN, NaN, NaN, NaN],
  });
  const productPanel = buildPanel(demand.product, from, origin, {
    names: ['price_class', 'scarce'],
    of: (k) => prodAttr.get(k) ?? [NaN, NaN],
  });
  // Each shop's share of each product in its last 13 weeks, as columns: they go to the worker in three buffers.
  const shareRows = await findProductSharesRolledUp(db, orgId, origin);
  const shares: ProductShares = {
    retailerId: Int32Array.from(shareRows, (r) => r.retailerId),
    productId: Int32Array.from(shareRows, (r) => r.productId),
    share: Float64Array.from(shareRows, (r) => r.share),
  };
  lap('read');
  await progress(20, 'history read');

  // The fits and the run's ~300,000 rows are CPU for minutes on a county: in the compute worker, never on the event
  // loop that serves requests (decisions 0810, 0865).
  const fit = await compute('forecastPanels', { shop: shopPanel, product: productPanel, shares, horizons: FORECAST_HORIZONS, seed, trees: opts.trees ?? 100 });
  const rows = fit.rows;
  const bt = fit.backtest;
  Object.assign(phases, fit.seconds);
  tPhase = Date.now();
  await progress(80, 'writing');

  const summary: ForecastRunSummary = {
    shops: shopPanel.series.length,
    series: rows.length,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    phases,
    rolledUpWeeks: rolled.length,
    ...(bt ? { productBacktest: { total: bt.total, byHorizon: bt.byHorizon, products: Object.fromEntries(bt.bySeries) } } : {}),
  };
  // The rows go in batch by batch, each statement on its own, while the run is still 'running': every reader reads
  // runs that are 'done', so nobody sees a run half written. In one transaction the write held the embedded
  // database's one connection ~7 s on the demo county, and every request waited for it (decision 0866).
  await insertForecastRows(db, orgId, run.id, rows);
  await db.execute(sql`update forecast_runs set status = 'done', summary = ${JSON.stringify(summary)}::jsonb, finished_at = now()
    where org_id = ${orgId} and id = ${run.id}`);
  // Only the latest run keeps its shop × product rows; totals stay for accuracy over time. A run that never finished
  // (its process died while writing) leaves no rows at all.
  await db.execute(sql`delete from forecasts f using forecast_runs r
    where f.org_id = ${orgId} and r.org_id = f.org_id and r.id = f.run_id and r.id <> ${run.id} and (r.status <> 'done' or (f.retailer_id <> 0 and f.product_id <> 0))`);
  lap('write');
  // The write's own time, for whoever reads the run's phases (bench:forecast --province): known only now.
  await db.execute(sql`update forecast_runs set summary = jsonb_set(summary, '{phases,write}', ${String(phases.write)}::jsonb) where org_id = ${orgId} and id = ${run.id}`);
  await progress(100, 'done');
  return { runId: run.id, rows: rows.length, summary };
}
