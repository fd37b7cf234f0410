// The registry of score-sheet sources (decision 1711). A source is one SQL
// statement that lists the month's records of a kind, each with the worker
// and station it counts for and whether it counts as good. The sheet's
// points tally these rows; the drill-down lists the same rows, so every point
// is the records behind it. A feature built later (new-brand listing rate,
// care tasks done, forecast accuracy) plugs in with one entry in SCORE_SOURCES.
import { sql, type SQL } from 'drizzle-orm';
import type { ScoreSheetItemConfig } from '../../shared/measures.js';

/** The records' columns: worker_id, station_id, day (date), retailer_id, ok (boolean), detail (text). */
export type ScoreSource = {
  id: string;
  zh: string;
  en: string;
  ruleZh: string;
  ruleEn: string;
  /** The records of [from, to) for the org. */
  records: (orgId: number, from: string, to: string) => SQL;
};

const visitsDone: ScoreSource = {
  id: 'visits_done',
  zh: '计划拜访完成率',
  en: 'Planned visits done',
  ruleZh: '当月计划拜访中，计划日起 3 天内完成的比例',
  ruleEn: 'Planned visits of the month done within 3 days of their day',
  records: (orgId, from, to) => sql`
    select s.worker_id, u.station_id, s.visit_date as day, s.retailer_id,
      exists (select 1 from visits v where v.org_id = s.org_id and v.worker_id = s.worker_id and v.retailer_id = s.retailer_id
        and v.status = 'done' and v.visit_date between s.visit_date and s.visit_date + 3) as ok,
      '计划 ' || to_char(s.visit_date, 'MM-DD') as detail
    from visit_plan_stops s join users u on u.org_id = s.org_id and u.id = s.worker_id
    where s.org_id = ${orgId} and s.visit_date >= ${from}::date and s.visit_date < ${to}::date`,
};

const complaintsOnTime: ScoreSource = {
  id: 'complaints_on_time',
  zh: '投诉按时办结率',
  en: 'Complaints closed in time',
  ruleZh: '当月办结的本网格投诉中，未超时限的比例',
  ruleEn: 'Complaints about the grid closed this month without breaching their deadline',
  records: (orgId, from, to) => sql`
    select g.worker_id, g.station_id, (c.closed_at at time zone 'Asia/Shanghai')::date as day, c.retailer_id,
      c.breached_at is null as ok, '工单 #' || c.id || case when c.breached_at is null then '' else ' 超时' end as detail
    from desk_cases c join grids g on g.org_id = c.org_id and g.id = c.grid_id
    where c.org_id = ${orgId} and c.kind = 'complaint' and c.status = 'closed'
      and c.closed_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and c.closed_at < (${to}::date::timestamp at time zone 'Asia/Shanghai')`,
};

const callbackSatisfaction: ScoreSource = {
  id: 'callback_satisfaction',
  zh: '回访满意率',
  en: 'Callback (回访) satisfaction',
  ruleZh: '当月本网格工单回访中，满意或基本满意的比例',
  ruleEn: 'Callbacks on the grid’s cases this month answered satisfied or basically satisfied',
  records: (orgId, from, to) => sql`
    select g.worker_id, g.station_id, (s.at at time zone 'Asia/Shanghai')::date as day, c.retailer_id,
      s.result in ('satisfied', 'basically') as ok, '工单 #' || c.id || ' ' || case s.result when 'satisfied' then '满意' when 'basically' then '基本满意' else '不满意' end as detail
    from desk_surveys s join desk_cases c on c.org_id = s.org_id and c.id = s.case_id join grids g on g.org_id = c.org_id and g.id = c.grid_id
    where s.org_id = ${orgId} and s.at >= (${from}::date::timestamp at time zone 'Asia/Shanghai') and s.at < (${to}::date::timestamp at time zone 'Asia/Shanghai')`,
};

const sellThrough: ScoreSource = {
  id: 'sell_through',
  zh: '动销率',
  en: 'Active-ordering rate (动销率)',
  ruleZh: '网格内在营零售户中，当月有订货的比例',
  ruleEn: 'Active shops of the grid that ordered this month',
  records: (orgId, from, to) => sql`
    select g.worker_id, g.station_id, coalesce(x.last_day, ${from}::date) as day, r.id as retailer_id, x.last_day is not null as ok,
      coalesce('订货 ' || x.n || ' 次', '当月未订货') as detail
    from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
    left join (select o.retailer_id, max(o.order_date) as last_day, count(*) as n from orders o
      where o.org_id = ${orgId} and o.status = 'confirmed' and o.order_date >= ${from}::date and o.order_date < ${to}::date group by o.retailer_id) x on x.retailer_id = r.id
    where r.org_id = ${orgId} and r.status = 'active'`,
};

