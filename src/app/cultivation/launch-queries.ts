// Reading launches: the list and the dashboard in the viewer's scope (the
// county for marketing, a station head's station, a worker's own shops),
// the form's options and the launches a day route's shops are targets of.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { lifecycleWeek } from '../../domain/cultivation/launch-measures.js';
import { addDays, localDate } from '../../domain/visits/visit-cycle.js';
import { AppError } from '../../shared/app-error.js';
import type { LaunchDashboard, LaunchSummary, LaunchTarget, RouteLaunch } from '../../shared/cultivation.js';
import { findLaunchBands } from './launch-bands.js';

type Scope = { scope: LaunchDashboard['scope']; dim: string; key: number };

function scopeOf(viewer: Viewer): Scope {
  if (viewer.role === 'station_head') return { scope: 'station', dim: 'station', key: viewer.stationId ?? -1 };
  if (viewer.role === 'grid_worker') return { scope: 'worker', dim: 'worker', key: viewer.userId };
  return { scope: 'county', dim: 'all', key: 0 };
}

type LaunchRow = {
  id: number; name: string; productId: number; productName: string; productCode: string; launchWeek: string; weeks: number;
  target: LaunchTarget; targets: number; computedAt: Date | null; warnings: unknown[]; listingRate: number | null; reorderRate: number | null;
};

async function launchRows(db: Db, viewer: Viewer, id?: number): Promise<LaunchRow[]> {
  const s = scopeOf(viewer);
  return query<LaunchRow>(
    db,
    sql`select l.id, l.name, l.product_id as "productId", p.name as "productName", p.code as "productCode",
        to_char(l.launch_week, 'YYYY-MM-DD') as "launchWeek", l.weeks, l.target, l.computed_at as "computedAt", l.warnings,
        coalesce(st.targets, 0) as targets, st.listing_rate as "listingRate", st.reorder_rate as "reorderRate"
      from launches l join products p on p.org_id = l.org_id and p.id = l.product_id
        left join lateral (select s.targets, s.listing_rate, s.reorder_rate from launch_week_stats s
          where s.org_id = l.org_id and s.launch_id = l.id and s.dim = ${s.dim} and s.dim_key = ${s.key} order by s.week desc limit 1) st on true
      where l.org_id = ${viewer.orgId} ${id === undefined ? sql`` : sql`and l.id = ${id}`}
        ${s.scope === 'county' ? sql`` : sql`and exists (select 1 from launch_targets lt where lt.org_id = l.org_id and lt.launch_id = l.id
          and ${s.scope === 'station' ? sql`lt.station_id = ${s.key}` : sql`lt.worker_id = ${s.key}`})`}
      order by l.launch_week desc, l.id desc`,
  );
}

function summaryOf(r: LaunchRow, viewer: Viewer, today: string): LaunchSummary {
  const week = Math.max(0, lifecycleWeek(r.launchWeek, today));
  const county = scopeOf(viewer).scope === 'county';
  return {
    id: r.id,
    name: r.name,
    productId: r.productId,
    productName: r.productName,
    launchWeek: r.launchWeek,
    weeks: r.weeks,
    currentWeek: Math.min(week, r.weeks + 1),
    targets: r.targets,
    listingRate: r.listingRate,
    reorderRate: r.reorderRate,
    // The warning is the county's measure against the county's band.
    warning: county && r.warnings.length > 0,
    computedAt: r.computedAt ? new Date(r.computedAt).toISOString() : null,
    status: week > r.weeks ? 'finished' : 'active',
  };
}

export async function findLaunches(db: Db, viewer: Viewer, now: Date): Promise<LaunchSummary[]> {
  const today = localDate(now);
  return (await launchRows(db, viewer)).map((r) => summaryOf(r, viewer, today));
}

type DimRow = { dim: string; key: number; label: string; targets: number; listingRate: number | null; shelfRate: number | null; reorderRate: number | null; distributionRate: number | null; requested: number; supplied: number };

