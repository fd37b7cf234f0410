import { describe, expect, it } from 'vitest';
import { scoreBands } from './bands.js';
import { complianceClass } from './compliance-class.js';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import type { NumericBand, StarItemDef } from './scheme.js';
import { rateStar, scoreStarItems, starFromCutoffs } from './score-star.js';
import { retailer } from './test-fixtures.js';

const bandsOf = (id: string) => {
  const def = S.star.items.find((i) => i.id === id) as StarItemDef & { bands: NumericBand[]; floor: number };
  return (v: number) => scoreBands(v, def.bands, def.floor);
};

describe('star items of the default scheme', () => {
  it('scores monthly volume from ≥15 件 → 15 down to <1 件 → 3, band edges inclusive', () => {
    const volume = bandsOf('volume');
    expect(volume(15)).toBe(15);
    expect(volume(14.98)).toBe(14);
    expect(volume(1)).toBe(4);
    expect(volume(0.98)).toBe(3);
    expect(volume(0)).toBe(3);
  });

  it('scores class-1 share from ≥26% → 10 down to <2% → 4 (3.1% → 6, 1.8% → 4)', () => {
    const share = bandsOf('class1Share');
    expect(share(26)).toBe(10);
    expect(share(25.9)).toBe(9);
    expect(share(3.1)).toBe(6);
    expect(share(2)).toBe(5);
    expect(share(1.8)).toBe(4);
  });

  it('scores average carton price one point per 10 yuan under 150', () => {
    const price = bandsOf('avgPrice');
    expect(price(150)).toBe(15);
    expect(price(149.99)).toBe(14);
    expect(price(120)).toBe(12);
    expect(price(60)).toBe(6);
    expect(price(59)).toBe(5);
  });

  it('treats float noise just under a band edge as reaching it', () => {
    expect(bandsOf('class1Share')(26 - 1e-12)).toBe(10);
    expect(bandsOf('class1Share')(26 - 1e-6)).toBe(9);
  });

  it('adds up a hand-computed retailer', () => {
    // 400 cartons = 8 件 → 10; class-1 10% → 7; 120 元 → 12; A → 20; image B → 8;
    // 30 brands → 4; feedback 2 → 3; new brands 1 → 4; 4/4 cycles → 5; e-settlement 100% → 7.
    const r = rateStar(retailer(), S, '2026-10');
    expect(r.items.map((i) => [i.id, i.points])).toEqual([
      ['integrity', 20],
      ['volume', 10],
      ['class1Share', 7],
      ['avgPrice', 12],
      ['brands', 4],
      ['storeImage', 8],
      ['feedback', 3],
      ['newBrands', 4],
      ['dependence', 5],
      ['eSettlement', 7],
    ]);
    expect(r.score).toBe(80);
    expect(r.star).toBe(4); // urban: 75–84 → 4 stars
    expect(r.schemeVersion).toBe(S.version);
  });

  it('gives nothing for price and share without orders, and 0 when not on e-settlement', () => {
    const r = rateStar(retailer({ eSettlementSuccessPct: null }, { cartons: 0, valueYuan: 0, class1Cartons: 0, cyclesOrdered: 0 }), S, '2026-10');
    const pts = Object.fromEntries(r.items.map((i) => [i.id, i.points]));
    expect(pts).toMatchObject({ volume: 3, class1Share: 0, avgPrice: 0, dependence: 0, eSettlement: 0 });
  });

  it('uses different lines for urban and rural markets', () => {
    expect(starFromCutoffs(72, S.star.cutoffs.urban)).toBe(3);
    expect(starFromCutoffs(72, S.star.cutoffs.rural)).toBe(4);
    expect(starFromCutoffs(95, S.star.cutoffs.urban)).toBe(6);
    expect(starFromCutoffs(94, S.star.cutoffs.urban)).toBe(5);
    expect(starFromCutoffs(0, S.star.cutoffs.urban)).toBe(1);
  });
});

describe('compliance class', () => {
  it('maps the monopoly score and penalties to A/B/C/W', () => {
    expect(complianceClass(91, 0)).toBe('A');
    expect(complianceClass(90, 0)).toBe('B');
    expect(complianceClass(81, 2)).toBe('B');
    expect(complianceClass(80, 0)).toBe('C');
    expect(complianceClass(70, 0)).toBe('W');
    expect(complianceClass(99, 3)).toBe('W');
  });
});
