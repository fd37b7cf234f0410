// A ring drawn on the map (selection or grid area), checked before use: at
// least three distinct corners, edges that do not cross, corners inside the
// county when asked. Errors are message codes.
import { polygon } from '@turf/helpers';
import { kinks } from '@turf/kinks';
import type { Polygon } from 'geojson';
import { isInsideBoundary, type Boundary } from '../geo/inside-boundary.js';

export type RingCheck = { ok: true; polygon: Polygon } | { ok: false; code: 'polygon_invalid' | 'polygon_self_intersecting' | 'outside_county' };

export function checkRing(ring: readonly (readonly [number, number])[], county?: Boundary): RingCheck {
  const open = ring.length > 1 && same(ring[0], ring[ring.length - 1]) ? ring.slice(0, -1) : [...ring];
  const distinct = open.filter((p, i) => i === 0 || !same(p, open[i - 1]));
  if (distinct.length > 1 && same(distinct[0], distinct[distinct.length - 1])) distinct.pop();
  if (distinct.length < 3) return { ok: false, code: 'polygon_invalid' };
  const closed = [...distinct, distinct[0]].map((p) => [p[0], p[1]]);
  const shape = polygon([closed]);
  if (kinks(shape).features.length > 0) return { ok: false, code: 'polygon_self_intersecting' };
  if (Math.abs(signedArea(distinct)) < 1e-12) return { ok: false, code: 'polygon_invalid' };
  if (county && distinct.some(([lng, lat]) => !isInsideBoundary(county, lat, lng))) return { ok: false, code: 'outside_county' };
  return { ok: true, polygon: shape.geometry };
}

function same(a: readonly number[], b: readonly number[]): boolean {
  return a[0] === b[0] && a[1] === b[1];
}

function signedArea(ring: readonly (readonly [number, number])[]): number {
  let s = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i];
    const [x2, y2] = ring[(i + 1) % ring.length];
    s += x1 * y2 - x2 * y1;
  }
  return s / 2;
}
