// Grid areas that tile the county (issue 14 item 11). A grid without a drawn
// area gets the cells of its shops: each shop's Voronoi cell (the land nearer
// to it than to any other shop), merged per grid, clipped to the county
// boundary and minus every drawn area. Such areas cannot overlap each other or
// a drawn one. Drawn areas are kept as drawn and checked against each other:
// every pair that shares more than a sliver is an overlap for the station
// head to fix (decision 1440).
import { area } from '@turf/area';
import { bbox } from '@turf/bbox';
import { booleanIntersects } from '@turf/boolean-intersects';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import { difference } from '@turf/difference';
import { featureCollection, point } from '@turf/helpers';
import { intersect } from '@turf/intersect';
import { union } from '@turf/union';
import { voronoi } from '@turf/voronoi';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type TilePoint = { lat: number; lng: number; gridId: number };
export type DrawnArea = { gridId: number; area: Polygon };
export type GridOverlap = {
  /** The two grids, lower id first. */
  a: number;
  b: number;
  /** Overlap in square kilometres, and as a share of the smaller of the two areas. */
  km2: number;
  share: number;
  overlap: Polygon | MultiPolygon;
};
export type GridTiles = { areas: Map<number, Polygon | MultiPolygon>; overlaps: GridOverlap[] };

/** An overlap under this share of the smaller area is a sliver from drawing along a shared edge, not a conflict. */
export const OVERLAP_MIN_SHARE = 0.02;

type Area = Polygon | MultiPolygon;
const feature = (g: Area): Feature<Area> => ({ type: 'Feature', properties: {}, geometry: g });

/** Pairs of drawn areas that overlap by at least OVERLAP_MIN_SHARE of the smaller one, largest first. */
export function findOverlaps(drawn: readonly DrawnArea[], minShare = OVERLAP_MIN_SHARE): GridOverlap[] {
  const boxes = drawn.map((d) => bbox(d.area));
  const sizes = drawn.map((d) => area(d.area));
  const found: GridOverlap[] = [];
  for (let i = 0; i < drawn.length; i++)
    for (let j = i + 1; j < drawn.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      if (a[2] < b[0] || b[2] < a[0] || a[3] < b[1] || b[3] < a[1]) continue;
      if (!booleanIntersects(drawn[i].area, drawn[j].area)) continue;
      const common = intersect(featureCollection([feature(drawn[i].area), feature(drawn[j].area)]));
      if (!common) continue;
      const m2 = area(common);
      const share = m2 / Math.min(sizes[i], sizes[j]);
      if (share < minShare) continue;
      const [x, y] = drawn[i].gridId < drawn[j].gridId ? [drawn[i], drawn[j]] : [drawn[j], drawn[i]];
      found.push({ a: x.gridId, b: y.gridId, km2: round(m2 / 1e6, 3), share: round(share, 3), overlap: common.geometry });
    }
  return found.sort((p, q) => q.km2 - p.km2);
}

/**
 * Areas for every grid that has shops or a drawn area. `boundary` is the county (Polygon or MultiPolygon);
 * shops outside it still get a cell, clipped away where it leaves the county.
 */
export function tileGrids(boundary: Area | null, points: readonly TilePoint[], drawn: readonly DrawnArea[]): GridTiles {
  const areas = new Map<number, Area>();
  for (const d of drawn) areas.set(d.gridId, d.area);
  const drawnIds = new Set(drawn.map((d) => d.gridId));

  // One site per distinct position (two shops in one building share a cell; the first one's grid takes it).
  const sites = new Map<string, TilePoint>();
  for (const p of points) {
    if (drawnIds.has(p.gridId)) continue;
    const key = `${p.lng.toFixed(6)},${p.lat.toFixed(6)}`;
    if (!sites.has(key)) sites.set(key, p);
  }
  const list = [...sites.values()];
  if (list.length === 0) return { areas, overlaps: findOverlaps(drawn) };

  // Cells over the county's box (and every shop), padded, then clipped to the county.
  const all = [...points.map((p) => [p.lng, p.lat]), ...(boundary ? boxCorners(bbox(boundary)) : [])];
  const lngs = all.map((c) => c[0]);
  const lats = all.map((c) => c[1]);
  const pad = 0.01;
  const box: [number, number, number, number] = [Math.min(...lngs) - pad, Math.min(...lats) - pad, Math.max(...lngs) + pad, Math.max(...lats) + pad];
  const cells = voronoi(featureCollection(list.map((p) => point([p.lng, p.lat]))), { bbox: box });

  const byGrid = new Map<number, Feature<Polygon>[]>();
  cells.features.forEach((cell, i) => {
    if (!cell?.geometry) return;
    const g = list[i].gridId;
    const own = byGrid.get(g);
    if (own) own.push(cell as Feature<Polygon>);
    else byGrid.set(g, [cell as Feature<Polygon>]);
  });

  const edge = boundary ? boundaryVertices(boundary) : [];
  const drawnUnion = drawn.length > 1 ? union(featureCollection(drawn.map((d) => feature(d.area)))) : drawn.length ? feature(drawn[0].area) : null;
  for (const [gridId, own] of byGrid) {
    let merged: Feature<Area> | null = own.length > 1 ? union(featureCollection(own)) : own[0];
    if (merged && boundary && !inside(merged.geometry, boundary, edge)) merged = intersect(featureCollection([merged, feature(boundary)]));
    if (merged && drawnUnion) merged = difference(featureCollection([merged, drawnUnion]));
    if (merged) areas.set(gridId, roundGeometry(merged.geometry));
  }
  return { areas, overlaps: findOverlaps(drawn) };
}

/** The boundary's corners, to tell whether any falls within a grid's box. */
function boundaryVertices(b: Area): number[][] {
  return b.type === 'Polygon' ? b.coordinates.flat() : b.coordinates.flat(2);
}

/**
 * Whether a merged area lies inside the county without clipping: every corner inside the boundary and no
 * corner of the boundary within its box. Clipping is most of the time (the boundary has ~500 corners) and
 * most grids are inland; a grid this test is unsure of is clipped.
 */
function inside(g: Area, boundary: Area, edge: readonly number[][]): boolean {
  const [w, s, e, n] = bbox(g);
  if (edge.some(([x, y]) => x >= w && x <= e && y >= s && y <= n)) return false;
  const corners = g.type === 'Polygon' ? g.coordinates[0] : g.coordinates.flatMap((p) => p[0]);
  return corners.every((c) => booleanPointInPolygon(c, boundary));
}

function boxCorners([w, s, e, n]: number[]): number[][] {
  return [
    [w, s],
    [e, n],
  ];
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;

/** Six decimals (about 0.1 m): the answer for 100 grids stays a few hundred kB. */
function roundGeometry(g: Area): Area {
  const ring = (r: number[][]) => r.map(([x, y]) => [round(x, 6), round(y, 6)]);
  return g.type === 'Polygon' ? { type: 'Polygon', coordinates: g.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: g.coordinates.map((p) => p.map(ring)) };
}
