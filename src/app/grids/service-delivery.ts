// Service modes (定点 / 流动) and second-level delivery points, within the
// viewer's scope: classification and proposals run the pure domain code on
// the retailers in scope; results are written set-based in one transaction.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope, retailerScope } from '../../db/scope.js';
import { audit, inTransaction } from './grid-operations.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { distanceKm } from '../../domain/grids/dense-spots.js';
import { type DeliveryOptions } from '../../domain/grids/delivery-points.js';
import { classifyServiceModes, DEFAULT_MODE_OPTIONS, type ServiceMode } from '../../domain/grids/service-mode.js';
import { AppError } from '../../shared/app-error.js';
import { compute, computeBudget } from '../../solver/compute.js';

type ScopedSite = { id: number; lat: number; lng: number; station: number; shopName: string; gridName: string };

function activeInScope(db: Db, viewer: Viewer): Promise<ScopedSite[]> {
  return query<ScopedSite>(
    db,
    sql`select r.id, r.lat, r.lng, g.station_id as station, r.shop_name as "shopName", g.name as "gridName"
      from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where ${retailerScope(viewer)} and ${gridScope(viewer)} and r.status = 'active' order by r.id`,
  );
}

const towns = (db: Db, viewer: Viewer) =>
  query<{ lat: number; lng: number }>(db, sql`select lat, lng from villages where org_id = ${viewer.orgId} and kind = 'town'`);

const json = (v: unknown) => sql`${JSON.stringify(v)}::jsonb`;