export async function getLaunchDashboard(db: Db, viewer: Viewer, id: number, now: Date): Promise<LaunchDashboard> {
  const [row] = await launchRows(db, viewer, id);
  if (!row) throw new AppError('not_found');
  const s = scopeOf(viewer);
  const today = localDate(now);
  const curveRows = await query<{ week: number; listingRate: number | null; shelfRate: number | null; reorderRate: number | null; distributionRate: number | null; requested: number; supplied: number; targets: number }>(
    db,
    sql`select week, listing_rate as "listingRate", shelf_rate as "shelfRate", reorder_rate as "reorderRate", distribution_rate as "distributionRate",
        requested_qty as requested, supplied_qty as supplied, targets
      from launch_week_stats where org_id = ${viewer.orgId} and launch_id = ${id} and dim = ${s.dim} and dim_key = ${s.key} order by week`,
  );
  const per100 = (q: number, t: number) => (t > 0 ? Math.round((q * 10_000) / t) / 100 : 0);
  const curve = curveRows.map((c) => ({
    week: c.week,
    weekStart: addDays(row.launchWeek, (c.week - 1) * 7),
    listingRate: c.listingRate,
    shelfRate: c.shelfRate,
    reorderRate: c.reorderRate,
    distributionRate: c.distributionRate,
    requested: c.requested,
    supplied: c.supplied,
    requestedPer100: per100(c.requested, c.targets),
    suppliedPer100: per100(c.supplied, c.targets),
  }));
  const last = curveRows.length ? curveRows[curveRows.length - 1].week : 0;
  // Rows of the tables in scope, at the latest computed week.
  const inScope =
    s.scope === 'county'
      ? sql`s.dim in ('grid', 'tier', 'worker')`
      : s.scope === 'station'
        ? sql`((s.dim = 'grid' and s.dim_key in (select id from grids where org_id = ${viewer.orgId} and station_id = ${s.key}))
            or (s.dim = 'worker' and s.dim_key in (select distinct coalesce(worker_id, 0) from launch_targets where org_id = ${viewer.orgId} and launch_id = ${id} and station_id = ${s.key}))
            or (s.dim = 'station_tier' and s.dim_key / 100 = ${s.key}))`
        : sql`((s.dim = 'worker' and s.dim_key = ${s.key})
            or (s.dim = 'grid' and s.dim_key in (select id from grids where org_id = ${viewer.orgId} and worker_id = ${s.key})))`;
  const dims = await query<DimRow>(
    db,
    sql`select s.dim, s.dim_key as key,
        case s.dim when 'grid' then g.name when 'worker' then coalesce(u.display_name, '—') else ((case when s.dim = 'tier' then s.dim_key else s.dim_key % 100 end)::text) end as label,
        s.targets, s.listing_rate as "listingRate", s.shelf_rate as "shelfRate", s.reorder_rate as "reorderRate", s.distribution_rate as "distributionRate",
        (select sum(x.requested_qty)::int from launch_week_stats x where x.org_id = s.org_id and x.launch_id = s.launch_id and x.dim = s.dim and x.dim_key = s.dim_key) as requested,
        (select sum(x.supplied_qty)::int from launch_week_stats x where x.org_id = s.org_id and x.launch_id = s.launch_id and x.dim = s.dim and x.dim_key = s.dim_key) as supplied
      from launch_week_stats s
        left join grids g on s.dim = 'grid' and g.id = s.dim_key
        left join users u on s.dim = 'worker' and u.id = s.dim_key
      where s.org_id = ${viewer.orgId} and s.launch_id = ${id} and s.week = ${last} and ${inScope}
      order by s.dim, s.listing_rate nulls first, s.dim_key`,
  );
  const table = (dim: string) =>
    dims
      .filter((d) => d.dim === dim || (dim === 'tier' && d.dim === 'station_tier'))
      .map(({ dim: _d, key, ...d }) => ({ ...d, key: dim === 'tier' ? key % 100 : key, requested: d.requested ?? 0, supplied: d.supplied ?? 0 }));
  return {
    launch: { ...summaryOf(row, viewer, today), target: row.target, productCode: row.productCode },
    scope: s.scope,
    curve,
    bands: await findLaunchBands(db, viewer.orgId, id, now),
    warnings: s.scope === 'county' ? (row.warnings as LaunchDashboard['warnings']) : [],
    byGrid: table('grid'),
    byTier: table('tier'),
    byWorker: table('worker'),
    feedback: await feedbackSummary(db, viewer, id, row.launchWeek, s),
  };
}

