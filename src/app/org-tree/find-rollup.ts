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

/** The counties' lines by catalogue code, named by the catalogue (decision 1930): one spec, one name, whatever each county lists it as. */
async function productsOf(db: Db, payloads: CountyRollup[]): Promise<Rollup['products']> {
  const byCode = new Map<string, { counties: number; demandLines: number; stockoutLines: number; orderedQty: number }>();
  for (const c of payloads) {
    for (const p of c.byProduct ?? []) {
      const sum = byCode.get(p.code) ?? { counties: 0, demandLines: 0, stockoutLines: 0, orderedQty: 0 };
      if (p.demandLines > 0) sum.counties++;
      sum.demandLines += p.demandLines;
      sum.stockoutLines += p.stockoutLines;
      sum.orderedQty += p.orderedQty;
      byCode.set(p.code, sum);
    }
  }
  if (byCode.size === 0) return [];
  const names = await query<{ code: string; brand: string; name: string; priceClass: number }>(
    db,
    sql`select code, brand, name, price_class as "priceClass" from product_catalog where code in (${sql.join([...byCode.keys()].map((c) => sql`${c}`), sql`, `)})`,
  );
  return names
    .map((n) => {
      const s = byCode.get(n.code)!;
      return { ...n, ...s, stockoutRatePct: rate(s.stockoutLines, s.demandLines) };
    })
    .sort((a, b) => b.stockoutLines - a.stockoutLines || b.demandLines - a.demandLines || a.code.localeCompare(b.code));
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
        sql`select org_id as "orgId", payload, to_char(computed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "computedAt"
            from org_rollups where org_id in (${sql.join(counties.map((c) => sql`${c.orgId}`), sql`, `)})`,
      )
    : [];
  const byCounty = new Map(rows.map((r) => [r.orgId, r]));
  const children = parent.level === 'county' ? [] : (tree.children.get(parentKey) ?? []);
  return {
    parent,
    total: rowOf(parent, counties, byCounty),
    products: await productsOf(db, rows.map((r) => r.payload)),
    // Cities with counties first; the tree's order (by code) within each.
    rows: children.map((child) => rowOf(child, countiesUnder(tree, child.orgId), byCounty)).sort((a, b) => Number(a.counties === 0) - Number(b.counties === 0)),
  };
}
