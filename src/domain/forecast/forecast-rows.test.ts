import { describe, expect, it } from 'vitest';
import { labelledCalendar } from './events.js';
import { forecastRows, type ForecastColumns } from './forecast-rows.js';
import type { ForecastPoint } from './model.js';
import type { Panel } from './types.js';
import { weekIndex } from './weeks.js';

// Four weeks of history from 2026-11-02; the forecasts are for 11-30 (h1) and 12-07 (h2). An event labelled on 11-30.
const firstWeek = weekIndex('2026-11-02');
const calendar = labelledCalendar([['promo', weekIndex('2026-11-30')]]);
const panel = (keys: string[]): Panel => ({ firstWeek, weeks: 4, series: keys.map((key) => ({ key, values: new Float64Array(4) })), calendar });
const point = (horizon: number, value: number, baseline = value): ForecastPoint => ({
  position: 3 + horizon,
  horizon,
  value,
  low: value / 2,
  high: value * 2,
  parts: { baseline, event: 1.1, trend: 1, adjustment: 0.9 },
});

const shop = { panel: panel(['11', '12']), points: [[point(1, 30, 15), point(2, 10)], [point(1, 20), point(2, 10)]] };
const product = { panel: panel(['7', '8']), points: [[point(1, 60), point(2, 30)], [point(1, 40), point(2, 10)]] };
// Shop 11 sells both products half and half, shop 12 only product 7; shop 99 is not on the shop panel (no history).
const shares = { retailerId: Int32Array.of(11, 11, 12, 99), productId: Int32Array.of(7, 8, 7, 7), share: Float64Array.of(0.5, 0.5, 1, 1) };

const rowsOf = (c: ForecastColumns) =>
  Array.from({ length: c.length }, (_, i) => ({
    retailerId: c.retailerId[i],
    productId: c.productId[i],
    week: c.weeks[c.week[i]],
    horizon: c.horizon[i],
    qty: c.qty[i],
    low: c.low[i],
    baseline: c.baseline[i],
    event: c.eventKind[i] < 0 ? null : `${c.eventKinds[c.eventKind[i]]}${c.eventOffset[i]}`,
  }));

describe('a forecast run’s rows', () => {
  const rows = rowsOf(forecastRows(shop, product, shares, 2));
  const sum = (f: (r: (typeof rows)[number]) => boolean) => rows.filter(f).reduce((a, r) => a + r.qty, 0);

  it('has the county × product, each shop’s total and each shop × product it sold, for both weeks', () => {
    expect(rows.filter((r) => r.retailerId === 0)).toHaveLength(4);
    expect(rows.filter((r) => r.productId === 0)).toHaveLength(4);
    expect(rows.filter((r) => r.retailerId && r.productId).map((r) => `${r.retailerId}×${r.productId}@${r.horizon}`)).toEqual([
      '11×7@1',
      '12×7@1',
      '11×7@2',
      '12×7@2',
      '11×8@1',
      '11×8@2',
    ]);
    expect(rows.some((r) => r.retailerId === 99)).toBe(false);
  });

  it('reconciles the shops to the county: totals per week, shop × product per product and week', () => {
    expect(sum((r) => r.productId === 0 && r.horizon === 1)).toBeCloseTo(100);
    expect(sum((r) => r.productId === 0 && r.horizon === 2)).toBeCloseTo(40);
    expect(rows.find((r) => r.retailerId === 11 && r.productId === 0 && r.horizon === 1)!.qty).toBeCloseTo(60);
    for (const [productId, h, county] of [[7, 1, 60], [7, 2, 30], [8, 1, 40], [8, 2, 10]])
      expect(sum((r) => r.retailerId !== 0 && r.productId === productId && r.horizon === h)).toBeCloseTo(county);
    // Product 7 in week 1: shop 11 brings 60 × 0.5, shop 12 40 × 1; the county's 60 split 30 : 40.
    expect(rows.find((r) => r.retailerId === 11 && r.productId === 7 && r.horizon === 1)!.qty).toBeCloseTo((60 * 30) / 70);
  });

  it('scales a shop × product row’s band and level to its quantity, and dates each row with its week and event', () => {
    const r = rows.find((x) => x.retailerId === 11 && x.productId === 8 && x.horizon === 1)!;
    // Shop 11's own forecast was 30 (level 15); this row is 40 of it: band and level scaled by 40 / 30.
    expect(r.qty).toBeCloseTo(40);
    expect(r.low).toBeCloseTo(15 * (40 / 30));
    expect(r.baseline).toBeCloseTo(15 * (40 / 30));
    // A shop's total keeps the model's level as it was.
    expect(rows.find((x) => x.retailerId === 11 && x.productId === 0 && x.horizon === 1)!.baseline).toBe(15);
    expect(rows.filter((x) => x.horizon === 1).every((x) => x.week === '2026-11-30' && x.event === 'promo0')).toBe(true);
    expect(rows.filter((x) => x.horizon === 2).every((x) => x.week === '2026-12-07' && x.event === 'promo1')).toBe(true);
  });
});
