// The launch-stats job's work: a launch's measures by lifecycle week, for
// the whole target and by grid, tier, worker and station, in one set-based
// statement over its target shops, the product's order lines and the visit
// checks; then the band of the county's earlier launches and the early
// warning, told to marketing through the notices outbox (decision 1720).
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { lifecycleWeek, warningsOf, type Warning } from '../../domain/cultivation/launch-measures.js';
import { localDate } from '../../domain/visits/visit-cycle.js';
import { REORDER_WITHIN_WEEKS } from '../../shared/cultivation.js';
import { ingestOutbox } from '../notices/ingest-outbox.js';
import { findLaunchBands } from './launch-bands.js';

type LaunchRow = { id: number; productId: number; launchWeek: string; weeks: number; name: string; warnings: Warning[] };

/**
 * Fresh statistics for the week statement's two inputs that grow in bulk: a launch's targets are written at once and
 * its checks come with the visits, and PGlite has no autovacuum to notice. Without them the planner took a launch's
 * 2,790 targets for one row and joined them in nested loops: the demo county's first start stayed minutes in its
 * earliest launch (decision 1721). Called once before a batch of recomputes: ANALYZE reads a sample of the whole
 * table (~0.2 s on the demo county), the same for every launch.
 */
export async function analyzeLaunchInputs(db: Db): Promise<void> {
  await db.execute(sql`analyze launch_targets, launch_checks`);
}

/** Lifecycle weeks a launch has reached by `today` (0 before its week), at most its length. */
export function reachedWeek(launchWeek: string, weeks: number, today: string): number {
  return Math.max(0, Math.min(weeks, lifecycleWeek(launchWeek, today)));
}

export async function recomputeLaunchStats(db: Db, orgId: number, launchId: number, now: Date, opts: { notify?: boolean } = {}): Promise<{ weeks: number; warnings: Warning[] }> {
  const [l] = await query<LaunchRow>(
    db,
    sql`select id, product_id as "productId", to_char(launch_week, 'YYYY-MM-DD') as "launchWeek", weeks, name, warnings
      from launches where org_id = ${orgId} and id = ${launchId}`,
  );
  if (!l) return { weeks: 0, warnings: [] };
  const today = localDate(now);
  const reached = reachedWeek(l.launchWeek, l.weeks, today);
  const warnings = await db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    await t.execute(sql`delete from launch_week_stats where org_id = ${orgId} and launch_id = ${launchId}`);
    if (reached > 0) await t.execute(weekStatsInsert(orgId, l, reached));
    // The last completed week is compared with the band: the current one is still filling.
    const completed = Math.min(l.weeks, lifecycleWeek(l.launchWeek, today) - 1);
    const bands = await findLaunchBands(t, orgId, launchId, now);
    const [cur] = completed >= 1
      ? await query<{ listingRate: number | null; reorderRate: number | null; requestedPer100: number | null }>(
          t,
          sql`select listing_rate as "listingRate", reorder_rate as "reorderRate", requested_qty * 100.0 / nullif(targets, 0) as "requestedPer100"
            from launch_week_stats where org_id = ${orgId} and launch_id = ${launchId} and dim = 'all' and dim_key = 0 and week = ${completed}`,
        )
      : [];
    const found = cur ? warningsOf(completed, { listingRate: cur.listingRate, reorderRate: cur.reorderRate, requestedPer100: cur.requestedPer100 === null ? null : Number(cur.requestedPer100) }, bands) : [];
    await t.execute(sql`update launches set computed_at = ${now.toISOString()}::timestamptz, warnings = ${JSON.stringify(found)}::jsonb
      where org_id = ${orgId} and id = ${launchId}`);
    if (found.length && opts.notify !== false) {
      // One notice per launch, week and measure to each marketing manager; the outbox key makes a rerun tell nobody twice.
      for (const w of found) {
        await t.execute(sql`insert into outbox (org_id, kind, user_id, dedupe_key, payload, created_at)
          select ${orgId}, 'launch_below_band', u.id, ${`launch:${launchId}:w${w.week}:${w.measure}:`} || u.id,
            ${JSON.stringify({ launchId, name: l.name, ...w })}::jsonb, ${now.toISOString()}::timestamptz
          from users u where u.org_id = ${orgId} and u.role = 'county_manager' and u.active
          on conflict do nothing`);
      }
    }
    return found;
  });
  if (warnings.length && opts.notify !== false) await ingestOutbox(db, orgId, now);
  return { weeks: reached, warnings };
}

