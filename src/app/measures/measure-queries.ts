// Reading the measures: one shop's latest with its parts, its trend and why a
// measure fell (within the viewer's scope, else 404); and the county (or the
// viewer's scope): distribution in bands of ten and the biggest movers since
// the night a month earlier.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { retailerScope } from '../../db/scope.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { explainMeasureChange, type MeasureSnapshot } from '../../domain/measures/explain-measure-change.js';
import { AppError } from '../../shared/app-error.js';
import { CONTRIBUTION_PARTS, LOYALTY_PARTS, MEASURES, type CountyMeasures, type DependenceSource, type RetailerMeasures } from '../../shared/measures.js';
import { getMeasureDefinition } from './measure-definitions.js';

type Row = {
  asOf: string;
  definitionVersion: number;
  satisfaction: number | null;
  satAnswers: number;
  loyalty: number;
  contribution: number;
  dependence: number | null;
  loyContinuity: number;
  loyStability: number;
  loyTenure: number;
  loyClean: number;
  conPercentile: number;
  conShareIndex: number;
  conMarginPercentile: number | null;
  orderWeeks: number;
  eligibleWeeks: number;
  qtyCv: number | null;
  tenureMonths: number;
  badOrders: number;
  allOrders: number;
  salesAmount: number;
  countyShare: number;
  marginAmount: number | null;
  depReportedOn: string | null;
  depSource: DependenceSource | null;
};

const snapshot = (r: Row): MeasureSnapshot => ({
  asOf: r.asOf,
  satisfaction: r.satisfaction,
  loyalty: r.loyalty,
  contribution: r.contribution,
  dependence: r.dependence,
  dependenceSource: r.depSource,
  loyaltyParts: { continuity: r.loyContinuity, stability: r.loyStability, tenure: r.loyTenure, clean: r.loyClean },
  contributionParts: { percentile: r.conPercentile, share: r.conShareIndex, margin: r.conMarginPercentile },
});

const point = (r: Row) => ({
  asOf: r.asOf,
  definitionVersion: r.definitionVersion,
  satisfaction: r.satisfaction,
  satAnswers: r.satAnswers,
  loyalty: r.loyalty,
  contribution: r.contribution,
  dependence: r.dependence,
});

/** A month earlier than a date (same day, or the month's last). */
function monthBefore(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 28);
  return d.toISOString().slice(0, 10);
}

export async function getRetailerMeasures(db: Db, viewer: Viewer, retailerId: number): Promise<RetailerMeasures> {
  const [shop] = await query<{ id: number }>(
    db,
    sql`select r.id from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id where r.id = ${retailerId} and r.org_id = ${viewer.orgId} and ${retailerScope(viewer)}`,
  );
  if (!shop) throw new AppError('not_found');
  const rows = await query<Row>(
    db,
    sql`select as_of::text as "asOf", definition_version as "definitionVersion", satisfaction, sat_answers as "satAnswers", loyalty, contribution, dependence,
          loy_continuity as "loyContinuity", loy_stability as "loyStability", loy_tenure as "loyTenure", loy_clean as "loyClean",
          con_percentile as "conPercentile", con_share_index as "conShareIndex", con_margin_percentile as "conMarginPercentile",
          order_weeks as "orderWeeks", eligible_weeks as "eligibleWeeks", qty_cv as "qtyCv", tenure_months as "tenureMonths",
          bad_orders as "badOrders", all_orders as "allOrders", sales_amount::float8 as "salesAmount", county_share as "countyShare",
          margin_amount::float8 as "marginAmount", dep_reported_on::text as "depReportedOn", dep_source as "depSource"
        from retailer_measures where org_id = ${viewer.orgId} and retailer_id = ${retailerId} order by as_of`,
  );
  if (!rows.length) return { latest: null, trend: [], why: [] };
  const latest = rows[rows.length - 1];
  const def = await getMeasureDefinition(db, viewer.orgId, latest.definitionVersion);
  const cutoff = monthBefore(latest.asOf);
  const prev = [...rows].reverse().find((r) => r.asOf <= cutoff);
  // The trend: the first of each month, and the latest night.
  const trend = rows.filter((r) => r.asOf.endsWith('-01') || r === latest).map(point);
  const why = prev ? explainMeasureChange(snapshot(prev), snapshot(latest), def.weights) : [];
  const s = snapshot(latest);
  return {
    latest: {
      ...point(latest),
      loyaltyParts: LOYALTY_PARTS.map((id) => ({ id, value: s.loyaltyParts[id], weight: def.weights.loyalty[id] })),
      contributionParts: CONTRIBUTION_PARTS.map((id) => ({ id, value: s.contributionParts[id] ?? 0, weight: def.weights.contribution[id] })),
      facts: {
        orderWeeks: latest.orderWeeks,
        eligibleWeeks: latest.eligibleWeeks,
        qtyCv: latest.qtyCv,
        tenureMonths: latest.tenureMonths,
        badOrders: latest.badOrders,
        allOrders: latest.allOrders,
        salesAmount: latest.salesAmount,
        countySharePct: Math.round(latest.countyShare * 1_000_000) / 10_000,
        marginAmount: latest.marginAmount,
        depReportedOn: latest.depReportedOn,
        depSource: latest.depReportedOn ? latest.depSource : null,
      },
    },
    trend,
    why,
  };
}