async function feedbackSummary(db: Db, viewer: Viewer, id: number, launchWeek: string, s: Scope): Promise<LaunchDashboard['feedback']> {
  const where = sql`c.org_id = ${viewer.orgId} and c.launch_id = ${id} ${
    s.scope === 'station' ? sql`and t.station_id = ${s.key}` : s.scope === 'worker' ? sql`and t.worker_id = ${s.key}` : sql``
  }`;
  const from = sql`launch_checks c join launch_targets t on t.org_id = c.org_id and t.launch_id = c.launch_id and t.retailer_id = c.retailer_id`;
  const [tot] = await query<{ checks: number; shops: number; onShelf: number; taste: number | null; pack: number | null; samples: number; price: Record<string, number> | null; rebuy: Record<string, number> | null }>(
    db,
    sql`select count(*)::int as checks, count(distinct c.retailer_id)::int as shops, count(*) filter (where c.on_shelf)::int as "onShelf",
        round(avg(c.taste), 2)::float8 as taste, round(avg(c.pack), 2)::float8 as pack, coalesce(sum(c.samples_given), 0)::int as samples,
        (select jsonb_object_agg(k, n) from (select c.price_acceptance as k, count(*)::int as n from ${from} where ${where} and c.price_acceptance is not null group by 1) x) as price,
        (select jsonb_object_agg(k, n) from (select c.rebuy_intent as k, count(*)::int as n from ${from} where ${where} and c.rebuy_intent is not null group by 1) x) as rebuy
      from ${from} where ${where}`,
  );
  const byWeek = await query<{ week: number; checks: number; tasteAvg: number | null; rebuyYes: number }>(
    db,
    sql`select ((c.visit_date - ${launchWeek}::date) / 7 + 1)::int as week, count(*)::int as checks, round(avg(c.taste), 2)::float8 as "tasteAvg",
        count(*) filter (where c.rebuy_intent = 'yes')::int as "rebuyYes"
      from ${from} where ${where} group by 1 order by 1`,
  );
  return {
    checks: tot.checks,
    shopsChecked: tot.shops,
    onShelf: tot.onShelf,
    tasteAvg: tot.taste,
    packAvg: tot.pack,
    price: tot.price ?? {},
    rebuy: tot.rebuy ?? {},
    samples: tot.samples,
    byWeek,
  };
}

export async function findLaunchOptions(db: Db, viewer: Viewer) {
  const products = await query<{ id: number; code: string; name: string; isNew: boolean }>(
    db,
    sql`select id, code, name, is_new as "isNew" from products where org_id = ${viewer.orgId} and active order by is_new desc, code`,
  );
  const grids = await query<{ id: number; name: string }>(db, sql`select id, name from grids where org_id = ${viewer.orgId} order by code`);
  return { products, grids };
}

/** Launches running on `date` whose target includes any of the shops (the visit form offers their check). */
export async function findRouteLaunches(db: Db, orgId: number, retailerIds: number[], date: string): Promise<RouteLaunch[]> {
  if (!retailerIds.length) return [];
  return query<RouteLaunch>(
    db,
    sql`select l.id, p.name as "productName", array_agg(t.retailer_id order by t.retailer_id) as "retailerIds"
      from launches l join products p on p.org_id = l.org_id and p.id = l.product_id
        join launch_targets t on t.org_id = l.org_id and t.launch_id = l.id
      where l.org_id = ${orgId} and l.launch_week <= ${date}::date and l.launch_week + 7 * l.weeks > ${date}::date
        and t.retailer_id = any(${`{${retailerIds.join(',')}}`}::int[])
      group by l.id, p.name order by l.id`,
  );
}
