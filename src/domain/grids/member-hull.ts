// A grid's shape when none was drawn: the convex hull of its retailers, each
// padded by a small octagon so that one or two shops still make an area.
import { convex } from '@turf/convex';
import { featureCollection, point } from '@turf/helpers';
import type { Polygon } from 'geojson';

const KM_PER_DEG_LAT = 110.57;

export function memberHull(members: readonly { lat: number; lng: number }[], padKm = 0.12): Polygon | null {
  if (members.length === 0) return null;
  const corners = [];
  for (const m of members) {
    const kmLng = 111.32 * Math.cos((m.lat * Math.PI) / 180);
    for (let k = 0; k < 8; k++) {
      const a = (k * Math.PI) / 4;
      corners.push(point([round(m.lng + (padKm * Math.cos(a)) / kmLng), round(m.lat + (padKm * Math.sin(a)) / KM_PER_DEG_LAT)]));
    }
  }
  return convex(featureCollection(corners))?.geometry ?? null;
}

const round = (x: number) => Math.round(x * 1e6) / 1e6;
