// A disaster: its area gives the affected active shops, each assigned to its
// grid worker with a contact task; the list, the detail with the checklist,
// the help ledger and the freezes. Grid workers see their own shops of it.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import { can } from '../../domain/access/permissions.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { disasterCreateSchema, disasterDetailSchema, disasterSummarySchema, DisasterArea } from '../../shared/care.js';
import { writeAudit } from '../audit/audit.js';
import { localDate } from './care-dates.js';
import { checkArea, findShopsInArea, type AreaShop } from './disaster-area.js';

type Summary = z.input<typeof disasterSummarySchema>;
type Detail = z.input<typeof disasterDetailSchema>;

export async function previewDisasterArea(db: Db, viewer: Viewer, area: DisasterArea): Promise<AreaShop[]> {
  return findShopsInArea(db, viewer.orgId, await checkArea(db, viewer.orgId, area));
}

export async function createDisaster(db: Db, viewer: Viewer, input: z.output<typeof disasterCreateSchema>, now: Date): Promise<{ id: number; shops: number }> {
  if (input.occurredOn > localDate(now)) throw new AppError('care_disaster_date', [{ field: 'occurredOn', code: 'care_disaster_date' }]);
  const area = await checkArea(db, viewer.orgId, input.area);
  const shops = await findShopsInArea(db, viewer.orgId, area);
  if (!shops.length) throw new AppError('care_area_empty');
  const today = localDate(now);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [d] = await query<{ id: number }>(
      tx,
      sql`insert into care_disasters (org_id, name, kind, occurred_on, area, recovery_level, created_by)
        values (${viewer.orgId}, ${input.name}, ${input.kind}, ${input.occurredOn}, ${JSON.stringify(area)}::jsonb, ${input.recoveryLevel}, ${viewer.userId}) returning id`,
    );
    const list = JSON.stringify(shops.map((s) => ({ r: s.retailerId, w: s.workerId, n: s.shopName })));
    await query(
      tx,
      sql`insert into care_disaster_shops (org_id, disaster_id, retailer_id, worker_id)
        select ${viewer.orgId}, ${d.id}, (x->>'r')::int, (x->>'w')::int from jsonb_array_elements(${list}::jsonb) x`,
    );
    await query(
      tx,
      sql`insert into care_tasks (org_id, kind, dedupe_key, retailer_id, assignee_id, due_on, title, disaster_id)
        select ${viewer.orgId}, 'disaster_contact', 'disaster:' || ${d.id} || ':' || (x->>'r'), (x->>'r')::int, (x->>'w')::int, ${today}::date,
          (x->>'n') || ' ' || ${input.name} || ' 受灾联系', ${d.id}
        from jsonb_array_elements(${list}::jsonb) x on conflict (org_id, dedupe_key) do nothing`,
    );
    await writeAudit(tx, viewer, { action: 'create', entity: 'care_disaster', entityIds: [d.id], detail: { name: input.name, area: area.kind, shops: shops.length } }, now);
    return { id: d.id, shops: shops.length };
  });
}

const summaryColumns = sql`d.id, d.name, d.kind, to_char(d.occurred_on, 'YYYY-MM-DD') as "occurredOn", d.status, d.recovery_level::float8 as "recoveryLevel",
  d.latest_share::float8 as "latestShare", d.closed_at as "closedAt"`;

/** Disasters with the counts of the shops the viewer may see. */
export async function findDisasters(db: Db, viewer: Viewer): Promise<Summary[]> {
  return query<Summary>(
    db,
    sql`select ${summaryColumns},
        (select count(*)::int from care_disaster_shops s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where s.org_id = d.org_id and s.disaster_id = d.id and ${retailerScope(viewer)}) as shops,
        (select count(*)::int from care_disaster_shops s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where s.org_id = d.org_id and s.disaster_id = d.id and s.contacted_at is not null and ${retailerScope(viewer)}) as contacted,
        coalesce((select sum(h.amount_yuan)::float8 from care_help h where h.org_id = d.org_id and h.disaster_id = d.id), 0) as "helpYuan"
      from care_disasters d where d.org_id = ${viewer.orgId} order by d.occurred_on desc, d.id desc limit 200`,
  );
}

export async function getDisaster(db: Db, viewer: Viewer, id: number): Promise<Detail> {
  const all = await findDisasters(db, viewer);
  const disaster = all.find((d) => d.id === id);
  if (!disaster) throw new AppError('not_found');
  const [{ area }] = await query<{ area: DisasterArea }>(db, sql`select area from care_disasters where org_id = ${viewer.orgId} and id = ${id}`);
  const shops = await query<Detail['shops'][number]>(
    db,
    sql`select s.retailer_id as "retailerId", r.shop_name as "shopName", r.address, g.name as "gridName", s.worker_id as "workerId", u.display_name as "workerName", r.lat, r.lng,
        s.reached, s.safe, s.damaged, s.losses_yuan::float8 as "lossesYuan", s.losses_note as "lossesNote", s.contacted_at as "contactedAt",
        coalesce((select sum(h.amount_yuan)::float8 from care_help h where h.org_id = s.org_id and h.disaster_id = s.disaster_id and h.retailer_id = s.retailer_id), 0) as "helpYuan"
      from care_disaster_shops s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join users u on u.org_id = s.org_id and u.id = s.worker_id
      where s.org_id = ${viewer.orgId} and s.disaster_id = ${id} and ${retailerScope(viewer)}
      order by (s.worker_id = ${viewer.userId}) desc, s.contacted_at is not null, g.name, r.id`,
  );
  const help = await query<Detail['help'][number]>(
    db,
    sql`select h.id, h.retailer_id as "retailerId", r.shop_name as "shopName", h.kind, h.amount_yuan::float8 as "amountYuan", h.description, a.display_name as "approverName",
        to_char(h.given_on, 'YYYY-MM-DD') as "givenOn", c.display_name as "recordedBy"
      from care_help h join retailers r on r.org_id = h.org_id and r.id = h.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      join users a on a.org_id = h.org_id and a.id = h.approver_id left join users c on c.org_id = h.org_id and c.id = h.created_by
      where h.org_id = ${viewer.orgId} and h.disaster_id = ${id} and ${retailerScope(viewer)} order by h.given_on desc, h.id desc`,
  );
  const freezes = await query<{ month: string; shops: number }>(
    db,
    sql`select f.month, count(*)::int as shops from rating_freezes f join care_disaster_shops s on s.org_id = f.org_id and s.retailer_id = f.retailer_id
      where s.org_id = ${viewer.orgId} and s.disaster_id = ${id} and f.reason = ${freezeReason(id)} group by f.month order by f.month`,
  );
  return { disaster, ring: area.kind === 'polygon' ? area.ring : null, shops, help, freezes, can: { manage: can(viewer.role, 'care.manage'), work: can(viewer.role, 'care.work') } };
}

/** The reason written on a disaster's rating freezes, which finds them again. */
export function freezeReason(disasterId: number): string {
  return `灾害 disaster:${disasterId}`;
}