function weekStatsInsert(orgId: number, l: LaunchRow, reached: number) {
  const m = sql`${l.launchWeek}::date`;
  return sql`
    with t as (
      select lt.retailer_id, lt.grid_id, lt.station_id, coalesce(lt.worker_id, 0) as worker_id, lt.tier, r.status = 'active' as active
      from launch_targets lt join retailers r on r.org_id = lt.org_id and r.id = lt.retailer_id
      where lt.org_id = ${orgId} and lt.launch_id = ${l.id}),
    wk as (select generate_series(1, ${reached}::int) as week),
    ol as (
      select o.retailer_id, ((o.order_date - ${m}) / 7 + 1)::int as week, sum(x.demand_qty)::int as req, sum(x.ordered_qty)::int as sup
      from t join orders o on o.retailer_id = t.retailer_id
        join order_lines x on x.order_id = o.id and x.product_id = ${l.productId}
      where o.org_id = ${orgId} and o.status <> 'cancelled' and o.order_date >= ${m} and o.order_date < ${m} + ${reached * 7}::int
      group by 1, 2),
    fo as (select retailer_id, min(week) as f from ol where sup > 0 group by 1),
    re as (
      select fo.retailer_id, min(ol.week) as g from fo join ol on ol.retailer_id = fo.retailer_id and ol.sup > 0
        and ol.week > fo.f and ol.week <= fo.f + ${REORDER_WITHIN_WEEKS}::int
      group by 1),
    chk as (
      select retailer_id, ((visit_date - ${m}) / 7 + 1)::int as week, on_shelf, visit_date, created_at
      from launch_checks where org_id = ${orgId} and launch_id = ${l.id} and visit_date >= ${m}),
    s1 as (select retailer_id, min(week) as w from chk where on_shelf group by 1),
    -- What the shop's latest check said, as spans of weeks: the last check of each week with checks holds until the
    -- next such week. A join on the shop, where a subquery per shop and week (and per dimension) read every check.
    cl as (
      select distinct on (retailer_id, week) retailer_id, week, on_shelf from chk
      order by retailer_id, week, visit_date desc, created_at desc),
    cs as (select retailer_id, week as from_week, lead(week) over (partition by retailer_id order by week) as to_week, on_shelf from cl),
    sw as (
      select t.*, wk.week,
        coalesce(fo.f <= wk.week, false) as ordered,
        coalesce(re.g <= wk.week, false) as reordered,
        coalesce(s1.w <= wk.week, false) as shelf,
        t.active and coalesce(cs.on_shelf, false) as on_now,
        coalesce(ol.req, 0) as req, coalesce(ol.sup, 0) as sup
      from t cross join wk
        left join fo on fo.retailer_id = t.retailer_id
        left join re on re.retailer_id = t.retailer_id
        left join s1 on s1.retailer_id = t.retailer_id
        left join cs on cs.retailer_id = t.retailer_id and cs.from_week <= wk.week and (cs.to_week is null or wk.week < cs.to_week)
        left join ol on ol.retailer_id = t.retailer_id and ol.week = wk.week)
    insert into launch_week_stats (org_id, launch_id, dim, dim_key, week, targets, active_targets, ordered_shops, reordered_shops,
      shelf_shops, on_shelf_now, requested_qty, supplied_qty, listing_rate, reorder_rate, shelf_rate, distribution_rate)
    select ${orgId}, ${l.id}, d.dim, d.k, sw.week, count(*)::int, count(*) filter (where active)::int,
      count(*) filter (where ordered)::int, count(*) filter (where reordered)::int, count(*) filter (where shelf)::int,
      count(*) filter (where on_now)::int, sum(req)::int, sum(sup)::int,
      count(*) filter (where ordered)::float8 / count(*),
      count(*) filter (where reordered)::float8 / nullif(count(*) filter (where ordered), 0),
      count(*) filter (where shelf)::float8 / count(*),
      count(*) filter (where on_now)::float8 / nullif(count(*) filter (where active), 0)
    from sw cross join lateral (values ('all', 0), ('grid', sw.grid_id), ('tier', sw.tier::int), ('worker', sw.worker_id), ('station', sw.station_id),
      ('station_tier', sw.station_id * 100 + sw.tier)) as d(dim, k)
    group by d.dim, d.k, sw.week`;
}
