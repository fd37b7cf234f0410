import { describe, expect, it } from 'vitest';
import { bandOf, lifecycleWeek, percentileCont, reorderWeek, warningsOf, weekMeasures, type ShopFacts } from './launch-measures.js';

// Five target shops, worked by hand:
//   A orders weeks 1 and 3      → listed w1, reordered w3; shelf seen w2
//   B orders week 2 only        → listed w2, never reordered; check w2 on, w4 off
//   C orders weeks 1 and 10     → listed w1; week 10 is 9 weeks after: not a reorder
//   D orders twice in week 2    → (one week) listed w2, no reorder
//   E never orders, inactive, a check finds it on the shelf w3 (sold from elsewhere)
const shops: ShopFacts[] = [
  { orderWeeks: [1, 3], checks: [{ week: 2, onShelf: true }], active: true },
  { orderWeeks: [2], checks: [{ week: 2, onShelf: true }, { week: 4, onShelf: false }], active: true },
  { orderWeeks: [1, 10], checks: [], active: true },
  { orderWeeks: [2, 2], checks: [{ week: 1, onShelf: false }], active: true },
  { orderWeeks: [], checks: [{ week: 3, onShelf: true }], active: false },
];

describe('launch measures', () => {
  it('counts lifecycle weeks from the launch Monday', () => {
    expect(lifecycleWeek('2026-11-02', '2026-11-02')).toBe(1);
    expect(lifecycleWeek('2026-11-02', '2026-11-08')).toBe(1);
    expect(lifecycleWeek('2026-11-02', '2026-11-09')).toBe(2);
    expect(lifecycleWeek('2026-11-02', '2026-11-01')).toBe(0);
  });

  it('a reorder is a different week within 8 weeks of the first', () => {
    expect(reorderWeek([1, 3])).toBe(3);
    expect(reorderWeek([2, 2])).toBeNull();
    expect(reorderWeek([1, 10])).toBeNull();
    expect(reorderWeek([1, 9])).toBe(9);
    expect(reorderWeek([])).toBeNull();
  });

  it('上柜率, 复购率, shelf and 铺货率 by week on hand-computed shops', () => {
    const w1 = weekMeasures(shops, 1);
    expect(w1).toMatchObject({ targets: 5, orderedShops: 2, reorderedShops: 0, shelfShops: 0, onShelfNow: 0, activeTargets: 4 });
    expect(w1.listingRate).toBeCloseTo(2 / 5);
    expect(w1.reorderRate).toBe(0);
    const w2 = weekMeasures(shops, 2);
    expect(w2.listingRate).toBeCloseTo(4 / 5);
    expect(w2.shelfRate).toBeCloseTo(2 / 5);
    expect(w2.distributionRate).toBeCloseTo(2 / 4);
    const w3 = weekMeasures(shops, 3);
    expect(w3.reorderRate).toBeCloseTo(1 / 4);
    // E is on the shelf (verified) but inactive: counts for shelf, not for 铺货率.
    expect(w3.shelfRate).toBeCloseTo(3 / 5);
    expect(w3.distributionRate).toBeCloseTo(2 / 4);
    // B's shelf is empty on the week-4 visit: it leaves 铺货率 but stays verified listed.
    const w4 = weekMeasures(shops, 4);
    expect(w4.distributionRate).toBeCloseTo(1 / 4);
    expect(w4.shelfRate).toBeCloseTo(3 / 5);
  });

  it('rates with nothing to divide by are null, never 0 or NaN', () => {
    const m = weekMeasures([{ orderWeeks: [], checks: [], active: false }], 1);
    expect(m.reorderRate).toBeNull();
    expect(m.distributionRate).toBeNull();
    expect(weekMeasures([], 1).listingRate).toBeNull();
  });

  it('percentiles interpolate between ranks as percentile_cont does', () => {
    expect(percentileCont([0.1, 0.3, 0.2, 0.4], 0.25)).toBeCloseTo(0.175);
    expect(percentileCont([0.1, 0.3, 0.2, 0.4], 0.5)).toBeCloseTo(0.25);
    expect(percentileCont([0.1, 0.3, 0.2, 0.4], 0.75)).toBeCloseTo(0.325);
    expect(percentileCont([5], 0.25)).toBe(5);
  });

  it('the band needs two earlier launches at a week and warns below its low edge', () => {
    const curves = [
      new Map([[1, 0.2], [2, 0.4], [3, 0.5]]),
      new Map([[1, 0.3], [2, 0.5]]),
      new Map([[1, 0.1], [2, 0.3]]),
    ];
    const band = bandOf(curves, 4);
    expect(band.map((b) => b.week)).toEqual([1, 2]);
    expect(band[1]).toMatchObject({ launches: 3 });
    expect(band[1].low).toBeCloseTo(0.35);
    expect(band[1].median).toBeCloseTo(0.4);
    expect(band[1].high).toBeCloseTo(0.45);
    expect(warningsOf(2, { listingRate: 0.3 }, { listingRate: band })).toEqual([{ week: 2, measure: 'listingRate', value: 0.3, low: band[1].low }]);
    expect(warningsOf(2, { listingRate: 0.36 }, { listingRate: band })).toEqual([]);
    // No band at week 3 (one launch): no warning, whatever the value.
    expect(warningsOf(3, { listingRate: 0 }, { listingRate: band })).toEqual([]);
    expect(warningsOf(0, { listingRate: 0 }, { listingRate: band })).toEqual([]);
  });
});
