// Row-level scope, enforced inside every retailer query: a grid worker sees
// only the retailers of their own grids, a station head those of their
// station, a retailer only themselves. The conditions refer to the aliases
// `r` (retailers) and `g` (grids) that every scoped query uses.
import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../domain/access/viewer.js';

export function retailerScope(viewer: Viewer): SQL {
  const org = sql`r.org_id = ${viewer.orgId}`;
  switch (viewer.role) {
    case 'admin':
    case 'county_manager':
    case 'call_agent':
      return org;
    case 'station_head':
      return sql`${org} and g.station_id = ${viewer.stationId ?? -1}`;
    case 'grid_worker':
      return sql`${org} and g.worker_id = ${viewer.userId}`;
    case 'retailer':
      return sql`${org} and r.id = ${viewer.retailerId ?? -1}`;
    default:
      // A province or city user reads a county only when drilled into it, as its county role (decision 1910).
      return sql`false`;
  }
}

/** Grids a viewer may see or assign retailers to (alias `g`). */
export function gridScope(viewer: Viewer): SQL {
  const org = sql`g.org_id = ${viewer.orgId}`;
  switch (viewer.role) {
    case 'station_head':
      return sql`${org} and g.station_id = ${viewer.stationId ?? -1}`;
    case 'grid_worker':
      return sql`${org} and g.worker_id = ${viewer.userId}`;
    case 'retailer':
      return sql`${org} and g.id = (select grid_id from retailers where org_id = ${viewer.orgId} and id = ${viewer.retailerId ?? -1})`;
    default:
      return org;
  }
}
