// What the map draws, all limited to the viewer's scope in SQL: retailers as
// compact rows (or, when too many are in view, square-cell clusters summed in
// SQL), grids with their area and workload, villages and towns.
import { sql, type SQL } from 'drizzle-orm';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Polygon } from 'geojson';
import { query, type Db } from '../../db/client.js';
import { gridScope, retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { measureGrids, type PartitionPoint } from '../../domain/grids/partition.js';
import { findGridAreas } from './find-grid-areas.js';
import { serviceMinutes, visitsPerMonth } from '../../domain/grids/workload.js';
import type { GridFeature, MapPointRow, MapPoints, Place, SelectedRetailer } from '../../shared/grids.js';

/** Retailers drawn on the map: licensed (active or suspended), not cancelled. */
export const ON_MAP = sql`r.status <> 'cancelled'`;
/** Grids that still exist (not retired after a merge). */
export const LIVE_GRID = sql`not exists (select 1 from grid_retired x where x.grid_id = g.id)`;

export type MapFilter = { stationId?: number; bbox?: [number, number, number, number]; zoom?: number; maxPoints?: number };

function filters(viewer: Viewer, f: MapFilter): SQL {
  const parts = [retailerScope(viewer), ON_MAP];
  if (f.stationId) parts.push(sql`g.station_id = ${f.stationId}`);
  if (f.bbox) {
    const [w, s, e, n] = f.bbox;
    parts.push(sql`r.lng between ${w} and ${e} and r.lat between ${s} and ${n}`);
  }
  return sql.join(parts, sql` and `);
}

export async function findMapPoints(db: Db, viewer: Viewer, f: MapFilter): Promise<MapPoints> {
  const where = filters(viewer, f);
  const limit = f.maxPoints ?? 20_000;
  // Counting stops one past the limit: at province scale only the clustering scans every row.
  const [{ total: capped }] = await query<{ total: number }>(
    db,
    sql`select count(*)::int as total from (select 1 from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${where} limit ${limit + 1}) x`,
  );
  if (capped > limit && f.zoom !== undefined) {
    // Cells about 64 screen pixels wide at this zoom (a 256-pixel tile spans 360 / 2^zoom degrees).
    const cell = 90 / 2 ** f.zoom;
    const clusters = await query<{ lat: number; lng: number; n: number }>(
      db,
      sql`select avg(r.lat)::float8 as lat, avg(r.lng)::float8 as lng, count(*)::int as n
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${where}
        group by floor(r.lat / ${cell}), floor(r.lng / ${cell})`,
    );
    return { mode: 'clusters', total: clusters.reduce((a, c) => a + c.n, 0), points: [], clusters: clusters.map((c) => [c.lat, c.lng, c.n]) };
  }
  const rows = await query<{ id: number; lat: number; lng: number; g: number; star: number; tier: number; cls: string; fmt: string; net: string; name: string }>(
    db,
    sql`select r.id, r.lat, r.lng, r.grid_id as g, r.star, r.tier, r.class_code as cls, r.business_format as fmt, r.network as net, r.shop_name as name
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${where} order by r.id limit ${limit}`,
  );
  const points: MapPointRow[] = rows.map((r) => [r.id, r.lat, r.lng, r.g, r.star, r.tier, r.cls, r.fmt, r.net, r.name]);
  // Without a zoom the first `limit` points are sent; the total then says how many there are at least.
  return { mode: 'points', total: capped > limit ? capped : points.length, points, clusters: [] };
}

type GridRow = {
  id: number;
  code: string;
  name: string;
  stationId: number;
  workerId: number | null;
  workerName: string | null;
  policy: string;
  targets: Record<string, number>;
  area: Polygon | null;
};

type MemberRow = PartitionPoint & { gridId: number; star: number; network: string; businessFormat: string };

/** Members of the grids in scope with what the workload model needs. */
export async function findGridMembers(db: Db, viewer: Viewer, stationId?: number): Promise<MemberRow[]> {
  const rows = await query<{ id: number; lat: number; lng: number; gridId: number; station: number; star: number; network: string; businessFormat: string }>(
    db,
    sql`select r.id, r.lat, r.lng, r.grid_id as "gridId", g.station_id as station, r.star, r.network, r.business_format as "businessFormat"
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where ${gridScope(viewer)} and ${ON_MAP} ${stationId ? sql`and g.station_id = ${stationId}` : sql``} order by r.id`,
  );
  return rows.map((r) => ({ ...r, visits: visitsPerMonth(r), serviceMinutes: serviceMinutes(r) }));
}

export async function findGridFeatures(db: Db, viewer: Viewer, stationId?: number): Promise<GridFeature[]> {
  const grids = await query<GridRow>(
    db,
    sql`select g.id, g.code, g.name, g.station_id as "stationId", g.worker_id as "workerId", u.display_name as "workerName",
        g.policy, g.targets, a.area
      from grids g left join users u on u.org_id = g.org_id and u.id = g.worker_id left join grid_areas a on a.org_id = g.org_id and a.grid_id = g.id
      where ${gridScope(viewer)} and ${LIVE_GRID} ${stationId ? sql`and g.station_id = ${stationId}` : sql``} order by g.code`,
  );
  const members = await findGridMembers(db, viewer, stationId);
  const byGrid = new Map<number, MemberRow[]>();
  for (const m of members) {
    const list = byGrid.get(m.gridId);
    if (list) list.push(m);
    else byGrid.set(m.gridId, [m]);
  }
  const measured = measureGrids(members, grids.map((g) => (byGrid.get(g.id) ?? []).map((m) => m.id)));
  // Areas tile the county: drawn as drawn, the others from their shops' cells (decision 1440).
  const { areas, overlaps } = await findGridAreas(db, viewer.orgId);
  const overlapping = new Map<number, number[]>();
  for (const o of overlaps) {
    overlapping.set(o.a, [...(overlapping.get(o.a) ?? []), o.b]);
    overlapping.set(o.b, [...(overlapping.get(o.b) ?? []), o.a]);
  }
  return grids.map((g, i) => {
    const own = byGrid.get(g.id) ?? [];
    return {
      ...g,
      targets: g.targets ?? {},
      retailers: own.length,
      workload: Math.round(measured[i].workload),
      drawn: g.area !== null,
      area: areas.get(g.id) ?? null,
      overlaps: overlapping.get(g.id) ?? [],
      centre: own.length ? measured[i].centre : null,
    };
  });
}

export function findPlaces(db: Db, viewer: Viewer): Promise<Place[]> {
  return query<Place>(
    db,
    sql`select id, name, kind, township, population, lat, lng from villages where org_id = ${viewer.orgId} order by kind desc, population desc`,
  );
}

/** Retailers in scope inside a drawn polygon (bounding box in SQL, the exact test after). */
export async function findRetailersInPolygon(db: Db, viewer: Viewer, polygon: Polygon): Promise<SelectedRetailer[]> {
  const ring = polygon.coordinates[0];
  const lngs = ring.map((p) => p[0]);
  const lats = ring.map((p) => p[1]);
  const rows = await query<SelectedRetailer & { lat: number; lng: number }>(
    db,
    sql`select r.id, r.shop_name as "shopName", r.grid_id as "gridId", g.name as "gridName", r.star, r.lat, r.lng
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where ${filters(viewer, { bbox: [Math.min(...lngs), Math.min(...lats), Math.max(...lngs), Math.max(...lats)] })} order by r.id`,
  );
  return rows.filter((r) => booleanPointInPolygon([r.lng, r.lat], polygon)).map(({ lat: _lat, lng: _lng, ...r }) => r);
}