export async function classifyModes(db: Db, viewer: Viewer, now: Date): Promise<{ fixed: number; mobile: number; groups: number }> {
  return inTransaction(db, async (tx) => {
    const sites = await activeInScope(tx, viewer);
    const manual = await query<{ id: number; mode: ServiceMode }>(
      tx,
      sql`select retailer_id as id, mode from retailer_service_modes where org_id = ${viewer.orgId} and manual`,
    );
    const result = classifyServiceModes(sites, await towns(tx, viewer), DEFAULT_MODE_OPTIONS, new Map(manual.map((m) => [m.id, m.mode])));
    // Group numbers stay unique in the org when one station is reclassified.
    const ids = sites.map((s) => s.id);
    const [{ base }] = await query<{ base: number }>(
      tx,
      sql`select coalesce(max(group_no), 0)::int as base from retailer_service_modes
        where org_id = ${viewer.orgId} and not (retailer_id = any(${`{${ids.join(',')}}`}::int[]))`,
    );
    const rows = result.map((r) => ({ id: r.id, mode: r.mode, g: r.group === null ? null : r.group + base }));
    await tx.execute(sql`insert into retailer_service_modes (retailer_id, org_id, mode, manual, group_no, updated_by, updated_at)
      select x.id, ${viewer.orgId}, x.mode, coalesce(m.manual, false), x.g, ${viewer.userId}, ${now.toISOString()}
      from jsonb_to_recordset(${json(rows)}) as x(id int, mode text, g int)
      left join retailer_service_modes m on m.retailer_id = x.id
      on conflict (org_id, retailer_id) do update set mode = excluded.mode, group_no = excluded.group_no,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
    const groups = new Set(rows.filter((r) => r.g !== null).map((r) => r.g)).size;
    const mobile = rows.filter((r) => r.mode === 'mobile').length;
    await audit(tx, viewer, 'update', 'service_mode', [], { classified: rows.length, mobile, groups }, now);
    return { fixed: rows.length - mobile, mobile, groups };
  });
}

export async function findModes(db: Db, viewer: Viewer) {
  const rows = await query<{ id: number; shopName: string; gridId: number; gridName: string; star: number; lat: number; lng: number; mode: string; manual: boolean; groupNo: number | null }>(
    db,
    sql`select r.id, r.shop_name as "shopName", r.grid_id as "gridId", g.name as "gridName", r.star, r.lat, r.lng, m.mode, m.manual, m.group_no as "groupNo"
      from retailer_service_modes m join retailers r on r.org_id = m.org_id and r.id = m.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where ${retailerScope(viewer)} and r.status = 'active' order by m.group_no nulls last, r.id`,
  );
  const groups = new Map<number, typeof rows>();
  for (const r of rows) if (r.mode === 'mobile' && r.groupNo !== null) groups.set(r.groupNo, [...(groups.get(r.groupNo) ?? []), r]);
  return {
    fixed: rows.filter((r) => r.mode === 'fixed').length,
    mobile: rows.filter((r) => r.mode === 'mobile').length,
    manual: rows.filter((r) => r.manual).map((r) => ({ id: r.id, shopName: r.shopName, mode: r.mode })),
    groups: [...groups.entries()].map(([groupNo, members]) => ({
      groupNo,
      members: members.map(({ id, shopName, gridId, gridName, star, lat, lng, manual }) => ({ id, shopName, gridId, gridName, star, lat, lng, manual })),
    })),
  };
}

export async function setMode(db: Db, viewer: Viewer, retailerId: number, mode: ServiceMode, now: Date): Promise<void> {
  await inTransaction(db, async (tx) => {
    const [r] = await query<{ id: number; lat: number; lng: number; station: number; old: string | null }>(
      tx,
      sql`select r.id, r.lat, r.lng, g.station_id as station, m.mode as old from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
        left join retailer_service_modes m on m.org_id = r.org_id and m.retailer_id = r.id
        where ${retailerScope(viewer)} and ${gridScope(viewer)} and r.id = ${retailerId} for update of r`,
    );
    if (!r) throw new AppError('not_found');
    let group: number | null = null;
    if (mode === 'mobile') {
      // Join the group of the nearest mobile retailer of the station within reach, or start a new one.
      const others = await query<{ lat: number; lng: number; g: number }>(
        tx,
        sql`select r.lat, r.lng, m.group_no as g from retailer_service_modes m join retailers r on r.org_id = m.org_id and r.id = m.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where m.org_id = ${viewer.orgId} and m.mode = 'mobile' and m.group_no is not null and g.station_id = ${r.station} and r.id <> ${r.id}`,
      );
      const near = others.map((o) => ({ g: o.g, d: distanceKm(o, r) })).filter((o) => o.d <= DEFAULT_MODE_OPTIONS.groupLinkKm).sort((a, b) => a.d - b.d)[0];
      if (near) group = near.g;
      else {
        const [{ n }] = await query<{ n: number }>(tx, sql`select coalesce(max(group_no), 0)::int + 1 as n from retailer_service_modes where org_id = ${viewer.orgId}`);
        group = n;
      }
    }
    await tx.execute(sql`insert into retailer_service_modes (retailer_id, org_id, mode, manual, group_no, updated_by, updated_at)
      values (${r.id}, ${viewer.orgId}, ${mode}, true, ${group}, ${viewer.userId}, ${now.toISOString()})
      on conflict (org_id, retailer_id) do update set mode = excluded.mode, manual = true, group_no = excluded.group_no,
        updated_by = excluded.updated_by, updated_at = excluded.updated_at`);
    await tx.execute(sql`insert into retailer_changes (org_id, retailer_id, user_id, source, changes, at)
      values (${viewer.orgId}, ${r.id}, ${viewer.userId}, 'service_mode', ${json([{ field: 'serviceMode', old: r.old, new: mode }])}, ${now.toISOString()})`);
    await audit(tx, viewer, 'update', 'retailer', [r.id], { op: 'service_mode', mode }, now);
  });
}

/**
 * The p-median runs in a worker (decision 0810): its search stops at a third
 * of the budget with the best points found, leaving the rest for the worker's
 * start, the distance matrix and the greedy start on a loaded machine.
 */
export async function proposeDelivery(db: Db, viewer: Viewer, opts: DeliveryOptions, progress: (pct: number, text: string) => Promise<void> = async () => undefined) {
  const sites = await activeInScope(db, viewer);
  await progress(10, 'search');
  const searchMs = Math.floor(computeBudget('deliveryPoints') / 3);
  const proposal = await compute('deliveryPoints', { sites: sites.map(({ id, lat, lng }) => ({ id, lat, lng })), towns: await towns(db, viewer), opts, searchMs });
  const byId = new Map(sites.map((s) => [s.id, s]));
  return {
    remote: proposal.remote,
    before: proposal.before,
    after: proposal.after,
    stoppedEarly: proposal.stoppedEarly,
    points: proposal.points.map((p) => ({
      retailerId: p.id,
      shopName: byId.get(p.id)!.shopName,
      gridName: byId.get(p.id)!.gridName,
      lat: p.lat,
      lng: p.lng,
      serves: p.serves.map((id) => ({ id, shopName: byId.get(id)!.shopName, lat: byId.get(id)!.lat, lng: byId.get(id)!.lng, km: Math.round(distanceKm(p, byId.get(id)!) * 100) / 100 })),
    })),
  };
}

export async function recordDelivery(
  db: Db,
  viewer: Viewer,
  points: { retailerId: number; kind: 'entrusted' | 'pickup'; serves: number[] }[],
  now: Date,
): Promise<{ points: number; served: number }> {
  return inTransaction(db, async (tx) => {
    const ids = [...new Set(points.flatMap((p) => [p.retailerId, ...p.serves]))];
    const found = ids.length
      ? await query<{ id: number; lat: number; lng: number }>(
          tx,
          sql`select r.id, r.lat, r.lng from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
            where ${retailerScope(viewer)} and ${gridScope(viewer)} and r.status = 'active' and r.id = any(${`{${ids.join(',')}}`}::int[])`,
        )
      : [];
    if (found.length !== ids.length) throw new AppError('not_found', [{ field: 'points', code: 'not_found' }]);
    const at = new Map(found.map((r) => [r.id, r]));
    // Replace the points this viewer may see; others' stay.
    await tx.execute(sql`delete from delivery_points d using retailers r join grids g on g.id = r.grid_id
      where d.retailer_id = r.id and d.org_id = ${viewer.orgId} and ${retailerScope(viewer)}`);
    let served = 0;
    for (const p of points) {
      const [row] = await query<{ id: number }>(
        tx,
        sql`insert into delivery_points (org_id, retailer_id, kind, created_by, created_at)
          values (${viewer.orgId}, ${p.retailerId}, ${p.kind}, ${viewer.userId}, ${now.toISOString()}) returning id`,
      );
      const members = [...new Set(p.serves)].map((id) => ({ id, km: Math.round(distanceKm(at.get(p.retailerId)!, at.get(id)!) * 1000) / 1000 }));
      served += members.length;
      if (members.length)
        await tx.execute(sql`insert into delivery_point_members (point_id, retailer_id, org_id, distance_km)
          select ${row.id}, x.id, ${viewer.orgId}, x.km from jsonb_to_recordset(${json(members)}) as x(id int, km float8)`);
    }
    await audit(tx, viewer, 'update', 'delivery_points', points.map((p) => p.retailerId), { points: points.length, served }, now);
    return { points: points.length, served };
  });
}

export function findDeliveryPoints(db: Db, viewer: Viewer) {
  return query<{ id: number; retailerId: number; shopName: string; kind: string; lat: number; lng: number; served: number; meanKm: number | null }>(
    db,
    sql`select d.id, d.retailer_id as "retailerId", r.shop_name as "shopName", d.kind, r.lat, r.lng,
        (select count(*)::int from delivery_point_members m where m.point_id = d.id) as served,
        (select round(avg(m.distance_km)::numeric, 2)::float8 from delivery_point_members m where m.point_id = d.id) as "meanKm"
      from delivery_points d join retailers r on r.org_id = d.org_id and r.id = d.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where d.org_id = ${viewer.orgId} and ${retailerScope(viewer)} order by d.id`,
  );
}
