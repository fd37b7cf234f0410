import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { RatingSchemeError, runMonthlyBatch } from './monthly-batch.js';
import type { RatingScheme } from './scheme.js';
import { retailer } from './test-fixtures.js';

// Three tiers to keep the arithmetic small.
const scheme: RatingScheme = { ...S, tiers: { ...S.tiers, shares: [50, 30, 20] } };

const small = retailer({ retailerId: 'small', storeImage: 'D' }, { cartons: 40, valueYuan: 40 * 90, class1Cartons: 0, class2PlusCartons: 0, brands: 8 });
const mid = retailer({ retailerId: 'mid' });
const big = retailer({ retailerId: 'big', storeImage: 'A', feedbackCount: 4, newBrandListings: 3 }, { cartons: 800, valueYuan: 800 * 160, class1Cartons: 240, brands: 45 });
const rural = retailer({ retailerId: 'rural', network: 'rural', format: 'B' }, { cartons: 200, valueYuan: 200 * 100 });

describe('monthly batch', () => {
  const sept = runMonthlyBatch({ month: '2026-09', scheme, retailers: [small, mid, big, rural] });

  it('rates every retailer with class, tier, star and segment, stamped with the scheme version', () => {
    const by = Object.fromEntries(sept.ratings.map((r) => [r.retailerId, r]));
    expect(by.big).toMatchObject({ classCode: 'CZ1', tier: 3, segment: 'close', schemeVersion: S.version });
    expect(by.big.star.score).toBe(20 + 15 + 10 + 15 + 5 + 10 + 5 + 8 + 5 + 7);
    expect(by.big.star.star).toBe(6);
    expect(by.small.classCode).toBe('CZ3');
    expect(by.rural.classCode).toBe('XB1'); // alone in its format
    expect(by.mid.star).toMatchObject({ score: 80, star: 4, month: '2026-09' });
    expect(sept.tierContext.top.cartons).toBe(200);
  });

  it('counts the distribution', () => {
    expect(sept.distribution.star.urban.reduce((a, b) => a + b)).toBe(3);
    expect(sept.distribution.star.rural.reduce((a, b) => a + b)).toBe(1);
    expect(sept.distribution.tier).toEqual([2, 1, 1]);
    expect(sept.distribution.classCode).toEqual({ CZ3: 1, CZ2: 1, CZ1: 1, XB1: 1 });
    expect(sept.movers).toMatchObject({ entered: 4, left: 0, list: [] });
  });

  it('lists the movers against last month, biggest star move first', () => {
    const midDown = { ...mid, complianceClass: 'W' as const }; // −20 points: 80 → 60, 4 → 2 stars
    const smallUp = { ...small, storeImage: 'A' as const }; // +8 points
    const oct = runMonthlyBatch({ month: '2026-10', scheme, retailers: [smallUp, midDown, big], previous: sept.ratings });
    expect(oct.movers.list[0]).toMatchObject({ retailerId: 'mid', starFrom: 4, starTo: 2, scoreFrom: 80, scoreTo: 60, segmentTo: 'unstable' });
    expect(oct.movers).toMatchObject({ starDown: 1, entered: 0, left: 1 });
    expect(oct.movers.list.map((m) => m.retailerId)).toContain('small');
  });

  it('carries last month for a retailer whose scoring is frozen, with the reason', () => {
    const hit = { ...mid, orders: { ...mid.orders, cartons: 0, valueYuan: 0, class1Cartons: 0, cyclesOrdered: 0 } };
    const oct = runMonthlyBatch({
      month: '2026-10',
      scheme,
      retailers: [small, hit, big, rural],
      previous: sept.ratings,
      frozen: new Map([['mid', '台风受灾']]),
    });
    const r = oct.ratings.find((x) => x.retailerId === 'mid')!;
    expect(r).toMatchObject({ month: '2026-10', frozenReason: '台风受灾', star: { score: 80, star: 4, month: '2026-10' } });
  });

  it('ranks each market separately in rank mode, and the lines reproduce the stars', () => {
    const rankScheme: RatingScheme = {
      ...scheme,
      star: { ...scheme.star, mode: 'rank', rankShares: { urban: [0, 0, 34, 33, 0, 33], rural: [0, 0, 0, 0, 0, 100] } },
    };
    const b = runMonthlyBatch({ month: '2026-09', scheme: rankScheme, retailers: [small, mid, big, rural] });
    const star = Object.fromEntries(b.ratings.map((r) => [r.retailerId, r.star.star]));
    expect(star).toEqual({ big: 6, mid: 4, small: 3, rural: 6 });
    expect(b.starCutoffs.urban[5]).toBe(b.ratings.find((r) => r.retailerId === 'big')!.star.score);
    for (const r of b.ratings) expect(r.star.cutoffs).toEqual(b.starCutoffs[r.network]);
  });

  it('refuses a bad scheme before computing anything', () => {
    const bad = { ...scheme, tiers: { ...scheme.tiers, shares: [50, 30, 30] } };
    expect(() => runMonthlyBatch({ month: '2026-09', scheme: bad, retailers: [mid] })).toThrow(RatingSchemeError);
  });
});
