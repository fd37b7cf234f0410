import { describe, expect, it } from 'vitest';
import { countNeighbours, distanceKm, pickDenseSpots } from './dense-spots.js';

describe('pickDenseSpots', () => {
  it('keeps the densest of overlapping candidates and separate spots apart', () => {
    // 0.001° of latitude ≈ 111 m.
    const spots = pickDenseSpots(
      [
        { id: 1, lat: 27.6, lng: 113.5, neighbours: 6 },
        { id: 2, lat: 27.601, lng: 113.5, neighbours: 8 }, // 111 m from 1: same spot, denser
        { id: 3, lat: 27.65, lng: 113.5, neighbours: 5 }, // 5.5 km away: its own spot
      ],
      0.15,
    );
    expect(spots.map((s) => [s.id, s.members])).toEqual([
      [2, 9],
      [3, 6],
    ]);
  });
  it('measures about 111 m per 0.001° of latitude', () => {
    expect(distanceKm({ lat: 27.6, lng: 113.5 }, { lat: 27.601, lng: 113.5 })).toBeCloseTo(0.1106, 3);
  });
});

describe('countNeighbours', () => {
  it('counts the same neighbours as comparing every pair, itself excluded', () => {
    // 400 shops in a 2 km square, some stacked on the same spot.
    let x = 7;
    const rnd = () => ((x = (x * 48271) % 2147483647) / 2147483647);
    const shops = Array.from({ length: 400 }, (_, i) => ({ id: i + 1, lat: 27.6 + rnd() * 0.018, lng: 113.5 + rnd() * 0.02 }));
    shops.push({ ...shops[0], id: 401 }, { ...shops[0], id: 402 });
    const r = 0.15;
    const brute = shops.map(
      (c) => shops.filter((o) => o.id !== c.id && Math.hypot((o.lat - c.lat) * 110.57, (o.lng - c.lng) * 111.32 * Math.cos((c.lat * Math.PI) / 180)) <= r).length,
    );
    expect(countNeighbours(shops, shops, r)).toEqual(brute);
    expect(countNeighbours([shops[0]], shops, r)[0]).toBeGreaterThanOrEqual(2);
  });
});