export async function getCountyMeasures(db: Db, viewer: Viewer): Promise<CountyMeasures> {
  const [d] = await query<{ asOf: string | null }>(db, sql`select max(as_of)::text as "asOf" from retailer_measures where org_id = ${viewer.orgId}`);
  if (!d.asOf) return { asOf: null, compareTo: null, shops: 0, distribution: MEASURES.map((measure) => ({ measure, bands: Array(10).fill(0), missing: 0, mean: null })), movers: [] };
  const [c] = await query<{ compareTo: string | null }>(
    db,
    sql`select max(as_of)::text as "compareTo" from retailer_measures where org_id = ${viewer.orgId} and as_of <= ${monthBefore(d.asOf)}::date`,
  );
  const scoped = sql`m.org_id = ${viewer.orgId} and ${retailerScope(viewer)}`;
  const dist = await query<{ measure: string; band: number | null; n: number }>(
    db,
    sql`select x.measure, case when x.v is null then null else least(9, floor(x.v / 10))::int end as band, count(*)::int as n
        from retailer_measures m join retailers r on r.org_id = m.org_id and r.id = m.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
        cross join lateral (values ('satisfaction', m.satisfaction), ('loyalty', m.loyalty), ('contribution', m.contribution), ('dependence', m.dependence)) x(measure, v)
        where ${scoped} and m.as_of = ${d.asOf}::date group by 1, 2`,
  );
  const means = await query<{ shops: number; satisfaction: number | null; loyalty: number | null; contribution: number | null; dependence: number | null }>(
    db,
    sql`select count(*)::int as shops, round(avg(m.satisfaction)::numeric, 1)::float8 as satisfaction, round(avg(m.loyalty)::numeric, 1)::float8 as loyalty,
          round(avg(m.contribution)::numeric, 1)::float8 as contribution, round(avg(m.dependence)::numeric, 1)::float8 as dependence
        from retailer_measures m join retailers r on r.org_id = m.org_id and r.id = m.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id where ${scoped} and m.as_of = ${d.asOf}::date`,
  );
  const distribution = MEASURES.map((measure) => {
    const bands = Array(10).fill(0) as number[];
    let missing = 0;
    for (const r of dist.filter((x) => x.measure === measure)) {
      if (r.band === null) missing += r.n;
      else bands[r.band] += r.n;
    }
    return { measure, bands, missing, mean: means[0][measure] };
  });
  const movers = c.compareTo
    ? await query<{ measure: (typeof MEASURES)[number]; retailerId: number; shopName: string; from: number; to: number; delta: number }>(
        db,
        sql`select * from (
            select x.measure, r.id as "retailerId", r.shop_name as "shopName", x.a as "from", x.b as "to", round((x.b - x.a)::numeric, 1)::float8 as delta,
              row_number() over (partition by x.measure order by x.b - x.a) as k
            from retailer_measures m join retailer_measures p on p.org_id = m.org_id and p.retailer_id = m.retailer_id and p.as_of = ${c.compareTo}::date
              join retailers r on r.org_id = m.org_id and r.id = m.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
              cross join lateral (values ('loyalty', p.loyalty, m.loyalty), ('contribution', p.contribution, m.contribution),
                ('satisfaction', p.satisfaction, m.satisfaction), ('dependence', p.dependence, m.dependence)) x(measure, a, b)
            where ${scoped} and m.as_of = ${d.asOf}::date and x.a is not null and x.b is not null and x.b < x.a) t
          where k <= 10 order by measure, delta`,
      )
    : [];
  return { asOf: d.asOf, compareTo: c.compareTo, shops: means[0].shops, distribution, movers: movers.map(({ measure, retailerId, shopName, from, to, delta }) => ({ measure, retailerId, shopName, from, to, delta })) };
}
