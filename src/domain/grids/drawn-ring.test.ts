import { describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { checkRing } from './drawn-ring.js';
import { memberHull } from './member-hull.js';
import { booleanPointInPolygon } from '@turf/turf';

const county: Polygon = { type: 'Polygon', coordinates: [[[113, 27], [114, 27], [114, 28], [113, 28], [113, 27]]] };

describe('checkRing', () => {
  it('accepts a square, open or closed', () => {
    const sq: [number, number][] = [[113.1, 27.1], [113.2, 27.1], [113.2, 27.2], [113.1, 27.2]];
    expect(checkRing(sq, county).ok).toBe(true);
    const closed = checkRing([...sq, sq[0]], county);
    expect(closed.ok && closed.polygon.coordinates[0]).toHaveLength(5);
  });
  it('refuses a bow-tie', () => {
    expect(checkRing([[113.1, 27.1], [113.2, 27.2], [113.2, 27.1], [113.1, 27.2]], county)).toEqual({ ok: false, code: 'polygon_self_intersecting' });
  });
  it('refuses fewer than three distinct corners and flat rings', () => {
    expect(checkRing([[113.1, 27.1], [113.1, 27.1], [113.2, 27.2]], county)).toEqual({ ok: false, code: 'polygon_invalid' });
    expect(checkRing([[113.1, 27.1], [113.2, 27.2], [113.3, 27.3]], county)).toEqual({ ok: false, code: 'polygon_invalid' });
  });
  it('refuses a corner outside the county only when a county is given', () => {
    const ring: [number, number][] = [[113.9, 27.9], [114.1, 27.9], [114.0, 27.95]];
    expect(checkRing(ring, county)).toEqual({ ok: false, code: 'outside_county' });
    expect(checkRing(ring).ok).toBe(true);
  });
});

describe('memberHull', () => {
  it('pads one shop into an area that contains it', () => {
    const hull = memberHull([{ lat: 27.6, lng: 113.5 }])!;
    expect(hull.type).toBe('Polygon');
    expect(booleanPointInPolygon([113.5, 27.6], hull)).toBe(true);
    expect(booleanPointInPolygon([113.51, 27.6], hull)).toBe(false);
  });
  it('is null for an empty grid', () => {
    expect(memberHull([])).toBeNull();
  });
});
