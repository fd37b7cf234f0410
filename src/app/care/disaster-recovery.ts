// The recovery curve of a disaster: weekly cartons ordered by each affected
// shop, one SQL statement, as a share of its eight weeks before the event
// (domain/care/recovery.ts); the area is the sum of its shops. The nightly
// run stores the latest share and closes the case once it is over the level.
import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { areaCurve, baselineWeeks, isRecovered, recoveredWeek, recoveryCurve, mondayOf, type WeekQty } from '../../domain/care/recovery.js';
import { AppError } from '../../shared/app-error.js';
import type { recoverySchema } from '../../shared/care.js';
import { writeAudit } from '../audit/audit.js';
import { localDate } from './care-dates.js';

type Recovery = z.input<typeof recoverySchema>;

async function weeklyByShop(db: Db, orgId: number, disasterId: number, occurredOn: string, today: string, viewer?: Viewer) {
  const rows = await query<{ retailerId: number; shopName: string; week: string | null; qty: number }>(
    db,
    sql`select s.retailer_id as "retailerId", r.shop_name as "shopName", to_char(date_trunc('week', o.order_date), 'YYYY-MM-DD') as week, coalesce(sum(o.total_qty), 0)::int as qty
      from care_disaster_shops s join retailers r on r.org_id = s.org_id and r.id = s.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join orders o on o.org_id = s.org_id and o.retailer_id = s.retailer_id and o.status = 'confirmed'
        and o.order_date >= ${baselineWeeks(occurredOn)[0]}::date and o.order_date < ${today}::date
      where s.org_id = ${orgId} and s.disaster_id = ${disasterId} ${viewer ? sql`and ${retailerScope(viewer)}` : sql``}
      group by 1, 2, 3 order by 1`,
  );
  const shops = new Map<number, { shopName: string; weeks: WeekQty[] }>();
  for (const r of rows) {
    const s = shops.get(r.retailerId) ?? { shopName: r.shopName, weeks: [] };
    if (r.week) s.weeks.push({ week: r.week, qty: r.qty });
    shops.set(r.retailerId, s);
  }
  return shops;
}

async function disasterRow(db: Db, orgId: number, id: number) {
  const [d] = await query<{ occurredOn: string; level: number; status: string }>(
    db,
    sql`select to_char(occurred_on, 'YYYY-MM-DD') as "occurredOn", recovery_level::float8 as level, status from care_disasters where org_id = ${orgId} and id = ${id}`,
  );
  if (!d) throw new AppError('not_found');
  return d;
}

/** The curve for the area (all its shops) and for the shops in the viewer's scope. */
export async function disasterRecovery(db: Db, viewer: Viewer, id: number, now: Date): Promise<Recovery> {
  const d = await disasterRow(db, viewer.orgId, id);
  const today = localDate(now);
  const all = await weeklyByShop(db, viewer.orgId, id, d.occurredOn, today);
  const area = areaCurve([...all.values()].map((s) => s.weeks), d.occurredOn, today);
  const mine = viewer.role === 'county_manager' || viewer.role === 'admin' ? all : await weeklyByShop(db, viewer.orgId, id, d.occurredOn, today, viewer);
  const shops = [...mine].map(([retailerId, s]) => {
    const c = recoveryCurve(s.weeks, d.occurredOn, today);
    return { retailerId, shopName: s.shopName, baseline: c.baseline, points: c.points };
  });
  return { level: d.level, eventWeek: mondayOf(d.occurredOn), area: area.points, shops, recoveredWeek: recoveredWeek(area.points, d.level) };
}

/** The nightly check of every open disaster: store the latest share, close those back over their level. */
export async function closeRecoveredDisasters(db: Db, orgId: number, now: Date): Promise<{ checked: number; closed: number[] }> {
  const open = await query<{ id: number }>(db, sql`select id from care_disasters where org_id = ${orgId} and status = 'open' order by id`);
  const today = localDate(now);
  const closed: number[] = [];
  for (const { id } of open) {
    const d = await disasterRow(db, orgId, id);
    const all = await weeklyByShop(db, orgId, id, d.occurredOn, today);
    const area = areaCurve([...all.values()].map((s) => s.weeks), d.occurredOn, today);
    const latest = area.points.length ? area.points[area.points.length - 1].share : null;
    const done = isRecovered(area.points, d.level);
    await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await query(
        tx,
        sql`update care_disasters set latest_share = ${latest}, status = ${done ? 'closed' : 'open'}, closed_at = ${done ? now.toISOString() : null}::timestamptz
          where org_id = ${orgId} and id = ${id}`,
      );
      if (done) await writeAudit(tx, { orgId, userId: null as unknown as number }, { action: 'update', entity: 'care_disaster', entityIds: [id], detail: { op: 'recovered', share: latest, level: d.level } }, now);
    });
    if (done) closed.push(id);
  }
  return { checked: open.length, closed };
}
