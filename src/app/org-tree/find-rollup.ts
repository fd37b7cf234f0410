// The roll-up screens (decision 1911): a province by city, a city by county,
// summed from the county rows the org-rollups job keeps. Only orgs in the
// viewer's subtree; a county's own figures are its row.
import { sql } from 'drizzle-orm';
import { query, type Db } from '../../db/client.js';
import { countiesUnder, isWithin, type OrgNode } from '../../domain/org-tree/org-tree.js';
import type { Viewer } from '../../domain/access/viewer.js';
import { AppError } from '../../shared/app-error.js';
import type { CountyRollup, Rollup, RollupRow } from '../../shared/org-tree.js';
import { loadOrgTree } from './org-tree-queries.js';

const rate = (a: number, b: number) => (b > 0 ? Math.round((a / b) * 10000) / 100 : null);

const empty = (): CountyRollup => ({
  retailers: { total: 0, active: 0 },
  stars: [0, 0, 0, 0, 0, 0, 0],
  supply: { weekStart: null, demandLines: 0, stockoutLines: 0, base: 0, ordering: 0 },
  settlement: { failedOrders: 0, failedAmount: 0 },
  visits: { from: '', to: '', planned: 0, done: 0 },
  desk: { open: 0, overdue: 0, closed30d: 0 },
  measures: { asOf: null, shops: 0, satisfactionSum: 0, satisfactionN: 0, loyaltySum: 0, dependenceSum: 0, dependenceN: 0 },
  runs: { ratingPublished: null, ratingDraft: null, measuresAsOf: null },
});
const avg = (sum: number, n: number) => (n > 0 ? Math.round((sum / n) * 10) / 10 : null);

/** The earlier of two (null, i.e. "none yet", is earliest): a parent is as far as its slowest county. */
const earliest = (a: string | null, b: string | null) => (a === null || b === null ? null : a < b ? a : b);

function add(sum: CountyRollup, c: CountyRollup) {
  sum.retailers.total += c.retailers.total;
  sum.retailers.active += c.retailers.active;
  c.stars.forEach((n, i) => (sum.stars[i] = (sum.stars[i] ?? 0) + n));
  const s = sum.supply;
  if (c.supply.weekStart && (!s.weekStart || c.supply.weekStart > s.weekStart)) s.weekStart = c.supply.weekStart;
  s.demandLines += c.supply.demandLines;
  s.stockoutLines += c.supply.stockoutLines;
  s.base += c.supply.base;
  s.ordering += c.supply.ordering;
  sum.settlement.failedOrders += c.settlement.failedOrders;
  sum.settlement.failedAmount = Math.round((sum.settlement.failedAmount + c.settlement.failedAmount) * 100) / 100;
  if (c.visits.from) sum.visits = { ...sum.visits, from: c.visits.from, to: c.visits.to };
  sum.visits.planned += c.visits.planned;
  sum.visits.done += c.visits.done;
  sum.desk.open += c.desk.open;
  sum.desk.overdue += c.desk.overdue;
  sum.desk.closed30d += c.desk.closed30d;
  if (c.measures) {
    const m = sum.measures!;
    if (c.measures.asOf && (!m.asOf || c.measures.asOf > m.asOf)) m.asOf = c.measures.asOf;
    m.shops += c.measures.shops;
    m.satisfactionSum += c.measures.satisfactionSum;
    m.satisfactionN += c.measures.satisfactionN;
    m.loyaltySum += c.measures.loyaltySum;
    m.dependenceSum += c.measures.dependenceSum;
    m.dependenceN += c.measures.dependenceN;
  }
}

/** The runs of a parent from its counties' rows (a county without the field counts as nothing run). */
function runsOf(counties: (CountyRollup | undefined)[]): NonNullable<CountyRollup['runs']> {
  if (counties.length === 0) return empty().runs!;
  const none = { ratingPublished: null, ratingDraft: null, measuresAsOf: null };
  const all = counties.map((c) => c?.runs ?? none);
  return {
    ratingPublished: all.map((r) => r.ratingPublished).reduce(earliest),
    ratingDraft: all.reduce<string | null>((m, r) => (r.ratingDraft && (!m || r.ratingDraft > m) ? r.ratingDraft : m), null),
    measuresAsOf: all.map((r) => r.measuresAsOf).reduce(earliest),
  };
}

