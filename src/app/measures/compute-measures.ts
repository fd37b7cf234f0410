// The nightly four measures of every active shop of an org, as of a day, in
// one set-based statement (decision 1710): the 26-week order facts per shop
// and the 28-day gross margin in one pass over the window's orders (1744),
// the county's percentiles and shares by window functions, the latest tobacco-income share reported
// on a visit (else on a survey's income question), the survey scores, and the weighted measures — written with the
// definition's version, replacing that night's rows if the job runs again.
// The formulas are those of src/domain/measures/formulas.ts.
import { sql, type SQL } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { MARGIN_DAYS, WINDOW_DAYS } from '../../domain/measures/formulas.js';
import type { MeasureWeights } from '../../shared/measures.js';
import { TOBACCO_INCOME_QUESTION } from '../../shared/surveys.js';
import { loadSatisfactionScores } from '../surveys/satisfaction-source.js';
import { getMeasureDefinition } from './measure-definitions.js';

/** Daily rows are kept this many days; the first of each month is kept for the trend. */
export const DAILY_KEEP_DAYS = 35;

const intArray = (xs: number[]) => sql.raw(`'{${xs.map((x) => Math.trunc(x)).join(',')}}'::int[]`);
const realArray = (xs: number[]) => sql.raw(`'{${xs.map((x) => (Number.isFinite(x) ? x : 0)).join(',')}}'::real[]`);
const num = (x: number) => sql.raw(String(Number(x)));
/** The survey answers' key of the income question, as a literal (a parameter would leave `->` ambiguous). */
const incomeKey = sql.raw(`'${TOBACCO_INCOME_QUESTION.replace(/'/g, '')}'`);

/**
 * The per-shop facts of the window, in one pass over the window's orders (decision 1744): the statement bench:measures
 * also runs bare, as the baseline. Weeks with a confirmed order are counted as the bits set in a 64-bit mask (one bit
 * per Monday-based week since the window's first Monday, at most 27) rather than by `count(distinct week)`, which
 * made PostgreSQL sort the whole window by shop; the 28-day gross margin (the orders' margin fact, decision 1743) is
 * summed in the same pass.
 */
export function measureFacts(orgId: number, asOf: string): SQL {
  const from = sql`${asOf}::date - ${sql.raw(String(WINDOW_DAYS))}`;
  const firstMonday = sql`date_trunc('week', (${from})::timestamp)::date`;
  return sql`
    shops as (
      select r.id, greatest(${from}, coalesce(r.opened_on, r.created_at::date)) as from_day,
             coalesce(r.opened_on, r.created_at::date) as opened
      from retailers r where r.org_id = ${orgId} and r.status = 'active'),
    o as (
      select o.retailer_id,
        bit_count(coalesce(bit_or(1::int8 << ((o.order_date - ${firstMonday}) / 7)) filter (where o.status = 'confirmed'), 0)::bit(64))::int as weeks,
        count(*)::int as all_orders,
        count(*) filter (where o.status = 'cancelled' or o.settlement_status = 'failed')::int as bad,
        count(*) filter (where o.status = 'confirmed')::int as n_conf,
        stddev_pop(o.total_qty) filter (where o.status = 'confirmed') as sd,
        avg(o.total_qty) filter (where o.status = 'confirmed') as mean,
        coalesce(sum(o.total_amount) filter (where o.status = 'confirmed'), 0)::float8 as sales,
        sum(o.margin_amount) filter (where o.status = 'confirmed' and o.order_date >= ${asOf}::date - ${sql.raw(String(MARGIN_DAYS))})::float8 as margin
      from orders o
      where o.org_id = ${orgId} and o.order_date >= ${from} and o.order_date < ${asOf}::date
      group by o.retailer_id)`;
}

/**
 * Settings of the nightly measures' transaction, also applied to the bare aggregate of bench:measures so the two are
 * timed alike (decision 1744). JIT: compiling cost more than it saved. work_mem: with the default 4 MB the per-shop
 * aggregate (300,000 groups), the county's two percentile sorts and the score sheets' joins all spilled to disk; a
 * night's job is one statement at a time per org, so a larger allowance for its own transaction is safe.
 */
