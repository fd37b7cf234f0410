// Which grid workers a viewer may see visits, routes and follow-ups of
// (alias `u` = users): a worker only themselves, a station head the workers
// of their station, the county the whole org; nobody else.
import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../domain/access/viewer.js';

export function workerScope(viewer: Viewer): SQL {
  const base = sql`u.org_id = ${viewer.orgId} and u.role = 'grid_worker'`;
  switch (viewer.role) {
    case 'admin':
    case 'county_manager':
      return base;
    case 'station_head':
      return sql`${base} and u.station_id = ${viewer.stationId ?? -1}`;
    case 'grid_worker':
      return sql`${base} and u.id = ${viewer.userId}`;
    default:
      return sql`false`;
  }
}

/** The same rule for rows that carry worker_id and station_id (alias given). */
export function workerRowScope(viewer: Viewer, alias: string): SQL {
  const a = sql.raw(alias);
  const base = sql`${a}.org_id = ${viewer.orgId}`;
  switch (viewer.role) {
    case 'admin':
    case 'county_manager':
      return base;
    case 'station_head':
      return sql`${base} and ${a}.station_id = ${viewer.stationId ?? -1}`;
    case 'grid_worker':
      return sql`${base} and ${a}.worker_id = ${viewer.userId}`;
    default:
      return sql`false`;
  }
}
