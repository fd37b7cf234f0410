// One county's figures for the roll-up screens (decision 1911), computed by
// the org-rollups job with the same definitions as the county's own
// stock-out screen (stock-out rate and 动销率 as orderCycleStats), visits as
// this month's planned stops up to today and those visited, failed
// deductions as unpaid confirmed orders, and stored as one row, so a
// province reads 100 rows instead of its shops.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { CountyRollup } from '../../shared/org-tree.js';
import { beijingDate } from '../ordering/order-reminders.js';

const firstOfMonth = (day: string) => `${day.slice(0, 8)}01`;

export async function computeCountyRollup(db: Db, orgId: number, now: Date): Promise<CountyRollup> {
  const today = beijingDate(now);
  const [shops] = await query<{ total: number; active: number; stars: number[] }>(
    db,
    sql`select count(*)::int as total, count(*) filter (where status = 'active')::int as active,
          array[${sql.join([0, 1, 2, 3, 4, 5, 6].map((s) => sql`count(*) filter (where star = ${s} and status = 'active')::int`), sql`, `)}] as stars
        from retailers where org_id = ${orgId}`,
  );
  const [week] = await query<{ monday: string | null }>(
    db,
    sql`select date_trunc('week', max(order_date))::date::text as monday from orders
        where org_id = ${orgId} and status = 'confirmed' and order_date <= ${today}::date`,
  );
  let supply: CountyRollup['supply'] = { weekStart: week.monday, demandLines: 0, stockoutLines: 0, base: 0, ordering: 0 };
  let byProduct: NonNullable<CountyRollup['byProduct']> = [];
  if (week.monday) {
    const w = week.monday;
    const scoped = sql`o.org_id = ${orgId} and o.status = 'confirmed'`;
    const [s] = await query<{ demandLines: number; stockoutLines: number; base: number; ordering: number }>(
      db,
      sql`with dem as (
            select count(*) filter (where l.demand_qty > 0)::int as "demandLines",
                   count(*) filter (where l.demand_qty > 0 and l.available_qty = 0)::int as "stockoutLines"
            from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
            where ${scoped} and o.order_date >= ${w}::date and o.order_date < ${w}::date + 7),
          base as (select distinct o.retailer_id from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
            where ${scoped} and o.order_date >= ${w}::date - 21 and o.order_date < ${w}::date),
          cur as (select distinct o.retailer_id from orders o
            where ${scoped} and o.order_date >= ${w}::date and o.order_date < ${w}::date + 7)
        select dem.*, (select count(*)::int from base) as base,
               (select count(*)::int from base join cur on cur.retailer_id = base.retailer_id) as ordering
        from dem`,
    );
    supply = { weekStart: w, ...s };
    // The same lines by catalogue code (decision 1930): a province adds them up by spec across counties.
    byProduct = await query<(typeof byProduct)[number]>(
      db,
      sql`select p.code, count(*) filter (where l.demand_qty > 0)::int as "demandLines",
                 count(*) filter (where l.demand_qty > 0 and l.available_qty = 0)::int as "stockoutLines", coalesce(sum(l.ordered_qty), 0)::int as "orderedQty"
          from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join products p on p.org_id = l.org_id and p.id = l.product_id
            join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
          where ${scoped} and o.order_date >= ${w}::date and o.order_date < ${w}::date + 7
          group by p.code order by p.code`,
    );
  }
  const [settle] = await query<{ failedOrders: number; failedAmount: number }>(
    db,
    sql`select count(*)::int as "failedOrders", coalesce(sum(total_amount), 0)::float8 as "failedAmount" from orders o
        where o.org_id = ${orgId} and o.status = 'confirmed' and o.settlement_status = 'failed'`,
  );
  const from = firstOfMonth(today);
  const [visits] = await query<{ planned: number; done: number }>(
    db,
    sql`select count(*)::int as planned, count(v.id)::int as done
        from visit_plan_stops s left join lateral (select v.id from visits v where v.org_id = ${orgId} and v.plan_stop_id = s.id limit 1) v on true
        where s.org_id = ${orgId} and s.visit_date >= ${from}::date and s.visit_date <= ${today}::date`,
  );
  const [desk] = await query<{ open: number; overdue: number; closed30d: number }>(
    db,
    sql`select count(*) filter (where status <> 'closed')::int as open,
               count(*) filter (where status <> 'closed' and breached_at is not null)::int as overdue,
               count(*) filter (where status = 'closed' and closed_at >= ${now}::timestamptz - interval '30 days')::int as "closed30d"
        from desk_cases where org_id = ${orgId}`,
  );
  const [runs] = await query<NonNullable<CountyRollup['runs']>>(
    db,
    sql`select (select max(month) from rating_runs where org_id = ${orgId} and status = 'published') as "ratingPublished",
               (select max(month) from rating_runs where org_id = ${orgId} and status in ('draft', 'computing')) as "ratingDraft",
               (select max(as_of)::text from retailer_measures where org_id = ${orgId}) as "measuresAsOf"`,
  );
  const [measures] = await query<NonNullable<CountyRollup['measures']>>(
    db,
    sql`select max(as_of)::text as "asOf", count(*)::int as shops, coalesce(sum(satisfaction), 0)::float8 as "satisfactionSum", count(satisfaction)::int as "satisfactionN",
               coalesce(sum(loyalty), 0)::float8 as "loyaltySum", coalesce(sum(dependence), 0)::float8 as "dependenceSum", count(dependence)::int as "dependenceN"
        from retailer_measures where org_id = ${orgId} and as_of = ${runs.measuresAsOf ?? '1900-01-01'}::date`,
  );
  return {
    retailers: { total: shops.total, active: shops.active },
    stars: shops.stars.map(Number),
    supply,
    settlement: { failedOrders: settle.failedOrders, failedAmount: Number(settle.failedAmount) },
    visits: { from, to: today, planned: visits.planned, done: visits.done },
    desk,
    measures,
    runs,
    byProduct,
  };
}

/** Computes and stores one county's row. */
export async function refreshCountyRollup(db: Db, orgId: number, now: Date): Promise<CountyRollup> {
  const payload = await computeCountyRollup(db, orgId, now);
  await db.execute(
    sql`insert into org_rollups (org_id, payload, computed_at) values (${orgId}, ${JSON.stringify(payload)}::jsonb, ${now.toISOString()}::timestamptz)
        on conflict (org_id) do update set payload = excluded.payload, computed_at = excluded.computed_at`,
  );
  return payload;
}