export async function useMeasuresSession(tx: Db): Promise<void> {
  await tx.execute(sql`set local jit = off`);
  await tx.execute(sql`set local work_mem = '256MB'`);
}

export type ComputeMeasuresResult = { asOf: string; shops: number; definitionVersion: number; surveyed: number; dependenceKnown: number };

export async function computeMeasures(db: Db, orgId: number, asOf: string): Promise<ComputeMeasuresResult> {
  const def = await getMeasureDefinition(db, orgId);
  const w: MeasureWeights = def.weights;
  const sat = await loadSatisfactionScores(db, orgId);
  const satIds = [...sat.keys()];
  const satRows = satIds.map((id) => sat.get(id)!);
  const L = w.loyalty;
  const C = w.contribution;
  // Two statements in one transaction: the facts by CREATE TABLE AS, which PostgreSQL may run in parallel
  // (an INSERT … SELECT may not), then the write.
  const res = await db.transaction(async (tx) => {
    const d = tx as unknown as Db;
    await useMeasuresSession(d);
    await d.execute(sql`create temp table measure_parts on commit drop as with ${measureFacts(orgId, asOf)},
    -- "where prices allow": some order of the org (any shop) in the 28 days has a margin (decision 1710)
    priced as (select exists (select 1 from o where o.margin is not null) as has_lines),
    dep_visit as (
      select distinct on (v.retailer_id) v.retailer_id, (v.form->>'tobaccoIncomePct')::real as pct, v.visit_date
      from visits v
      where v.org_id = ${orgId} and v.status = 'done' and jsonb_typeof(v.form->'tobaccoIncomePct') = 'number'
        and (v.form->>'tobaccoIncomePct')::real between 0 and 100
        and v.visit_date > ${asOf}::date - 365 and v.visit_date <= ${asOf}::date
      order by v.retailer_id, v.visit_date desc, v.checked_in_at desc),
    -- where no visit reported it: the survey's income question (decision 1740)
    dep_survey as (
      select distinct on (p.retailer_id) p.retailer_id, (p.answers->>${incomeKey})::real as pct, (p.answered_at at time zone 'Asia/Shanghai')::date as day
      from survey_responses p
      where p.org_id = ${orgId} and jsonb_typeof(p.answers->${incomeKey}) = 'number'
        and (p.answers->>${incomeKey})::real between 0 and 100
        and p.answered_at >= (${asOf}::date - 364)::timestamp at time zone 'Asia/Shanghai' and p.answered_at < (${asOf}::date + 1)::timestamp at time zone 'Asia/Shanghai'
      order by p.retailer_id, p.answered_at desc, p.id desc),
    dep as (
      select coalesce(v.retailer_id, s.retailer_id) as retailer_id, case when v.retailer_id is not null then v.pct else s.pct end as pct,
        case when v.retailer_id is not null then v.visit_date else s.day end as visit_date,
        case when v.retailer_id is not null then 'visit' else 'survey' end as source
      from dep_visit v full join dep_survey s on s.retailer_id = v.retailer_id),
    sat as (
      select * from unnest(${intArray(satIds)}, ${realArray(satRows.map((s) => s.score))}, ${intArray(satRows.map((s) => s.answers))}, ${intArray(satRows.map((s) => s.roundId))})
        as s(retailer_id, score, answers, round_id)),
    f as (
      select s.id, s.opened,
        greatest(1, ceil((${asOf}::date - s.from_day) / 7.0))::int as eligible,
        coalesce(o.weeks, 0) as weeks, coalesce(o.all_orders, 0) as all_orders, coalesce(o.bad, 0) as bad,
        case when o.n_conf >= 2 and o.mean > 0 then (o.sd / o.mean)::float8 end as cv,
        greatest(0, (extract(year from age(${asOf}::date, s.opened)) * 12 + extract(month from age(${asOf}::date, s.opened))))::int as tenure_months,
        coalesce(o.sales, 0) as sales,
        percent_rank() over (order by coalesce(o.sales, 0))::float8 as pctl,
        coalesce(coalesce(o.sales, 0) / nullif(sum(coalesce(o.sales, 0)) over (), 0), 0)::float8 as share,
        count(*) over ()::int as n_shops,
        o.margin,
        case when (select has_lines from priced) then percent_rank() over (order by coalesce(o.margin, 0))::float8 end as mpctl,
        dep.pct as dep_pct, dep.visit_date as dep_on, dep.source as dep_source,
        sat.score as sat_score, sat.answers as sat_answers, sat.round_id as sat_round
      from shops s left join o on o.retailer_id = s.id
        left join dep on dep.retailer_id = s.id left join sat on sat.retailer_id = s.id),
    p as (
      select f.*,
        least(1, f.weeks::float8 / f.eligible) as p_cont,
        case when f.cv is null then 0 else greatest(0, 1 - f.cv) end as p_stab,
        least(1, f.tenure_months::float8 / ${num(w.tenureFullMonths)}) as p_ten,
        case when f.all_orders > 0 then greatest(0, 1 - f.bad::float8 / f.all_orders) else 1 end as p_clean,
        least(1, f.share * f.n_shops / 2) as p_share
      from f)
    select * from p`);
    // A re-run of a night replaces it: its rows go, then one plain insert (an upsert probed the key for every row).
    await d.execute(sql`delete from retailer_measures where org_id = ${orgId} and as_of = ${asOf}::date`);
    await d.execute(sql`
      insert into retailer_measures (org_id, as_of, retailer_id, definition_version, satisfaction, sat_answers, sat_round_id,
        loyalty, loy_continuity, loy_stability, loy_tenure, loy_clean, order_weeks, eligible_weeks, qty_cv, tenure_months, bad_orders, all_orders,
        contribution, con_percentile, con_share_index, con_margin_percentile, sales_amount, county_share, margin_amount, dependence, dep_reported_on, dep_source, computed_at)
      select ${orgId}::int, ${asOf}::date, p.id, ${def.version}::int, round(p.sat_score::numeric, 1), coalesce(p.sat_answers, 0), p.sat_round,
        round((100 * (${num(L.continuity)} * p_cont + ${num(L.stability)} * p_stab + ${num(L.tenure)} * p_ten + ${num(L.clean)} * p_clean))::numeric, 1),
        p_cont, p_stab, p_ten, p_clean, least(p.weeks, p.eligible), p.eligible, p.cv, least(p.tenure_months, 32767), p.bad, p.all_orders,
        round(case when p.mpctl is null
          then coalesce(100 * (${num(C.percentile)} * p.pctl + ${num(C.share)} * p_share) / nullif(${num(C.percentile + C.share)}, 0), 0)
          else 100 * (${num(C.percentile)} * p.pctl + ${num(C.share)} * p_share + ${num(C.margin)} * p.mpctl) / nullif(${num(C.percentile + C.share + C.margin)}, 0) end::numeric, 1),
        p.pctl, p_share, p.mpctl, p.sales, p.share, p.margin,
        case when p.dep_pct between 0 and 100 then round(p.dep_pct::numeric, 1) end, case when p.dep_pct between 0 and 100 then p.dep_on end,
        case when p.dep_pct between 0 and 100 then p.dep_source end, now()
      from measure_parts p`);
    // The counts of what was written, from the parts (satisfaction and dependence are stored exactly where these are set).
    const [r] = await query<{ shops: number; surveyed: number; dep: number }>(
      d,
      sql`select count(*)::int as shops, count(sat_score)::int as surveyed, count(*) filter (where dep_pct between 0 and 100)::int as dep from measure_parts`,
    );
    return r;
  });
  // Five weeks of nights, and the first of every month for the trend.
  await db.execute(
    sql`delete from retailer_measures where org_id = ${orgId} and as_of < ${asOf}::date - ${sql.raw(String(DAILY_KEEP_DAYS))} and extract(day from as_of) <> 1`,
  );
  return { asOf, shops: res.shops, definitionVersion: def.version, surveyed: res.surveyed, dependenceKnown: res.dep };
}
