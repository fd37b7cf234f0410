import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';

export async function getOrg(db: Db, orgId: number) {
  const [org] = await query<{ id: number; name: string; adcode: string; boundary: unknown; centerLat: number; centerLng: number }>(
    db,
    sql`select id, name, adcode, boundary, center_lat as "centerLat", center_lng as "centerLng" from orgs where id = ${orgId}`,
  );
  return org;
}

export function findStations(db: Db, viewer: Viewer) {
  return query<{ id: number; code: string; name: string; lat: number; lng: number; grids: number; retailers: number }>(
    db,
    sql`select s.id, s.code, s.name, s.lat, s.lng, count(distinct g.id)::int as grids, count(r.id)::int as retailers
      from stations s join grids g on g.org_id = s.org_id and g.station_id = s.id left join retailers r on r.org_id = g.org_id and r.grid_id = g.id
      where ${gridScope(viewer)} group by s.id, s.org_id order by s.code`,
  );
}

/** The live grids in scope (a grid retired after a merge or delete is history, not a choice). */
export function findGrids(db: Db, viewer: Viewer) {
  return query<{ id: number; code: string; name: string; stationId: number; workerId: number | null; workerName: string | null; retailers: number }>(
    db,
    sql`select g.id, g.code, g.name, g.station_id as "stationId", g.worker_id as "workerId", u.display_name as "workerName",
        (select count(*)::int from retailers r where r.org_id = g.org_id and r.grid_id = g.id) as retailers
      from grids g left join users u on u.org_id = g.org_id and u.id = g.worker_id
      where ${gridScope(viewer)} and not exists (select 1 from grid_retired x where x.grid_id = g.id)
      order by g.code`,
  );
}
