// The forecast screen (需求预测): per product, the next eight weeks of the
// latest run — for marketing the county × product forecast, for a station
// head or grid worker the sum over the shops they see (decision 1812) — with
// marketing's overrides in force, and one product's history, forecast, band,
// the three baselines, the festivals and the overrides' versions.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { retailerScope } from '../../db/scope.js';
import { AppError } from '../../shared/app-error.js';
import { BASELINES, EVENT_LABELS, baselineForecast, lunarCalendar, weekIndex, weekMonday, whyText } from '../../domain/forecast/index.js';
import type { ForecastOverride, ForecastOverview, ForecastSeries } from '../../shared/forecast.js';
import type { ForecastRunSummary } from '../../db/schema-forecast.js';
import { forecastsJob } from '../../jobs/forecasts.js';

const HORIZONS = 8;
/** Weeks of history read for one product (the baselines align on last year's festivals), and shown on the chart. */
const HISTORY_WEEKS = 104;
const SHOWN_WEEKS = 60;

/** Marketing and the administrator see the county; everyone else the shops of their scope. */
export const seesCounty = (viewer: Viewer) => viewer.role === 'admin' || viewer.role === 'county_manager';

type Run = { id: number; originWeek: string; finishedAt: string | null; summary: ForecastRunSummary | null };

async function latestRun(db: Db, orgId: number): Promise<Run | null> {
  const [run] = await query<Run>(
    db,
    sql`select id, to_char(origin_week, 'YYYY-MM-DD') as "originWeek", finished_at as "finishedAt", summary
      from forecast_runs where org_id = ${orgId} and status = 'done' order by id desc limit 1`,
  );
  return run ?? null;
}

/** Shops of the viewer's scope as a condition on `f.retailer_id` (alias r and g inside). */
const inScope = (viewer: Viewer): SQL =>
  sql`f.retailer_id in (select r.id from retailers r join grids g on g.id = r.grid_id and g.org_id = r.org_id where ${retailerScope(viewer)})`;

/** The override in force for the row's retailer (alias `f`) or the county (0): the latest row unless it withdrew. */
const overrideOf = (org: number, retailer: SQL) =>
  sql`(select case when not o.withdrawn then o.qty end from forecast_overrides o where o.org_id = ${org} and o.retailer_id = ${retailer}
    and o.product_id = f.product_id and o.week_start = f.week_start order by o.id desc limit 1)::float8`;

/**
 * Forecast rows per product and week in the viewer's scope: the model's (summed over the scope's shops), its band,
 * the county's model figure, marketing's override in force; for a scope also the figure in force summed shop by
 * shop (a shop's own override, else its share of marketing's, else the model's) and how many shops have their own.
 */
async function scopedForecasts(db: Db, viewer: Viewer, runId: number, productId: number | null) {
  const org = viewer.orgId;
  const only = productId === null ? sql`` : sql`and f.product_id = ${productId}`;
  const county = seesCounty(viewer);
  return query<{
    productId: number;
    weekStart: string;
    horizon: number;
    model: number;
    low: number;
    high: number;
    countyModel: number;
    override: number | null;
    scopeInForce: number | null;
    shopOverrides: number;
  }>(
    db,
    sql`with f as (
        select f.product_id, f.week_start, min(f.horizon)::int as horizon, sum(f.qty)::float8 as model, sum(f.low)::float8 as low, sum(f.high)::float8 as high,
          ${county ? sql`null::float8 as in_force, 0 as shop_overrides` : sql`sum(f.in_force)::float8 as in_force, count(f.own)::int as shop_overrides`}
        from ${
          county
            ? sql`forecasts f where f.org_id = ${org} and f.run_id = ${runId} and f.product_id <> 0 ${only} and f.retailer_id = 0`
            : sql`(select f.*, s.own, coalesce(s.own, case when s.county is null then f.qty when c.qty > 0 then f.qty * s.county / c.qty else 0 end) as in_force
                from forecasts f
                left join forecasts c on c.org_id = f.org_id and c.run_id = f.run_id and c.retailer_id = 0 and c.product_id = f.product_id and c.week_start = f.week_start
                cross join lateral (select ${overrideOf(org, sql`f.retailer_id`)} as own, ${overrideOf(org, sql`0`)} as county) s
                where f.org_id = ${org} and f.run_id = ${runId} and f.product_id <> 0 ${only} and f.retailer_id <> 0 and ${inScope(viewer)}) f`
        }
        group by f.product_id, f.week_start)
      select f.product_id as "productId", to_char(f.week_start, 'YYYY-MM-DD') as "weekStart", f.horizon, f.model, f.low, f.high,
        c.qty as "countyModel", ${overrideOf(org, sql`0`)} as override, f.in_force as "scopeInForce", f.shop_overrides as "shopOverrides"
      from f join forecasts c on c.org_id = ${org} and c.run_id = ${runId} and c.retailer_id = 0 and c.product_id = f.product_id and c.week_start = f.week_start
      order by f.product_id, f.week_start`,
  );
}

