import { describe, expect, it } from 'vitest';
import { distanceKm, pickDenseSpots } from './dense-spots.js';

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
