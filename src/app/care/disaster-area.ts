// The shops inside a disaster's area, in one set-based statement: a drawn
// ring (ray casting over its edges in SQL, after a bounding-box filter), the
// picked grids, or the shops within a radius of the picked villages. Only
// active shops; a drawn ring is checked first (≥ 3 corners, no crossing
// edges, inside the county).
import { sql, type SQL } from 'drizzle-orm';
import type { Polygon } from 'geojson';
import { query, type Db } from '../../db/client.js';
import { checkRing } from '../../domain/grids/drawn-ring.js';
import type { Boundary } from '../../domain/geo/inside-boundary.js';
import { AppError } from '../../shared/app-error.js';
import type { DisasterArea } from '../../shared/care.js';

export type AreaShop = { retailerId: number; shopName: string; gridName: string; workerId: number | null; workerName: string | null; lat: number; lng: number };

/** The area checked and normalised (a ring closed-open, as WGS-84 [lng, lat]). */
export async function checkArea(db: Db, orgId: number, area: DisasterArea): Promise<DisasterArea> {
  if (area.kind !== 'polygon') return area;
  const [org] = await query<{ boundary: Boundary }>(db, sql`select boundary from orgs where id = ${orgId}`);
  const checked = checkRing(area.ring, org?.boundary);
  if (!checked.ok) throw new AppError(checked.code, [{ field: 'area.ring', code: checked.code }]);
  const ring = (checked.polygon as Polygon).coordinates[0].slice(0, -1).map(([x, y]) => [x, y] as [number, number]);
  return { kind: 'polygon', ring };
}

/** SQL condition on `r` (retailers) for the area. */
export function insideArea(orgId: number, area: DisasterArea): SQL {
  switch (area.kind) {
    case 'grids':
      return sql`r.grid_id in (select (jsonb_array_elements_text(${JSON.stringify(area.gridIds)}::jsonb))::int)`;
    case 'villages':
      return sql`exists (select 1 from villages v where v.org_id = ${orgId} and v.id in (select (jsonb_array_elements_text(${JSON.stringify(area.villageIds)}::jsonb))::int)
        and 111.32 * sqrt(power(r.lat - v.lat, 2) + power((r.lng - v.lng) * cos(radians(v.lat)), 2)) <= ${area.radiusKm})`;
    case 'polygon': {
      const xs = area.ring.map((p) => p[0]);
      const ys = area.ring.map((p) => p[1]);
      const n = area.ring.length;
      const edges = sql`(select p.o, (p.v->>0)::float8 as x, (p.v->>1)::float8 as y from jsonb_array_elements(${JSON.stringify(area.ring)}::jsonb) with ordinality as p(v, o))`;
      return sql`r.lng between ${Math.min(...xs)} and ${Math.max(...xs)} and r.lat between ${Math.min(...ys)} and ${Math.max(...ys)}
        and (select count(*) from ${edges} a join ${edges} b on b.o = a.o % ${n} + 1
             where (a.y > r.lat) <> (b.y > r.lat) and r.lng < (b.x - a.x) * (r.lat - a.y) / (b.y - a.y) + a.x) % 2 = 1`;
    }
  }
}

/** Active shops of the org inside the area, with their grid and its worker. */
export async function findShopsInArea(db: Db, orgId: number, area: DisasterArea): Promise<AreaShop[]> {
  return query<AreaShop>(
    db,
    sql`select r.id as "retailerId", r.shop_name as "shopName", g.name as "gridName", g.worker_id as "workerId", u.display_name as "workerName", r.lat, r.lng
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id left join users u on u.org_id = g.org_id and u.id = g.worker_id
      where r.org_id = ${orgId} and r.status = 'active' and ${insideArea(orgId, area)}
      order by g.name, r.id`,
  );
}
