import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { point } from '@turf/helpers';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Boundary = Polygon | MultiPolygon;

/** Whether a WGS-84 position lies inside the county boundary. */
export function isInsideBoundary(boundary: Boundary, lat: number, lng: number): boolean {
  const feature: Feature<Boundary> = { type: 'Feature', properties: {}, geometry: boundary };
  return booleanPointInPolygon(point([lng, lat]), feature);
}
