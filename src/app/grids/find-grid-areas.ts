// Every grid's area on the map, tiling the county (decision 1440): drawn areas
// as drawn, the others as their shops' cells, and the overlaps between drawn
// areas. Computed for the whole county in a worker thread (a few seconds of
// turf on 3,000 shops) and kept in memory until a shop moves, a grid changes
// or an area is drawn: the basis is a hash of exactly what the tiles are made of.
import crypto from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { MultiPolygon, Polygon } from 'geojson';
import { query, type Db } from '../../db/client.js';
import { compute } from '../../solver/compute.js';
import type { GridTiles } from '../../domain/grids/grid-tiles.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { gridScope } from '../../db/scope.js';
import type { GridOverlapDto } from '../../shared/grids.js';

type Cached = { basis: string; tiles: Promise<GridTiles> };
/** One entry per county: the newest basis asked for (concurrent readers share its computation). */
const cache = new Map<number, Cached>();

export async function findGridAreas(db: Db, orgId: number): Promise<GridTiles> {
  const [org] = await query<{ boundary: Polygon | MultiPolygon | null }>(db, sql`select boundary from orgs where id = ${orgId}`);
  const points = await query<{ id: number; lat: number; lng: number; gridId: number }>(
    db,
    sql`select r.id, r.lat, r.lng, r.grid_id as "gridId" from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where r.org_id = ${orgId} and r.status <> 'cancelled'
        and not exists (select 1 from grid_retired x where x.org_id = g.org_id and x.grid_id = g.id) order by r.id`,
  );
  const drawn = await query<{ gridId: number; area: Polygon }>(
    db,
    sql`select a.grid_id as "gridId", a.area from grid_areas a join grids g on g.org_id = a.org_id and g.id = a.grid_id
      where a.org_id = ${orgId} and not exists (select 1 from grid_retired x where x.org_id = g.org_id and x.grid_id = g.id) order by a.grid_id`,
  );
  const hash = crypto.createHash('sha1');
  for (const p of points) hash.update(`${p.id},${p.lat},${p.lng},${p.gridId};`);
  for (const d of drawn) hash.update(`d${d.gridId}:${JSON.stringify(d.area)};`);
  hash.update(JSON.stringify(org?.boundary ?? null).length.toString());
  const basis = hash.digest('hex');

  const hit = cache.get(orgId);
  if (hit?.basis === basis) return hit.tiles;
  const tiles = compute('gridTiles', {
    boundary: org?.boundary ?? null,
    points: points.map(({ lat, lng, gridId }) => ({ lat, lng, gridId })),
    drawn: drawn.map(({ gridId, area }) => ({ gridId, area })),
  });
  const entry = { basis, tiles };
  cache.set(orgId, entry);
  // A failed computation is not kept: the next reader tries again.
  tiles.catch(() => cache.get(orgId) === entry && cache.delete(orgId));
  return tiles;
}

/** Overlapping drawn areas that touch the viewer's grids, with both grids' names, largest first. */
export async function findGridOverlaps(db: Db, viewer: Viewer): Promise<GridOverlapDto[]> {
  const { overlaps } = await findGridAreas(db, viewer.orgId);
  if (overlaps.length === 0) return [];
  const grids = await query<{ id: number; name: string; stationId: number; mine: boolean }>(
    db,
    sql`select g.id, g.name, g.station_id as "stationId", (${gridScope(viewer)}) as mine from grids g where g.org_id = ${viewer.orgId}`,
  );
  const byId = new Map(grids.map((g) => [g.id, g]));
  return overlaps
    .filter((o) => byId.get(o.a)?.mine || byId.get(o.b)?.mine)
    .map((o) => {
      const [a, b] = [byId.get(o.a)!, byId.get(o.b)!];
      return { a: { id: a.id, name: a.name, stationId: a.stationId }, b: { id: b.id, name: b.name, stationId: b.stationId }, km2: o.km2, share: o.share, overlap: o.overlap };
    });
}
