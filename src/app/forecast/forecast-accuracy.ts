// Forecast accuracy per grid worker (and per grid) for a month: each shop's
// total forecast for a week, from the latest run made before the week (the
// smallest horizon), against the demand its shops stated that week. For the
// score sheets: WAPE and bias in percent, over the worker's shops.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { gridScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';

export type WorkerAccuracy = {
  workerId: number | null;
  gridId: number;
  gridName: string;
  shops: number;
  weeks: number;
  forecast: number;
  actual: number;
  wapePct: number | null;
  biasPct: number | null;
};

const accuracySql = (orgId: number, month: string, horizon: number | null) => sql`
  with f as (
    select distinct on (f.retailer_id, f.week_start) f.retailer_id, f.week_start, f.qty
    from forecasts f join forecast_runs fr on fr.org_id = f.org_id and fr.id = f.run_id and fr.status = 'done'
    where f.org_id = ${orgId} and f.product_id = 0 and f.retailer_id <> 0
      and f.week_start >= ${`${month}-01`}::date and f.week_start < (${`${month}-01`}::date + interval '1 month')
      ${horizon === null ? sql`` : sql`and f.horizon = ${horizon}`}
    order by f.retailer_id, f.week_start, f.horizon
  ),
  a as (
    select o.retailer_id, date_trunc('week', o.order_date)::date as week_start, sum(l.demand_qty)::float8 as qty
    from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
    where o.org_id = ${orgId} and o.order_date >= ${`${month}-01`}::date - 7 and o.order_date < (${`${month}-01`}::date + interval '1 month' + interval '7 days')
    group by 1, 2
  )
  select g.worker_id as "workerId", g.id as "gridId", g.name as "gridName", count(distinct f.retailer_id)::int as shops,
    count(distinct f.week_start)::int as weeks, sum(f.qty)::float8 as forecast, sum(coalesce(a.qty, 0))::float8 as actual,
    round((100 * sum(abs(f.qty - coalesce(a.qty, 0))) / nullif(sum(coalesce(a.qty, 0)), 0))::numeric, 2)::float8 as "wapePct",
    round((100 * sum(f.qty - coalesce(a.qty, 0)) / nullif(sum(coalesce(a.qty, 0)), 0))::numeric, 2)::float8 as "biasPct"
  from f join retailers r on r.id = f.retailer_id and r.org_id = ${orgId} join grids g on g.org_id = r.org_id and g.id = r.grid_id
  left join a on a.retailer_id = f.retailer_id and a.week_start = f.week_start
  -- Only weeks that have happened: some shop of the org ordered in them.
  where f.week_start in (select week_start from a)
  group by g.worker_id, g.id, g.name
  order by g.worker_id nulls last, g.id`;

/** Per grid, with its worker, for the weeks of `month` (YYYY-MM) that have closed. */
export async function forecastAccuracyByGrid(db: Db, orgId: number, month: string, horizon: number | null = null): Promise<WorkerAccuracy[]> {
  if (!/^\d{4}-\d{2}$/.test(month)) throw new RangeError(`month must be YYYY-MM, got ${month}`);
  return query<WorkerAccuracy>(db, accuracySql(orgId, month, horizon));
}

/** Per grid worker: their grids' figures added up (WAPE over the sums, not an average of percentages). */
export async function forecastAccuracyByWorker(
  db: Db,
  orgId: number,
  month: string,
): Promise<{ workerId: number | null; grids: number; shops: number; forecast: number; actual: number; wapePct: number | null; biasPct: number | null }[]> {
  const grids = await forecastAccuracyByGrid(db, orgId, month);
  const by = new Map<number | null, { workerId: number | null; grids: number; shops: number; forecast: number; actual: number; absErr: number }>();
  for (const g of grids) {
    const w = by.get(g.workerId) ?? { workerId: g.workerId, grids: 0, shops: 0, forecast: 0, actual: 0, absErr: 0 };
    w.grids++;
    w.shops += g.shops;
    w.forecast += g.forecast;
    w.actual += g.actual;
    w.absErr += g.wapePct === null ? 0 : (g.wapePct / 100) * g.actual;
    by.set(g.workerId, w);
  }
  const r2 = (x: number) => Math.round(x * 100) / 100;
  return [...by.values()].map((w) => ({
    workerId: w.workerId,
    grids: w.grids,
    shops: w.shops,
    forecast: r2(w.forecast),
    actual: r2(w.actual),
    wapePct: w.actual > 0 ? r2((100 * w.absErr) / w.actual) : null,
    biasPct: w.actual > 0 ? r2((100 * (w.forecast - w.actual)) / w.actual) : null,
  }));
}

/** The grids a viewer sees (all for marketing, the station's or the worker's own), with the worker's name; for the forecast screen. */
export async function findGridAccuracy(db: Db, viewer: Viewer, month: string) {
  const grids = await forecastAccuracyByGrid(db, viewer.orgId, month);
  const visible = await query<{ id: number; workerName: string | null }>(
    db,
    sql`select g.id, u.display_name as "workerName" from grids g left join users u on u.id = g.worker_id and u.org_id = g.org_id where ${gridScope(viewer)}`,
  );
  const names = new Map(visible.map((g) => [g.id, g.workerName]));
  return grids.filter((g) => names.has(g.gridId)).map(({ workerId: _w, ...g }) => ({ ...g, workerName: names.get(g.gridId) ?? null }));
}