function rowOf(node: OrgNode, counties: OrgNode[], byCounty: Map<number, { payload: CountyRollup; computedAt: string }>): RollupRow {
  const sum = empty();
  let missing = 0;
  let oldest: string | null = null;
  for (const c of counties) {
    const r = byCounty.get(c.orgId);
    if (!r) {
      missing++;
      continue;
    }
    add(sum, r.payload);
    if (!oldest || r.computedAt < oldest) oldest = r.computedAt;
  }
  return {
    orgId: node.orgId,
    name: node.name,
    level: node.level,
    counties: counties.length,
    missing,
    ...sum,
    runs: runsOf(counties.map((c) => byCounty.get(c.orgId)?.payload)),
    stockoutRatePct: rate(sum.supply.stockoutLines, sum.supply.demandLines),
    sellThroughPct: rate(sum.supply.ordering, sum.supply.base),
    visitsDonePct: rate(sum.visits.done, sum.visits.planned),
    satisfactionAvg: avg(sum.measures!.satisfactionSum, sum.measures!.satisfactionN),
    loyaltyAvg: avg(sum.measures!.loyaltySum, sum.measures!.shops),
    dependenceAvg: avg(sum.measures!.dependenceSum, sum.measures!.dependenceN),
    computedAt: oldest,
  };
}

/**
 * The counties' lines by catalogue code, summed in SQL and named by the catalogue (decision 1930): one spec, one
 * name, whatever each county lists it as. The main read leaves `byProduct` out, so a province's roll-up reads no
 * more than before for its other tabs.
 */
async function productsOf(db: Db, countyIds: number[]): Promise<Rollup['products']> {
  if (countyIds.length === 0) return [];
  const rows = await query<Omit<Rollup['products'][number], 'stockoutRatePct'>>(
    db,
    sql`select c.code, c.brand, c.name, c.price_class as "priceClass", x.counties, x."demandLines", x."stockoutLines", x."orderedQty"
        from (
          select e->>'code' as code, count(*) filter (where (e->>'demandLines')::int > 0)::int as counties,
                 sum((e->>'demandLines')::int)::int as "demandLines", sum((e->>'stockoutLines')::int)::int as "stockoutLines",
                 sum((e->>'orderedQty')::int)::int as "orderedQty"
          from org_rollups r cross join lateral jsonb_array_elements(coalesce(r.payload->'byProduct', '[]'::jsonb)) e
          where r.org_id in (${sql.join(countyIds.map((id) => sql`${id}`), sql`, `)})
          group by e->>'code'
        ) x join product_catalog c on c.code = x.code
        order by x."stockoutLines" desc, x."demandLines" desc, c.code`,
  );
  return rows.map((r) => ({ ...r, stockoutRatePct: rate(r.stockoutLines, r.demandLines) }));
}

export async function findRollup(db: Db, viewer: Viewer, parentId: number | undefined): Promise<Rollup> {
  const tree = await loadOrgTree(db);
  const home = viewer.regional?.homeOrgId ?? viewer.orgId;
  const parentKey = parentId ?? home;
  // Outside the subtree reads as missing, like any out-of-scope id.
  if (!isWithin(tree, parentKey, home)) throw new AppError('not_found');
  const parent = tree.nodes.get(parentKey)!;
  const counties = countiesUnder(tree, parentKey);
  const rows = counties.length
    ? await query<{ orgId: number; payload: CountyRollup; computedAt: string }>(
        db,
        sql`select org_id as "orgId", payload - 'byProduct' as payload, to_char(computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "computedAt"
            from org_rollups where org_id in (${sql.join(counties.map((c) => sql`${c.orgId}`), sql`, `)})`,
      )
    : [];
  const byCounty = new Map(rows.map((r) => [r.orgId, r]));
  const children = parent.level === 'county' ? [] : (tree.children.get(parentKey) ?? []);
  return {
    parent,
    total: rowOf(parent, counties, byCounty),
    products: await productsOf(db, counties.map((c) => c.orgId)),
    // Cities with counties first; the tree's order (by code) within each.
    rows: children.map((child) => rowOf(child, countiesUnder(tree, child.orgId), byCounty)).sort((a, b) => Number(a.counties === 0) - Number(b.counties === 0)),
  };
}
