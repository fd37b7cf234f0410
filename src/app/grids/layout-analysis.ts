// 网点布局: villages above a population with no licensed retailer within a
// distance (空白村), and spots where many retailers crowd a small radius.
// Distances are equirectangular kilometres in SQL; a bounding box first keeps
// the join small.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope, retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { compute, exclusive } from '../../solver/compute.js';

const KM_LAT = 110.57;
const km = (a: string, b: string) =>
  sql.raw(`sqrt(power((${a}.lat - ${b}.lat) * ${KM_LAT}, 2) + power((${a}.lng - ${b}.lng) * 111.32 * cos(radians(${b}.lat)), 2))`);

export type BlankVillage = { id: number; name: string; township: string; population: number; lat: number; lng: number; nearestKm: number | null };

export async function findBlankVillages(db: Db, viewer: Viewer, opts: { minPopulation: number; radiusKm: number }): Promise<BlankVillage[]> {
  const dLat = opts.radiusKm / KM_LAT;
  const near = 4 * opts.radiusKm;
  const rows = await query<BlankVillage>(
    db,
    sql`select v.id, v.name, v.township, v.population, v.lat, v.lng, round(n.d::numeric, 2)::float8 as "nearestKm"
      from villages v
      left join lateral (
        select min(${km('r', 'v')}) as d from retailers r
        where r.org_id = v.org_id and r.status = 'active'
          and r.lat between v.lat - ${4 * dLat} and v.lat + ${4 * dLat} and abs(r.lng - v.lng) <= ${4.05 * dLat} / cos(radians(v.lat))
      ) n on true
      where v.org_id = ${viewer.orgId} and v.kind = 'village' and v.population >= ${opts.minPopulation}
        and (n.d is null or n.d > ${opts.radiusKm})
      order by v.population desc, v.id`,
  );
  // Beyond the search box the nearest retailer is simply "more than 4 radii away".
  return rows.map((r) => ({ ...r, nearestKm: r.nearestKm !== null && r.nearestKm <= near ? r.nearestKm : null }));
}

export type DenseSpotRow = { id: number; shopName: string; gridName: string; lat: number; lng: number; members: number };

/**
 * Neighbour counts are taken in a worker (decision 0810): the self-join in
 * SQL did the same in one statement, which on the embedded database (WASM on
 * the server's own thread) stalled every request for seconds. Two plain reads
 * here, the counting and picking off the thread.
 */
export async function findDenseSpots(db: Db, viewer: Viewer, opts: { radiusM: number; minCount: number }): Promise<DenseSpotRow[]> {
  return exclusive(viewer.userId, 'denseSpots', async () => {
    const centres = await query<{ id: number; lat: number; lng: number; shopName: string; gridName: string }>(
      db,
      sql`select r.id, r.lat, r.lng, r.shop_name as "shopName", g.name as "gridName"
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
        where ${retailerScope(viewer)} and ${gridScope(viewer)} and r.status = 'active'`,
    );
    // Neighbours count across the whole county, also outside the viewer's scope (only counts leave the worker).
    const all = await query<{ id: number; lat: number; lng: number }>(
      db,
      sql`select r.id, r.lat, r.lng from retailers r where r.org_id = ${viewer.orgId} and r.status = 'active'`,
    );
    const spots = await compute('denseSpots', {
      centres: centres.map(({ id, lat, lng }) => ({ id, lat, lng })),
      all,
      radiusKm: opts.radiusM / 1000,
      minCount: opts.minCount,
    });
    const byId = new Map(centres.map((c) => [c.id, c]));
    return spots.map((s) => {
      const c = byId.get(s.id)!;
      return { id: s.id, shopName: c.shopName, gridName: c.gridName, lat: s.lat, lng: s.lng, members: s.members };
    });
  });
}
