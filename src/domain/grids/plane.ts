// Positions on a local plane in kilometres (equirectangular around the data's
// mean latitude: well under 1% error across a county or a station).
import { hilbertIndex } from '../geo/hilbert.js';

export type LatLng = { lat: number; lng: number };
export type Plane = { x: Float64Array; y: Float64Array; lat0: number; lng0: number; kmLng: number };

const KM_PER_DEG_LAT = 110.57;

export function toPlane(points: readonly LatLng[]): Plane {
  const n = points.length;
  const lat0 = n ? points.reduce((a, p) => a + p.lat, 0) / n : 0;
  const lng0 = n ? points.reduce((a, p) => a + p.lng, 0) / n : 0;
  const kmLng = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  points.forEach((p, i) => {
    x[i] = (p.lng - lng0) * kmLng;
    y[i] = (p.lat - lat0) * KM_PER_DEG_LAT;
  });
  return { x, y, lat0, lng0, kmLng };
}

export function fromPlane(plane: Plane, x: number, y: number): LatLng {
  return { lat: plane.lat0 + y / KM_PER_DEG_LAT, lng: plane.lng0 + x / plane.kmLng };
}

/** Indices `idx` sorted along the Hilbert curve over their bounding box. */
export function hilbertOrder(plane: Plane, idx: readonly number[]): number[] {
  let minX = Infinity, maxX = -Infinity, minY = Infinity, maxY = -Infinity;
  for (const i of idx) {
    minX = Math.min(minX, plane.x[i]);
    maxX = Math.max(maxX, plane.x[i]);
    minY = Math.min(minY, plane.y[i]);
    maxY = Math.max(maxY, plane.y[i]);
  }
  const span = Math.max(maxX - minX, maxY - minY, 1e-9);
  const key = (i: number) =>
    hilbertIndex(Math.floor(((plane.x[i] - minX) / span) * 65535), Math.floor(((plane.y[i] - minY) / span) * 65535));
  const keys = new Map(idx.map((i) => [i, key(i)]));
  return [...idx].sort((a, b) => keys.get(a)! - keys.get(b)! || a - b);
}