/** A county override applied to a scope: the scope's share of the model's county figure, of the override. */
const applied = (model: number, countyModel: number, override: number | null) => (override === null ? model : countyModel > 0 ? (model * override) / countyModel : 0);
/** The figure in force of a row: a scope's own sum (shop overrides included), else the county's override share. */
const inForceOf = (r: { model: number; countyModel: number; override: number | null; scopeInForce: number | null }) => r.scopeInForce ?? applied(r.model, r.countyModel, r.override);

export async function findForecastOverview(db: Db, viewer: Viewer): Promise<ForecastOverview> {
  const org = viewer.orgId;
  const run = await latestRun(db, org);
  const [{ computing }] = await query<{ computing: boolean }>(
    db,
    sql`select exists (select 1 from jobs where name = ${forecastsJob.name} and state in ('queued', 'running') and (org_id = ${org} or org_id is null)) as computing`,
  );
  const county = seesCounty(viewer);
  const base = { computing, scope: county ? ('county' as const) : ('scope' as const), canOverride: county };
  if (!run) return { ...base, run: null, weeks: [], items: [] };
  const origin = weekIndex(run.originWeek);
  const weeks = Array.from({ length: HORIZONS }, (_, i) => weekMonday(origin + 1 + i));
  const products = await query<{ productId: number; code: string; name: string; scarce: boolean; recent: number }>(
    db,
    // The last four weeks' demand summed once for all products: one sum per product (a subquery) read every line of
    // the product's two years, 4 s on the demo county.
    sql`with recent as (
        select l.product_id, sum(l.demand_qty)::float8 / 4 as qty from orders o join order_lines l on l.order_id = o.id and l.org_id = o.org_id
          ${county ? sql`` : sql`join retailers r on r.id = o.retailer_id and r.org_id = o.org_id join grids g on g.id = r.grid_id and g.org_id = r.org_id`}
          where o.org_id = ${org} and o.order_date >= ${weekMonday(origin - 3)}::date and o.order_date < ${weekMonday(origin + 1)}::date
          ${county ? sql`` : sql`and ${retailerScope(viewer)}`}
          group by l.product_id)
      select p.id as "productId", p.code, p.name, p.scarce, coalesce(x.qty, 0) as recent
      from products p left join recent x on x.product_id = p.id where p.org_id = ${org} and p.active order by p.scarce desc, p.price_class, p.code`,
  );
  const rows = await scopedForecasts(db, viewer, run.id, null);
  const byProduct = new Map<number, typeof rows>();
  for (const r of rows) byProduct.set(r.productId, [...(byProduct.get(r.productId) ?? []), r]);
  const backtest = run.summary?.productBacktest?.products ?? {};
  const r1 = (x: number) => Math.round(x * 10) / 10;
  return {
    ...base,
    run: { id: run.id, originWeek: run.originWeek, finishedAt: run.finishedAt, seconds: run.summary?.seconds ?? null },
    weeks,
    items: products
      .filter((p) => byProduct.has(p.productId))
      .map((p) => {
        const at = (w: string) => byProduct.get(p.productId)!.find((r) => r.weekStart === w);
        return {
          ...p,
          recent: r1(p.recent),
          qty: weeks.map((w) => {
            const r = at(w);
            return r ? r1(inForceOf(r)) : null;
          }),
          model: weeks.map((w) => {
            const r = at(w);
            return r ? r1(r.model) : null;
          }),
          overridden: weeks.map((w) => at(w)?.override != null || (at(w)?.shopOverrides ?? 0) > 0),
          // The backtest is of the county series; a scope's own accuracy is the grid table's.
          accuracy: county ? (backtest[String(p.productId)] ?? null) : null,
        };
      }),
  };
}

async function findOverrides(db: Db, orgId: number, productId: number): Promise<ForecastOverride[]> {
  return query<ForecastOverride>(
    db,
    sql`select o.id, (row_number() over (partition by o.week_start order by o.id))::int as version, to_char(o.week_start, 'YYYY-MM-DD') as "weekStart",
        o.qty, null::float8 as "modelQty", o.reason, o.withdrawn, u.display_name as by, o.created_at as at
      from forecast_overrides o left join users u on u.id = o.created_by and u.org_id = o.org_id
      where o.org_id = ${orgId} and o.retailer_id = 0 and o.product_id = ${productId}
      order by o.week_start desc, o.id desc`,
  );
}