const stockOut: ScoreSource = {
  id: 'stock_filled',
  zh: '需求满足（1 − 断货率）',
  en: 'Demand met (1 − stock-out rate)',
  ruleZh: '网格内当月有需求的订单行中，有可用量的比例',
  ruleEn: 'Order lines with demand in the grid this month that had something available',
  records: (orgId, from, to) => sql`
    select g.worker_id, g.station_id, o.order_date as day, o.retailer_id, l.available_qty > 0 as ok,
      p.name || ' 需求 ' || l.demand_qty || ' 可用 ' || l.available_qty as detail
    from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id join products p on p.org_id = l.org_id and p.id = l.product_id
      join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
    where o.org_id = ${orgId} and o.status = 'confirmed' and o.order_date >= ${from}::date and o.order_date < ${to}::date and l.demand_qty > 0`,
};

const eSettlement: ScoreSource = {
  id: 'e_settlement',
  zh: '电子结算率',
  en: 'E-settlement rate',
  ruleZh: '网格内当月订单中，银行扣款或 POS 结算的比例',
  ruleEn: 'Orders of the grid this month settled by bank deduction or POS',
  records: (orgId, from, to) => sql`
    select g.worker_id, g.station_id, o.order_date as day, o.retailer_id, o.settlement_method in ('bank_deduction', 'pos') as ok,
      '订单 #' || o.id || ' ' || case o.settlement_method when 'bank_deduction' then '银行扣款' when 'pos' then 'POS' else '现金' end as detail
    from orders o join retailers r on r.org_id = o.org_id and r.id = o.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
    where o.org_id = ${orgId} and o.status = 'confirmed' and o.order_date >= ${from}::date and o.order_date < ${to}::date`,
};

// The three below are the sources built by later features, as records: each
// one's good and total per worker are the figures of the feature's own
// function (launchListingRateByWorker, careTasksDoneByWorker,
// forecastAccuracyByWorker) — tests/integration/measures.test.ts holds them equal.

const launchListing: ScoreSource = {
  id: 'launch_listing',
  zh: '新品上柜率',
  en: 'New-brand listing rate',
  ruleZh: '当月在培育期的新品，目标零售户中自上市周起已订货的比例',
  ruleEn: 'Target shops of the launches running this month that have ordered the new product since its launch week',
  // The first order of each launch's product per shop, set-based (a lateral read per target shop was the slowest source).
  records: (orgId, from, to) => sql`
    with l as (
      select id, product_id, launch_week, name from launches
      where org_id = ${orgId} and launch_week < ${to}::date and launch_week + 7 * weeks > ${from}::date),
    firsts as (
      select l.id as launch_id, o.retailer_id, min(o.order_date) as first_day
      from l join order_lines x on x.org_id = ${orgId} and x.product_id = l.product_id and x.ordered_qty > 0
        join orders o on o.org_id = x.org_id and o.id = x.order_id
      where o.status <> 'cancelled' and o.order_date >= l.launch_week and o.order_date < ${to}::date
      group by 1, 2)
    select t.worker_id, t.station_id, coalesce(f.first_day, l.launch_week) as day, t.retailer_id, f.first_day is not null as ok,
      l.name || case when f.first_day is null then ' 未上柜' else ' 首单 ' || to_char(f.first_day, 'MM-DD') end as detail
    from l join launch_targets t on t.org_id = ${orgId} and t.launch_id = l.id
      left join firsts f on f.launch_id = l.id and f.retailer_id = t.retailer_id
    where t.worker_id is not null`,
};

