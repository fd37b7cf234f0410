// Who a person's notice reaches, within their scope: a county manager the
// whole county, a station head their station, a grid worker their grids.
// Asking for more is refused (notice_scope), never silently narrowed.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope, retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { Audience } from '../../shared/notices.js';
import { checkArea, insideArea } from '../care/disaster-area.js';

export type Recipient = { id: number; shopName: string; legalPerson: string; customerCode: string; tier: number; orderWeekday: number };

function audienceWhere(a: Audience, orgId: number): SQL {
  switch (a.kind) {
    case 'area':
      return insideArea(orgId, { kind: 'polygon', ring: a.ring });
    case 'county':
      return sql`true`;
    case 'station':
      return sql`g.station_id = ${a.stationId}`;
    case 'grids':
      return sql`g.id = any(${`{${a.gridIds.join(',')}}`}::int[])`;
    case 'tiers':
      return sql`r.tier between ${Math.min(a.tierFrom, a.tierTo)} and ${Math.max(a.tierFrom, a.tierTo)}`;
    case 'retailers':
      return sql`r.id = any(${`{${a.retailerIds.join(',')}}`}::int[])`;
  }
}

export async function resolveAudience(db: Db, viewer: Viewer, asked: Audience): Promise<Recipient[]> {
  const wide = viewer.role === 'admin' || viewer.role === 'county_manager';
  let a = asked;
  if (a.kind === 'area') {
    // The drawn ring: at least three corners, edges that do not cross, every corner inside the county (422 otherwise).
    const checked = await checkArea(db, viewer.orgId, { kind: 'polygon', ring: a.ring });
    if (checked.kind !== 'polygon') throw new AppError('polygon_invalid');
    a = { kind: 'area', ring: checked.ring };
    if (!wide) {
      // Someone with a territory may draw only over their own shops: any active shop inside it beyond their scope refuses the send.
      const [c] = await query<{ total: number; mine: number }>(db, sql`select count(*)::int as total, count(*) filter (where ${retailerScope(viewer)})::int as mine
        from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.org_id = ${viewer.orgId} and r.status = 'active' and ${audienceWhere(a, viewer.orgId)}`);
      if (c.total > c.mine) throw new AppError('notice_scope');
    }
  }
  if (a.kind === 'county' && !wide) throw new AppError('notice_scope');
  if (a.kind === 'station' && !wide && !(viewer.role === 'station_head' && viewer.stationId === a.stationId)) throw new AppError('notice_scope');
  if (a.kind === 'grids' || a.kind === 'retailers') {
    // Every asked grid or shop must be in scope: count what the viewer may see among them.
    const asked = a.kind === 'grids' ? a.gridIds : a.retailerIds;
    const [seen] = await query<{ n: number }>(db, a.kind === 'grids'
      ? sql`select count(distinct g.id)::int as n from grids g where ${gridScope(viewer)} and g.id = any(${`{${asked.join(',')}}`}::int[])`
      : sql`select count(distinct r.id)::int as n from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${retailerScope(viewer)} and r.id = any(${`{${asked.join(',')}}`}::int[])`);
    if (seen.n < new Set(asked).size) throw new AppError('notice_scope');
  }
  return query<Recipient>(db, sql`select r.id, r.shop_name as "shopName", r.legal_person as "legalPerson", r.customer_code as "customerCode", r.tier, r.order_weekday as "orderWeekday"
    from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
    where ${retailerScope(viewer)} and r.status = 'active' and ${audienceWhere(a, viewer.orgId)} order by r.id`);
}
