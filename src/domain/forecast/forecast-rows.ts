// A forecast run's rows, from the two panels' forecasts: county × product as
// forecast; shop totals reconciled to the county's total, week by week; shop ×
// product as the shop's total times the product's share of its last 13 weeks,
// reconciled to the county × product, per product and week.
//
// Column-wise in typed arrays: a county's ~300,000 rows are assembled in the
// compute worker and cross to the writer as a few buffers, not one object per
// row. Built on the server's event loop they held it ~1.9 s (decision 0865).
import { nearestEvent } from './events.js';
import type { ForecastPoint } from './model.js';
import { reconcile } from './reconcile.js';
import type { Panel } from './types.js';
import { weekMonday } from './weeks.js';

/** Each shop's share of a product in its recent demand, one entry per shop and product. */
export type ProductShares = { retailerId: Int32Array; productId: Int32Array; share: Float64Array };

export type ForecastColumns = {
  length: number;
  /** 0 on the county's rows. */
  retailerId: Int32Array;
  /** 0 on a shop's total. */
  productId: Int32Array;
  /** Index into `weeks`, the Mondays (YYYY-MM-DD) forecast. */
  week: Uint16Array;
  weeks: string[];
  horizon: Uint8Array;
  qty: Float64Array;
  low: Float64Array;
  high: Float64Array;
  baseline: Float64Array;
  eventEffect: Float64Array;
  trend: Float64Array;
  adjustment: Float64Array;
  /** Index into `eventKinds`; −1 where no event is near. */
  eventKind: Int16Array;
  eventKinds: string[];
  eventOffset: Int16Array;
};

/** The panel's series with its forecasts (`points[i]` for `panel.series[i]`), as the compute worker has them. */
type Forecast = { panel: Panel; points: ForecastPoint[][] };

export function forecastRows(shop: Forecast, product: Forecast, shares: ProductShares, horizons: number): ForecastColumns {
  // County × product, and the county's total per week.
  const countyTotal = new Float64Array(horizons);
  const countyProduct = new Map<number, Float64Array>();
  product.panel.series.forEach((s, i) => {
    const q = new Float64Array(horizons);
    for (const p of product.points[i]) {
      q[p.horizon - 1] = p.value;
      countyTotal[p.horizon - 1] += p.value;
    }
    countyProduct.set(Number(s.key), q);
  });

  // Each product's shops in the order of `shares`, and the products in the order they first appear there.
  const shopIndex = new Map(shop.panel.series.map((s, i) => [Number(s.key), i]));
  const byProduct = new Map<number, number[]>();
  for (let j = 0; j < shares.productId.length; j++) {
    const productId = shares.productId[j];
    if (!byProduct.has(productId)) byProduct.set(productId, []);
    if (shopIndex.has(shares.retailerId[j])) byProduct.get(productId)!.push(j);
  }

  let size = shop.panel.series.length * horizons;
  for (const points of product.points) size += points.length;
  for (const [productId, list] of byProduct) if (countyProduct.has(productId)) size += list.length * horizons;
  const out = emptyColumns(size);
  const weekCode = new Map<number, number>();
  const eventCode = new Map<string, number>();
  const eventsAt = new Map<Panel, Map<number, { kind: string; offset: number } | null>>();

  let n = 0;
  const push = (panel: Panel, retailerId: number, productId: number, p: ForecastPoint, qty: number, scaleBaseline: boolean) => {
    const k = p.value > 0 ? qty / p.value : 0;
    const week = panel.firstWeek + p.position;
    let w = weekCode.get(week);
    if (w === undefined) weekCode.set(week, (w = out.weeks.push(weekMonday(week)) - 1));
    let events = eventsAt.get(panel);
    if (!events) eventsAt.set(panel, (events = new Map()));
    let e = events.get(week);
    if (e === undefined) events.set(week, (e = nearestEvent(panel.calendar, week)));
    let kind = -1;
    if (e) {
      kind = eventCode.get(e.kind) ?? -1;
      if (kind < 0) eventCode.set(e.kind, (kind = out.eventKinds.push(e.kind) - 1));
    }
    out.retailerId[n] = retailerId;
    out.productId[n] = productId;
    out.week[n] = w;
    out.horizon[n] = p.horizon;
    out.qty[n] = qty;
    out.low[n] = p.low * k;
    out.high[n] = p.high * k;
    out.baseline[n] = scaleBaseline ? p.parts.baseline * k : p.parts.baseline;
    out.eventEffect[n] = p.parts.event;
    out.trend[n] = p.parts.trend;
    out.adjustment[n] = p.parts.adjustment;
    out.eventKind[n] = kind;
    out.eventOffset[n] = e?.offset ?? 0;
    n++;
  };

  product.panel.series.forEach((s, i) => {
    for (const p of product.points[i]) push(product.panel, 0, Number(s.key), p, p.value, false);
  });

  // Shop totals reconciled to the county total, week by week.
  const shopTotals = shop.panel.series.map(() => new Float64Array(horizons));
  for (let h = 1; h <= horizons; h++) {
    const rec = reconcile(
      shop.points.map((points) => points[h - 1]?.value ?? 0),
      countyTotal[h - 1],
    );
    shop.panel.series.forEach((s, i) => {
      shopTotals[i][h - 1] = rec[i];
      push(shop.panel, Number(s.key), 0, shop.points[i][h - 1], rec[i], false);
    });
  }

  // Shop × product: the shop's total × the product's recent share, reconciled per product and week. The shop's parts
  // are its level scaled to this product's share, so level × event × trend × model ≈ the row's qty.
  for (const [productId, list] of byProduct) {
    const county = countyProduct.get(productId);
    if (!county) continue;
    const shops = list.map((j) => shopIndex.get(shares.retailerId[j])!);
    for (let h = 1; h <= horizons; h++) {
      const rec = reconcile(
        list.map((j, x) => shopTotals[shops[x]][h - 1] * shares.share[j]),
        county[h - 1],
      );
      list.forEach((j, x) => push(shop.panel, shares.retailerId[j], productId, shop.points[shops[x]][h - 1], rec[x], true));
    }
  }
  out.length = n;
  return out;
}

function emptyColumns(size: number): ForecastColumns {
  return {
    length: 0,
    retailerId: new Int32Array(size),
    productId: new Int32Array(size),
    week: new Uint16Array(size),
    weeks: [],
    horizon: new Uint8Array(size),
    qty: new Float64Array(size),
    low: new Float64Array(size),
    high: new Float64Array(size),
    baseline: new Float64Array(size),
    eventEffect: new Float64Array(size),
    trend: new Float64Array(size),
    adjustment: new Float64Array(size),
    eventKind: new Int16Array(size),
    eventKinds: [],
    eventOffset: new Int16Array(size),
  };
}