const careTasksDone: ScoreSource = {
  id: 'care_tasks_done',
  zh: '关怀任务完成率',
  en: 'Care tasks done',
  ruleZh: '当月完成的关怀任务，占其与当月到期仍未完成的任务之和的比例',
  ruleEn: 'Care tasks done this month, of those and the tasks due this month still not done',
  records: (orgId, from, to) => sql`
    select case when d.done then t.done_by else coalesce(t.assignee_id, g.worker_id) end as worker_id, g.station_id,
      case when d.done then (t.done_at at time zone 'Asia/Shanghai')::date else t.due_on end as day, t.retailer_id, d.done as ok,
      t.title || case when d.done then ' 完成 ' || to_char(t.done_at at time zone 'Asia/Shanghai', 'MM-DD') else ' 到期 ' || to_char(t.due_on, 'MM-DD') || ' 未完成' end as detail
    from care_tasks t join retailers r on r.org_id = t.org_id and r.id = t.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      cross join lateral (select coalesce(t.done_by is not null and t.done_at >= (${from}::date::timestamp at time zone 'Asia/Shanghai')
        and t.done_at < (${to}::date::timestamp at time zone 'Asia/Shanghai'), false) as done) d
    where t.org_id = ${orgId} and (d.done
      or (t.due_on >= ${from}::date and t.due_on < ${to}::date and (t.done_at is null or t.done_at >= (${to}::date::timestamp at time zone 'Asia/Shanghai'))))`,
};

/** A shop-week counts as forecast well when the forecast is within this share of the demand stated (or within a carton). */
export const FORECAST_TOLERANCE = 0.3;

const forecastAccuracy: ScoreSource = {
  id: 'forecast_accuracy',
  zh: '需求预测准确率',
  en: 'Forecast accuracy',
  ruleZh: '当月已过去的各周，网格内零售户的周预测与其实际需求量相差不超过 30%（或 1 条以内）的比例',
  ruleEn: 'Shop-weeks of the month gone by whose forecast was within 30 % (or one carton) of the demand the shop stated',
  records: (orgId, from, to) => sql`
    with f as (
      select distinct on (f.retailer_id, f.week_start) f.retailer_id, f.week_start, f.qty
      from forecasts f join forecast_runs fr on fr.org_id = f.org_id and fr.id = f.run_id and fr.status = 'done'
      where f.org_id = ${orgId} and f.product_id = 0 and f.retailer_id <> 0 and f.week_start >= ${from}::date and f.week_start < ${to}::date
      order by f.retailer_id, f.week_start, f.horizon),
    a as (
      select o.retailer_id, date_trunc('week', o.order_date)::date as week_start, sum(l.demand_qty)::float8 as qty
      from orders o join order_lines l on l.org_id = o.org_id and l.order_id = o.id
      where o.org_id = ${orgId} and o.order_date >= ${from}::date - 7 and o.order_date < ${to}::date + 7
      group by 1, 2)
    select g.worker_id, g.station_id, f.week_start as day, f.retailer_id,
      abs(f.qty - coalesce(a.qty, 0)) <= greatest(1, ${sql.raw(String(FORECAST_TOLERANCE))} * coalesce(a.qty, 0)) as ok,
      '第 ' || to_char(f.week_start, 'MM-DD') || ' 周 预测 ' || round(f.qty::numeric, 1) || ' 需求 ' || round(coalesce(a.qty, 0)::numeric, 1) as detail
    from f join retailers r on r.org_id = ${orgId} and r.id = f.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join a on a.retailer_id = f.retailer_id and a.week_start = f.week_start
    where f.week_start in (select week_start from a)`,
};

/** Every source a score-sheet item may name. Add one entry (one line) to plug in a new source. */
export const SCORE_SOURCES: ScoreSource[] = [
  visitsDone,
  complaintsOnTime,
  callbackSatisfaction,
  sellThrough,
  stockOut,
  eSettlement,
  launchListing,
  careTasksDone,
  forecastAccuracy,
];

export function sourceOf(id: string): ScoreSource | undefined {
  return SCORE_SOURCES.find((s) => s.id === id);
}

/** The default sheet: 100 points. Forecast accuracy is offered, not scored by default: a county turns it on once its forecasts have a month behind them. */
export const DEFAULT_SCORE_ITEMS: ScoreSheetItemConfig[] = [
  { source: 'visits_done', points: 25, target: 0.95, cap: 25, whenNone: 'zero' },
  { source: 'complaints_on_time', points: 10, target: 1, cap: 10, whenNone: 'full' },
  { source: 'callback_satisfaction', points: 10, target: 0.95, cap: 10, whenNone: 'full' },
  { source: 'sell_through', points: 15, target: 0.9, cap: 15, whenNone: 'zero' },
  { source: 'stock_filled', points: 10, target: 0.9, cap: 10, whenNone: 'zero' },
  { source: 'e_settlement', points: 10, target: 0.9, cap: 10, whenNone: 'zero' },
  { source: 'launch_listing', points: 10, target: 0.6, cap: 10, whenNone: 'full' },
  { source: 'care_tasks_done', points: 10, target: 1, cap: 10, whenNone: 'full' },
];
