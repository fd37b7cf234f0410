// Which service-desk cases a viewer may see and work (alias given): the
// county sees the org; a station head the cases of their station's shops
// and those they handle; a grid worker the cases they handle and those of
// their grids' shops, except a complaint about themselves; the call centre
// reads the org's cases (it takes the calls and the 回访); a retailer their own,
// except a suspected counterfeit the worker found in their shop on a visit.
import { sql, type SQL } from 'drizzle-orm';
import type { Viewer } from '../domain/access/viewer.js';

export function caseScope(viewer: Viewer, alias = 'c'): SQL {
  const a = sql.raw(alias);
  const org = sql`${a}.org_id = ${viewer.orgId}`;
  switch (viewer.role) {
    case 'admin':
    case 'county_manager':
    case 'call_agent':
      return org;
    case 'station_head':
      return sql`${org} and (${a}.station_id = ${viewer.stationId ?? -1} or ${a}.handler_id = ${viewer.userId})`;
    case 'grid_worker':
      return sql`${org} and (${a}.handler_id = ${viewer.userId} or (${a}.grid_id in (select id from grids where worker_id = ${viewer.userId})
        and ${a}.subject_user_id is distinct from ${viewer.userId}))`;
    case 'retailer':
      // Not a suspected-counterfeit report the grid worker raised on a visit to the shop: it is about the shop,
      // for the monopoly side, and the shop must not read it or its photos (decision 1024).
      return sql`${org} and ${a}.retailer_id = ${viewer.retailerId ?? -1} and not (${a}.channel = 'visit' and ${a}.category = 'counterfeit')`;
    default:
      // A province or city user reads a county only when drilled into it, as its county role (decision 1910).
      return sql`false`;
  }
}

/** Cases a viewer may work on (notes, calls, replies, closing): their own, their station's, or, for the county, any. */
export function caseWorkScope(viewer: Viewer, alias = 'c'): SQL {
  const a = sql.raw(alias);
  const org = sql`${a}.org_id = ${viewer.orgId}`;
  switch (viewer.role) {
    case 'admin':
    case 'county_manager':
      return org;
    case 'station_head':
      return sql`${org} and (${a}.station_id = ${viewer.stationId ?? -1} or ${a}.handler_id = ${viewer.userId})`;
    case 'grid_worker':
      return sql`${org} and ${a}.handler_id = ${viewer.userId}`;
    default:
      return sql`false`;
  }
}