export async function getForecastSeries(db: Db, viewer: Viewer, productId: number): Promise<ForecastSeries> {
  const org = viewer.orgId;
  const [product] = await query<{ name: string }>(db, sql`select name from products where org_id = ${org} and id = ${productId}`);
  if (!product) throw new AppError('not_found');
  const run = await latestRun(db, org);
  if (!run) throw new AppError('not_found');
  const county = seesCounty(viewer);
  const origin = weekIndex(run.originWeek);
  const first = origin - HISTORY_WEEKS + 1;
  const weekly = await query<{ monday: string; qty: number }>(
    db,
    sql`select to_char(date_trunc('week', o.order_date), 'YYYY-MM-DD') as monday, sum(l.demand_qty)::float8 as qty
      from orders o join order_lines l on l.order_id = o.id and l.org_id = o.org_id
      ${county ? sql`` : sql`join retailers r on r.id = o.retailer_id and r.org_id = o.org_id join grids g on g.id = r.grid_id and g.org_id = r.org_id`}
      where o.org_id = ${org} and l.product_id = ${productId} and o.order_date >= ${weekMonday(first)}::date and o.order_date < ${weekMonday(origin + 1)}::date
      ${county ? sql`` : sql`and ${retailerScope(viewer)}`}
      group by 1`,
  );
  // The series on its week axis: NaN before its first week with demand, 0 for quiet weeks after.
  const v = new Float64Array(HISTORY_WEEKS).fill(NaN);
  for (const w of weekly) v[weekIndex(w.monday) - first] = w.qty;
  let started = false;
  for (let i = 0; i < v.length; i++) {
    if (!Number.isNaN(v[i])) started = true;
    else if (started) v[i] = 0;
  }
  const cal = lunarCalendar(first, origin + HORIZONS + 12);
  const last = HISTORY_WEEKS - 1;
  const rows = await scopedForecasts(db, viewer, run.id, productId);
  const [parts] = await query<{ weeks: { w: string; baseline: number; event: number; trend: number; adjustment: number; kind: string | null; offset: number }[] }>(
    db,
    sql`select coalesce(json_agg(json_build_object('w', to_char(week_start, 'YYYY-MM-DD'), 'baseline', baseline, 'event', event_effect, 'trend', trend,
        'adjustment', adjustment, 'kind', event_kind, 'offset', event_offset)), '[]') as weeks
      from forecasts where org_id = ${org} and run_id = ${run.id} and retailer_id = 0 and product_id = ${productId}`,
  );
  const overrides = await findOverrides(db, org, productId);
  const r2 = (x: number) => Math.round(x * 100) / 100;
  const forecast = rows.map((r) => {
    const h = weekIndex(r.weekStart) - origin;
    const p = parts.weeks.find((x) => x.w === r.weekStart);
    // The latest version, unless it withdrew the override.
    const latest = overrides.find((o) => o.weekStart === r.weekStart);
    const ov = latest && !latest.withdrawn ? latest : null;
    const base = (name: (typeof BASELINES)[number]) => r2(baselineForecast(name, v, cal, first, last, h));
    return {
      weekStart: r.weekStart,
      horizon: h,
      qty: r2(inForceOf(r)),
      shopOverrides: r.shopOverrides,
      model: r2(r.model),
      low: r2(r.low),
      high: r2(r.high),
      seasonal_naive: base('seasonal_naive'),
      aligned_naive: base('aligned_naive'),
      recent_mean: base('recent_mean'),
      override: ov ? { ...ov, modelQty: r2(r.countyModel) } : null,
      why: p ? whyText({ baseline: p.baseline, event: p.event, trend: p.trend, adjustment: p.adjustment, eventKind: p.kind, eventOffset: p.offset }) : { zh: '', en: '' },
    };
  });
  const shownFrom = origin - SHOWN_WEEKS + 1;
  const events: ForecastSeries['events'] = [];
  for (const [kind, ws] of cal.weeks)
    for (const w of ws) if (w >= shownFrom && w <= origin + HORIZONS) events.push({ weekStart: weekMonday(w), kind, label: EVENT_LABELS[kind] ?? { zh: kind, en: kind } });
  events.sort((a, b) => a.weekStart.localeCompare(b.weekStart));
  const history: ForecastSeries['history'] = [];
  for (let w = shownFrom; w <= origin; w++) {
    const x = v[w - first];
    if (!Number.isNaN(x)) history.push({ weekStart: weekMonday(w), qty: x });
  }
  const countyModelOf = new Map(rows.map((r) => [r.weekStart, r.countyModel]));
  return {
    productId,
    name: product.name,
    scope: county ? 'county' : 'scope',
    history,
    forecast,
    events,
    overrides: overrides.map((o) => ({ ...o, modelQty: countyModelOf.has(o.weekStart) ? r2(countyModelOf.get(o.weekStart)!) : null })),
    accuracy: county ? (run.summary?.productBacktest?.products[String(productId)] ?? null) : null,
  };
}
