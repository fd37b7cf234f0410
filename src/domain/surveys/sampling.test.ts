import { describe, expect, it } from 'vitest';
import { allocate, drawSample, mulberry32, quotaOf, stratumOf, tierBand, type SampleUnit } from './sampling.js';
import { estimateMean, marginOfError } from './margin.js';

function county(): SampleUnit[] {
  const units: SampleUnit[] = [];
  let id = 1;
  for (const [workerId, gridId, n] of [[10, 1, 47], [10, 2, 13], [11, 3, 91], [12, 4, 8]] as const) {
    for (let i = 0; i < n; i++) units.push({ retailerId: id++, workerId, stationId: gridId < 3 ? 1 : 2, gridId, tier: 1 + ((i * 7) % 30), format: 'ZBS'[i % 3], eligible: true });
  }
  return units;
}

describe('drawSample', () => {
  it('meets ceil(share × retailers) for every client manager, from every large stratum', () => {
    const units = county();
    const d = drawSample(units, 0.1, 42);
    expect(d.shortfalls).toEqual([]);
    const per = (w: number) => d.retailerIds.filter((id) => units[id - 1].workerId === w).length;
    expect([per(10), per(11), per(12)]).toEqual([6, 10, 1]);
    expect(d.groups).toBe(3);
    expect(drawSample(units, 0.1, 42)).toEqual(d); // seeded
    expect(drawSample(units, 0.1, 43).retailerIds).not.toEqual(d.retailerIds);
  });
  it('reports a manager whose eligible shops cannot fill the quota', () => {
    const units = county().map((u) => (u.workerId === 12 ? { ...u, eligible: u.retailerId % 4 === 0 } : u));
    const d = drawSample(units, 0.5, 1);
    expect(d.shortfalls).toEqual([{ workerId: 12, gridIds: [4], population: 8, quota: 4, eligible: 2 }]);
  });
  it('quota rounds up, but not past floating-point noise', () => {
    expect(quotaOf(30, 0.1)).toBe(3);
    expect(quotaOf(31, 0.1)).toBe(4);
    expect(quotaOf(5, 1)).toBe(5);
  });
  it('strata are station, grid, tier band and format', () => {
    expect(tierBand(1)).toBe(1);
    expect(tierBand(5)).toBe(1);
    expect(tierBand(6)).toBe(2);
    expect(tierBand(30)).toBe(6);
    expect(stratumOf({ stationId: 1, gridId: 2, tier: 12, format: 'Z' })).toBe('1|2|3|Z');
  });
});

describe('allocate', () => {
  it('shares in proportion, rounds the fractions systematically and moves what a full stratum cannot take', () => {
    expect(allocate([50, 30, 20], [50, 30, 20], 10)).toEqual([5, 3, 2]);
    // Fractions 2/3 each, start 0.5: the points 0.5 and 1.5 fall in the first and third.
    expect(allocate([10, 10, 10], [10, 10, 10], 2)).toEqual([1, 0, 1]);
    expect(allocate([60, 40], [1, 40], 10)).toEqual([1, 9]);
    expect(allocate([5, 5], [5, 5], 10)).toEqual([5, 5]);
  });
  it('gives a stratum too small for a whole unit its fair chance', () => {
    // Quota 2 of 15 shops: the singleton stratum's share is 2/15.
    let hits = 0;
    const runs = 3000;
    for (let s = 0; s < runs; s++) {
      const rand = mulberry32(s);
      const a = allocate([1, 6, 8], [1, 6, 8], 2, rand);
      expect(a.reduce((x, y) => x + y, 0)).toBe(2);
      hits += a[0];
    }
    expect(hits / runs).toBeGreaterThan(0.1);
    expect(hits / runs).toBeLessThan(0.17);
  });
});

describe('margin of error', () => {
  it('is 1.96 · s / √n, with the finite-population correction', () => {
    // 100, 75, 75, 50: mean 75, s = √(1250 / 3) = 20.4124; 1.96 · 20.4124 / 2 = 20.0042
    expect(estimateMean([100, 75, 75, 50])).toEqual({ n: 4, mean: 75, moe: 20 });
    expect(marginOfError(Math.sqrt(1250 / 3), 4)).toBeCloseTo(20.0042, 4);
    // N = 20: × √(16 / 19) = 0.91766 → 18.357
    expect(estimateMean([100, 75, 75, 50], 20).moe).toBeCloseTo(18.36, 2);
    expect(estimateMean([80])).toEqual({ n: 1, mean: 80, moe: null });
    expect(estimateMean([])).toEqual({ n: 0, mean: null, moe: null });
  });
});
