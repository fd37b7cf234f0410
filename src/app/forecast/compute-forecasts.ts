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
import { insertForecastRows, type ForecastRow } from '../../db/forecast-writes.js';
import { compute } from '../../solver/compute.js';
import {
  buildPanel,
  nearestEvent,
  reconcile,
  weekIndex,
  weekMonday,
  type ForecastPoint,
  type Panel,
} from '../../domain/forecast/index.js';
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
  lap('read');
  await progress(20, 'history read');

  // The fits are CPU for minutes on a county: in the compute worker, never on the event loop that serves requests (decision 0810).
  const fit = await compute('forecastPanels', { shop: shopPanel, product: productPanel, horizons: FORECAST_HORIZONS, seed, trees: opts.trees ?? 100 });
  const shopFc = fit.shop;
  const productFc = fit.product;
  const bt = fit.backtest;
  Object.assign(phases, fit.seconds);
  tPhase = Date.now();
  await progress(70, 'products forecast');

  const rows: ForecastRow[] = [];
  const event = (panel: Panel, pos: number) => {
    const e = nearestEvent(panel.calendar, panel.firstWeek + pos);
    return { eventKind: e?.kind ?? null, eventOffset: e?.offset ?? 0 };
  };
  const row = (panel: Panel, retailerId: number, productId: number, p: ForecastPoint, qty: number): ForecastRow => {
    const k = p.value > 0 ? qty / p.value : 0;
    return {
      retailerId,
      productId,
      weekStart: weekMonday(panel.firstWeek + p.position),
      horizon: p.horizon,
      qty,
      low: p.low * k,
      high: p.high * k,
      baseline: p.parts.baseline,
      eventEffect: p.parts.event,
      trend: p.parts.trend,
      adjustment: p.parts.adjustment,
      ...event(panel, p.position),
    };
  };

  // County × product, and the county's total per week.
  const countyTotal = new Float64Array(FORECAST_HORIZONS);
  const countyProduct = new Map<number, Float64Array>();
  productPanel.series.forEach((s, i) => {
    const q = new Float64Array(FORECAST_HORIZONS);
    for (const p of productFc[i]) {
      q[p.horizon - 1] = p.value;
      countyTotal[p.horizon - 1] += p.value;
      rows.push(row(productPanel, 0, Number(s.key), p, p.value));
    }
    countyProduct.set(Number(s.key), q);
  });

  // Shop totals reconciled to the county total, week by week.
  const shopTotals = new Map<number, Float64Array>();
  for (let h = 1; h <= FORECAST_HORIZONS; h++) {
    const parts = shopPanel.series.map((_, i) => shopFc[i][h - 1]?.value ?? 0);
    const rec = reconcile(parts, countyTotal[h - 1]);
    shopPanel.series.forEach((s, i) => {
      const id = Number(s.key);
      if (!shopTotals.has(id)) shopTotals.set(id, new Float64Array(FORECAST_HORIZONS));
      shopTotals.get(id)![h - 1] = rec[i];
      rows.push(row(shopPanel, id, 0, shopFc[i][h - 1], rec[i]));
    });
  }

  // Shop × product: the shop's total × the product's recent share, reconciled per product and week.
  const shopIndex = new Map(shopPanel.series.map((s, i) => [Number(s.key), i]));
  const shares = await findProductSharesRolledUp(db, orgId, origin);
  const byProduct = new Map<number, { retailerId: number; share: number }[]>();
  for (const s of shares) {
    if (!byProduct.has(s.productId)) byProduct.set(s.productId, []);
    byProduct.get(s.productId)!.push(s);
  }
  for (const [productId, all] of byProduct) {
    const list = all.filter((x) => shopIndex.has(x.retailerId));
    const county = countyProduct.get(productId);
    if (!county) continue;
    for (let h = 1; h <= FORECAST_HORIZONS; h++) {
      const parts = list.map((x) => (shopTotals.get(x.retailerId)?.[h - 1] ?? 0) * x.share);
      const rec = reconcile(parts, county[h - 1]);
      list.forEach((x, j) => {
        const p = shopFc[shopIndex.get(x.retailerId)!][h - 1];
        // The shop's parts, its level scaled to this product's share, so level × event × trend × model ≈ this row's qty.
        const k = p.value > 0 ? rec[j] / p.value : 0;
        rows.push({ ...row(shopPanel, x.retailerId, productId, p, rec[j]), low: p.low * k, high: p.high * k, baseline: p.parts.baseline * k });
      });
    }
  }
  lap('shop_products');
  await progress(80, 'writing');

  const summary: ForecastRunSummary = {
    shops: shopPanel.series.length,
    series: rows.length,
    seconds: Math.round((Date.now() - t0) / 100) / 10,
    phases,
    rolledUpWeeks: rolled.length,
    ...(bt ? { productBacktest: { total: bt.total, byHorizon: bt.byHorizon, products: Object.fromEntries(bt.bySeries) } } : {}),
  };
  await db.transaction(async (tx) => {
    // Only the latest run keeps its shop × product rows; totals stay for accuracy over time.
    await tx.execute(sql`delete from forecasts where org_id = ${orgId} and run_id <> ${run.id} and retailer_id <> 0 and product_id <> 0`);
    await insertForecastRows(tx, orgId, run.id, rows);
    await tx.execute(sql`update forecast_runs set status = 'done', summary = ${JSON.stringify(summary)}::jsonb, finished_at = now()
      where org_id = ${orgId} and id = ${run.id}`);
  });
  lap('write');
  // The write's own time, for whoever reads the run's phases (bench:forecast --province): known only now.
  await db.execute(sql`update forecast_runs set summary = jsonb_set(summary, '{phases,write}', ${String(phases.write)}::jsonb) where org_id = ${orgId} and id = ${run.id}`);
  await progress(100, 'done');
  return { runId: run.id, rows: rows.length, summary };
}
