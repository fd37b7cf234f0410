import { describe, expect, it } from 'vitest';
import { area } from '@turf/turf';
import type { Polygon } from 'geojson';
import { findOverlaps, tileGrids } from './grid-tiles.js';

const square = (w: number, s: number, d: number): Polygon => ({ type: 'Polygon', coordinates: [[[w, s], [w + d, s], [w + d, s + d], [w, s + d], [w, s]]] });
const county = square(113, 27, 0.1);
// Grid 1's shops on the west, grid 2's on the east, grid 3's one shop in the middle of grid 1's.
const shops = [
  { lng: 113.02, lat: 27.02, gridId: 1 },
  { lng: 113.02, lat: 27.08, gridId: 1 },
  { lng: 113.08, lat: 27.02, gridId: 2 },
  { lng: 113.08, lat: 27.08, gridId: 2 },
  { lng: 113.02, lat: 27.05, gridId: 3 },
];

describe('grid areas that tile the county', () => {
  it('cover the county once: every grid its shops’ cells, no two sharing land', () => {
    const { areas, overlaps } = tileGrids(county, shops, []);
    expect([...areas.keys()].sort()).toEqual([1, 2, 3]);
    const sum = [...areas.values()].reduce((s, a) => s + area(a), 0);
    expect(sum / area(county)).toBeCloseTo(1, 4);
    expect(findOverlaps([...areas].map(([gridId, a]) => ({ gridId, area: a as Polygon })), 1e-6)).toEqual([]);
    expect(overlaps).toEqual([]);
    // Grid 1 is cut in two by grid 3's shop between its own.
    expect(areas.get(1)!.type).toBe('MultiPolygon');
  });

  it('a drawn area is kept as drawn and the cells give way to it', () => {
    const drawn = square(113.04, 27.04, 0.02);
    const { areas } = tileGrids(county, shops, [{ gridId: 9, area: drawn }]);
    expect(areas.get(9)).toEqual(drawn);
    const others = [...areas].filter(([id]) => id !== 9).map(([gridId, a]) => ({ gridId, area: a as Polygon }));
    expect(findOverlaps([...others, { gridId: 9, area: drawn }], 1e-6)).toEqual([]);
  });

  it('two drawn areas sharing more than a sliver are an overlap; a sliver along an edge is not', () => {
    const a = { gridId: 4, area: square(113, 27, 0.02) };
    const b = { gridId: 2, area: square(113.01, 27.01, 0.02) };
    const [o] = findOverlaps([a, b]);
    expect(o).toMatchObject({ a: 2, b: 4, share: 0.25 });
    expect(o.km2).toBeGreaterThan(1);
    expect(findOverlaps([a, { gridId: 5, area: square(113.0199, 27, 0.02) }])).toEqual([]);
  });
});
