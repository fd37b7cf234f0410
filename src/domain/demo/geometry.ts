// Small-distance geometry in kilometres around the county (equirectangular is
// accurate to well under 1% over 60 km), and point-in-boundary with turf.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import type { Rng } from './random.js';
import { hilbertIndex } from '../geo/hilbert.js';

export type Boundary = Polygon | MultiPolygon;
export type LatLng = { lat: number; lng: number };

const KM_PER_DEG_LAT = 110.57;
const kmPerDegLng = (lat: number) => 111.32 * Math.cos((lat * Math.PI) / 180);

export function distanceKm(a: LatLng, b: LatLng): number {
  const dy = (a.lat - b.lat) * KM_PER_DEG_LAT;
  const dx = (a.lng - b.lng) * kmPerDegLng((a.lat + b.lat) / 2);
  return Math.sqrt(dx * dx + dy * dy);
}

export function offsetKm(p: LatLng, eastKm: number, northKm: number): LatLng {
  return { lat: p.lat + northKm / KM_PER_DEG_LAT, lng: p.lng + eastKm / kmPerDegLng(p.lat) };
}

/** Six decimals (about 0.1 m), as GPS positions are usually stored. */
export function roundPosition(p: LatLng): LatLng {
  return { lat: Math.round(p.lat * 1e6) / 1e6, lng: Math.round(p.lng * 1e6) / 1e6 };
}

export function insideTest(boundary: Boundary): (p: LatLng) => boolean {
  const feature: Feature<Boundary> = { type: 'Feature', properties: {}, geometry: boundary };
  return (p) => booleanPointInPolygon([p.lng, p.lat], feature);
}

/** A point around `centre` with normally distributed offsets of `sigmaKm`. */
export function scatter(rng: Rng, centre: LatLng, sigmaKm: number): LatLng {
  return offsetKm(centre, rng.normal() * sigmaKm, rng.normal() * sigmaKm);
}

/** A point uniformly in the ring minKm..maxKm around `centre`. */
export function inRing(rng: Rng, centre: LatLng, minKm: number, maxKm: number): LatLng {
  const r = Math.sqrt(minKm * minKm + rng.next() * (maxKm * maxKm - minKm * minKm));
  const a = rng.next() * 2 * Math.PI;
  return offsetKm(centre, r * Math.cos(a), r * Math.sin(a));
}

/** Pull a point towards `anchor` until it lies inside (for hand-placed points near the border). */
export function pullInside(p: LatLng, anchor: LatLng, inside: (p: LatLng) => boolean): LatLng {
  for (let t = 0; t <= 1; t += 0.05) {
    const q = { lat: p.lat + (anchor.lat - p.lat) * t, lng: p.lng + (anchor.lng - p.lng) * t };
    if (inside(q)) return q;
  }
  return anchor;
}

export function hilbertKey(p: LatLng, box: { minLat: number; maxLat: number; minLng: number; maxLng: number }): number {
  const scale = (v: number, lo: number, hi: number) => Math.max(0, Math.min(65535, Math.floor(((v - lo) / (hi - lo)) * 65535)));
  return hilbertIndex(scale(p.lng, box.minLng, box.maxLng), scale(p.lat, box.minLat, box.maxLat));
}
