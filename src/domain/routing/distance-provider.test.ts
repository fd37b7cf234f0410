import { describe, expect, it } from 'vitest';
import { createHaversineProvider, euclideanTable, haversineMetres, haversineTable } from './distance-provider.js';

describe('distances', () => {
  it('measures great-circle distance in metres', () => {
    // One degree of latitude is about 111.2 km.
    expect(haversineMetres({ lat: 27, lng: 113 }, { lat: 28, lng: 113 })).toBeCloseTo(111_195, -1);
  });

  it('multiplies by the road factor and derives durations from the speed', () => {
    const points = [
      { lat: 27.65, lng: 113.5 },
      { lat: 27.66, lng: 113.51 },
    ];
    const plain = haversineMetres(points[0], points[1]);
    const table = haversineTable(points, { speedKmh: 36 });
    expect(table.distance[1]).toBeCloseTo(plain * 1.3, 6);
    expect(table.distance[2]).toBeCloseTo(plain * 1.3, 6);
    expect(table.duration[1]).toBeCloseTo((plain * 1.3) / 10, 6);
    expect(table.distance[0]).toBe(0);
  });

  it('offers the haversine table through the provider interface', async () => {
    const table = await createHaversineProvider({ roadFactor: 1 }).table([
      { lat: 0, lng: 0 },
      { lat: 0, lng: 1 },
    ]);
    expect(table.size).toBe(2);
    expect(table.distance[1]).toBeCloseTo(111_195, -1);
  });

  it('keeps Euclidean distances unrounded', () => {
    const table = euclideanTable([
      { x: 0, y: 0 },
      { x: 1, y: 1 },
    ]);
    expect(table.distance[1]).toBe(Math.SQRT2);
    expect(table.duration).toBe(table.distance);
  });
});
