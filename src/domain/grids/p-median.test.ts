import { describe, expect, it } from 'vitest';
import { evaluate, solvePMedian, type PMedianProblem } from './p-median.js';
import { pMedianLp } from './p-median-mip.js';

// Demands and candidates on a line (km): two clusters around 0 and 10.
const xs = [0, 1, 2, 9, 10, 11];
const line = (maxKm = Infinity, p = 2): PMedianProblem => ({
  demands: xs.length,
  candidates: xs.length,
  p,
  uncoveredCost: 100,
  distance: (i, j) => {
    const d = Math.abs(xs[i] - xs[j]);
    return d <= maxKm ? d : Infinity;
  },
});

describe('p-median', () => {
  it('opens the middle of each cluster (hand-checked optimum 4 km)', () => {
    const s = solvePMedian(line());
    expect(s.open).toEqual([1, 4]);
    expect(s.cost).toBe(4);
    expect(s.assign).toEqual([1, 1, 1, 4, 4, 4]);
  });

  it('with one point, a maximum distance leaves the far cluster uncovered at its penalty', () => {
    const s = solvePMedian(line(3, 1));
    expect(s.uncovered).toBe(3);
    expect(s.cost).toBe(2 + 3 * 100);
    expect(evaluate(line(3, 1), [1]).cost).toBe(302);
  });

  it('writes the exact model with only reachable pairs', () => {
    const lp = pMedianLp(line(1.5, 2));
    expect(lp).toContain('Binary');
    expect(lp).toContain('x_0_1');
    expect(lp).not.toContain('x_0_3');
    expect(lp).toMatch(/p: y_0 \+ y_1 \+ y_2 \+ y_3 \+ y_4 \+ y_5 = 2/);
  });
});

describe('delivery points', () => {
  it('serves the remote retailers only, and every retailer from its nearest point', async () => {
    const { proposeDeliveryPoints } = await import('./delivery-points.js');
    const town = { lat: 27.6, lng: 113.5 };
    // Three shops 10 km north of the town, close together, and one in town.
    const shops = [
      { id: 1, lat: 27.69, lng: 113.5 },
      { id: 2, lat: 27.691, lng: 113.5 },
      { id: 3, lat: 27.692, lng: 113.5 },
      { id: 4, lat: 27.6005, lng: 113.5 },
    ];
    const p = proposeDeliveryPoints(shops, [town], { p: 1, maxKm: 2, remoteKm: 5 });
    expect(p.remote.map((r) => r.id)).toEqual([1, 2, 3]);
    expect(p.points).toEqual([{ id: 2, lat: 27.691, lng: 113.5, serves: [1, 2, 3] }]);
    expect(p.before.meanKm).toBeGreaterThan(9.9);
    expect(p.after.meanKm).toBeLessThan(0.1);
    expect(p.after.coverage).toBe(1);
  });
});
