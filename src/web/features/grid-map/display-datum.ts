// Stored positions are WGS-84; Chinese tile servers draw GCJ-02 or BD-09.
// Shapes go to the tiles' datum for display and drawn corners come back.
import gcoord from 'gcoord';
import type { Org } from '../../../shared/org.js';

const datum = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
const shifted = (org: Pick<Org, 'tiles'>) => !!org.tiles.url && org.tiles.crs !== 'wgs84';

/** A GeoJSON geometry copied into the tiles' datum (unchanged without tiles). */
export function geometryForDisplay(org: Pick<Org, 'tiles'>, geometry: unknown): GeoJSON.GeoJsonObject {
  const copy = structuredClone(geometry) as GeoJSON.GeoJsonObject;
  if (!shifted(org)) return copy;
  return gcoord.transform(copy as never, gcoord.WGS84, datum[org.tiles.crs]) as unknown as GeoJSON.GeoJsonObject;
}

/** A displayed position back to WGS-84 [lng, lat], rounded to six decimals (about 0.1 m). */
export function displayToWgs(org: Pick<Org, 'tiles'>, lng: number, lat: number): [number, number] {
  const round = (x: number) => Math.round(x * 1e6) / 1e6;
  if (!shifted(org)) return [round(lng), round(lat)];
  const [x, y] = gcoord.transform([lng, lat], datum[org.tiles.crs], gcoord.WGS84) as [number, number];
  return [round(x), round(y)];
}

/** A WGS-84 position in the tiles' datum, as [lng, lat]. */
export function wgsToDisplay(org: Pick<Org, 'tiles'>, lng: number, lat: number): [number, number] {
  if (!shifted(org)) return [lng, lat];
  return gcoord.transform([lng, lat], gcoord.WGS84, datum[org.tiles.crs]) as [number, number];
}
