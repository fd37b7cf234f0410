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

/** Every source a score-sheet item may name. Add one entry to plug in a new source. */
export const SCORE_SOURCES: ScoreSource[] = [visitsDone, complaintsOnTime, callbackSatisfaction, sellThrough, stockOut, eSettlement];

export function sourceOf(id: string): ScoreSource | undefined {
  return SCORE_SOURCES.find((s) => s.id === id);
}

/** The default sheet: 100 points. */
export const DEFAULT_SCORE_ITEMS: ScoreSheetItemConfig[] = [
  { source: 'visits_done', points: 30, target: 0.95, cap: 30, whenNone: 'zero' },
  { source: 'complaints_on_time', points: 15, target: 1, cap: 15, whenNone: 'full' },
  { source: 'callback_satisfaction', points: 15, target: 0.95, cap: 15, whenNone: 'full' },
  { source: 'sell_through', points: 15, target: 0.9, cap: 15, whenNone: 'zero' },
  { source: 'stock_filled', points: 10, target: 0.9, cap: 10, whenNone: 'zero' },
  { source: 'e_settlement', points: 15, target: 0.9, cap: 15, whenNone: 'zero' },
];
