import { describe, expect, it } from 'vitest';
import { gridCounts, measureGrids, partitionGrids, type PartitionPoint } from './partition.js';
import { kMeans } from './kmeans.js';
import { balanceFigures, serviceMinutes, travelMinutes, visitsPerMonth } from './workload.js';

// About 1 km east per 0.0101° of longitude at 27.6°N, 1 km north per 0.00904° of latitude.
const KM_LNG = 1 / (111.32 * Math.cos((27.6 * Math.PI) / 180));
const KM_LAT = 1 / 110.57;
const at = (id: number, eastKm: number, northKm: number, extra: Partial<PartitionPoint> = {}): PartitionPoint => ({
  id,
  lat: 27.6 + northKm * KM_LAT,
  lng: 113.5 + eastKm * KM_LNG,
  station: 1,
  visits: 1,
  serviceMinutes: 15,
  ...extra,
});
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('workload model', () => {
  it('visits by star with an urban extra, service by format', () => {
    expect(visitsPerMonth({ star: 5, network: 'urban', businessFormat: 'Z' })).toBe(5);
    expect(visitsPerMonth({ star: 1, network: 'rural', businessFormat: 'Z' })).toBe(1);
    expect(serviceMinutes({ star: 1, network: 'rural', businessFormat: 'S' })).toBe(25);
    expect(serviceMinutes({ star: 1, network: 'rural', businessFormat: 'Z' })).toBe(15);
    // 1 km × 1.3 detour at 30 km/h = 2.6 minutes.
    expect(travelMinutes(1, { speedKmh: 30, detour: 1.3 })).toBeCloseTo(2.6, 6);
  });

  it('balance figures: max/min and coefficient of variation', () => {
    const f = balanceFigures([100, 200]);
    expect(f.maxMinRatio).toBe(2);
    expect(f.mean).toBe(150);
    expect(f.cv).toBeCloseTo(50 / 150, 9);
  });

  it('measures a grid from its visit-weighted centre', () => {
    // Two shops 2 km apart, one visit each: centre in the middle, 1 km each, 2.6 min travel each.
    const [g] = measureGrids([at(1, 0, 0), at(2, 2, 0)], [[1, 2]]);
    expect(g.serviceMinutes).toBe(30);
    expect(g.travelMinutes).toBeCloseTo(5.2, 2);
    expect(g.meanRadiusKm).toBeCloseTo(1, 2);
  });
});

describe('partitionGrids', () => {
  it('two far clusters become two grids, one each', () => {
    const pts = [...[0, 1, 2, 3].map((i) => at(i, i * 0.1, 0)), ...[4, 5, 6, 7].map((i) => at(i, 20 + i * 0.1, 0))];
    const { grids } = partitionGrids(pts, { grids: 2 });
    expect(grids.map((g) => sorted(g.members))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
    ].sort((a, b) => sorted(grids[0].members)[0] === a[0] ? -1 : 1));
    expect(sorted(grids.flatMap((g) => g.members))).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('a heavy shop gets a grid with fewer members (balance by workload, not by count)', () => {
    // Five shops in a row 100 m apart; the first takes 4 visits × 30 min, the others 1 × 15.
    const pts = [at(0, 0, 0, { visits: 4, serviceMinutes: 30 }), ...[1, 2, 3, 4, 5, 6, 7, 8].map((i) => at(i, i * 0.1, 0))];
    const { grids, figures } = partitionGrids(pts, { grids: 2 });
    const heavy = grids.find((g) => g.members.includes(0))!;
    expect(heavy.members.length).toBeLessThan(5);
    expect(figures.maxMinRatio).toBeLessThan(1.3);
  });

  it('never mixes stations and shares grids by workload', () => {
    // Station 1 has three times station 2's work, interleaved on the same street.
    const pts = Array.from({ length: 40 }, (_, i) => at(i, i * 0.2, 0, { station: i % 4 === 0 ? 2 : 1 }));
    const { grids } = partitionGrids(pts, { grids: 4 });
    expect(grids.filter((g) => g.station === 1)).toHaveLength(3);
    expect(grids.filter((g) => g.station === 2)).toHaveLength(1);
    for (const g of grids) for (const id of g.members) expect(pts[id].station).toBe(g.station);
  });

  it('a target workload sets the number of grids', () => {
    const pts = Array.from({ length: 30 }, (_, i) => at(i, (i % 6) * 0.3, Math.floor(i / 6) * 0.3));
    // 30 shops × 15 min ≈ 450 min plus a little travel: 150 min a grid gives three grids.
    const { grids } = partitionGrids(pts, { targetWorkload: 160 });
    expect(grids).toHaveLength(3);
    expect(sorted(grids.flatMap((g) => g.members))).toEqual(pts.map((p) => p.id));
  });

  it('grid counts: proportional, at least one per station, never more than its retailers', () => {
    const stations = [{ idx: [0, 1, 2, 3, 4, 5] }, { idx: [6, 7] }, { idx: [8] }];
    expect(gridCounts([600, 200, 100], stations, { grids: 6 })).toEqual([4, 1, 1]);
    expect(gridCounts([100, 100, 1000], stations, { grids: 5 })).toEqual([2, 2, 1]);
  });

  it('is deterministic', () => {
    const pts = Array.from({ length: 60 }, (_, i) => at(i, Math.sin(i) * 3, Math.cos(i * 1.7) * 3, { visits: 1 + (i % 3) }));
    const a = partitionGrids(pts, { grids: 6 });
    const b = partitionGrids(pts, { grids: 6 });
    expect(a.grids.map((g) => g.members)).toEqual(b.grids.map((g) => g.members));
    expect(a.figures.maxMinRatio).toBeLessThan(1.3);
  });
});

describe('kMeans', () => {
  it('finds two obvious clusters', () => {
    const pts = [at(0, 0, 0), at(1, 0.1, 0), at(2, 10, 0), at(3, 10.1, 0)];
    const a = kMeans(pts, 2, 1);
    expect(a[0]).toBe(a[1]);
    expect(a[2]).toBe(a[3]);
    expect(a[0]).not.toBe(a[2]);
  });
});
