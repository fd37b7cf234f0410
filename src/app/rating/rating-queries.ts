// Reading ratings within the viewer's scope: one retailer's months, a run's
// movers, and the per-grid review sheet rows.
import { sql } from 'drizzle-orm';
import type { Viewer } from '../../domain/access/viewer.js';
import type { StoredRating } from '../../domain/rating/retailer-rating-view.js';
import { query, type Db } from '../../db/client.js';
import type { RunSummary } from './rating-runs.js';
import { retailerScope } from '../../db/scope.js';
import type { ReviewSheetRow } from '../../solver/review-sheet-file.js';

const ratingColumns = sql`x.retailer_id as "retailerId", x.month, x.scheme_version as "schemeVersion", x.network, x.class_code as "classCode",
  x.tier, x.computed_tier as "computedTier", x.tier_score as "tierScore", x.star, x.star_score as "starScore", x.segment,
  x.frozen_reason as "frozenReason", x.breakdown, x.input`;

export type RetailerMonthRow = StoredRating & { runId: number; summary: RunSummary };

/** The retailer's published results, newest first (up to the month if given), 13 months: this one, the last, and history. */
export async function findRetailerRatings(
  db: Db,
  viewer: Viewer,
  retailerId: number,
  month?: string,
): Promise<{ shop: { id: number; shopName: string; customerCode: string } | null; rows: RetailerMonthRow[] }> {
  const [shop] = await query<{ id: number; shopName: string; customerCode: string }>(
    db,
    sql`select r.id, r.shop_name as "shopName", r.customer_code as "customerCode" from retailers r join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where r.id = ${retailerId} and ${retailerScope(viewer)}`,
  );
  if (!shop) return { shop: null, rows: [] };
  const rows = await query<RetailerMonthRow>(
    db,
    sql`select ${ratingColumns}, run.id as "runId", run.summary from retailer_ratings x
      join rating_runs run on run.org_id = x.org_id and run.id = x.run_id and run.status = 'published'
      where x.retailer_id = ${retailerId} and run.org_id = ${viewer.orgId} ${month ? sql`and x.month <= ${month}` : sql``}
      order by x.month desc limit 13`,
  );
  return { shop, rows };
}

export type MoverRow = {
  retailerId: number;
  shopName: string;
  customerCode: string;
  gridName: string;
  starFrom: number | null;
  starTo: number;
  scoreFrom: number | null;
  scoreTo: number;
  tierFrom: number | null;
  tierTo: number;
  classFrom: string | null;
  classTo: string;
  segmentFrom: string | null;
  segmentTo: string;
  tierComputed: number | null;
  tierCause: string | null;
};

/** Who moved against the previous run: biggest star moves first, then score. Set-based, scoped. */
export async function findMovers(db: Db, viewer: Viewer, runId: number, prevRunId: number | null, direction: 'all' | 'up' | 'down', limit: number) {
  const dir = direction === 'up' ? sql`and x.star > p.star` : direction === 'down' ? sql`and x.star < p.star` : sql``;
  return query<MoverRow>(
    db,
    sql`select x.retailer_id as "retailerId", r.shop_name as "shopName", r.customer_code as "customerCode", g.name as "gridName",
        p.star as "starFrom", x.star as "starTo", p.star_score as "scoreFrom", x.star_score as "scoreTo", p.tier as "tierFrom", x.tier as "tierTo",
        p.class_code as "classFrom", x.class_code as "classTo", p.segment as "segmentFrom", x.segment as "segmentTo",
        (x.breakdown->'tierCap'->>'computed')::int as "tierComputed", x.breakdown->'tierCap'->>'cause' as "tierCause"
      from retailer_ratings x join retailer_ratings p on p.run_id = ${prevRunId ?? -1} and p.retailer_id = x.retailer_id
      join retailers r on r.org_id = x.org_id and r.id = x.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      where x.run_id = ${runId} and ${retailerScope(viewer)}
        and (x.star <> p.star or x.tier <> p.tier or x.class_code <> p.class_code or x.segment <> p.segment or x.breakdown ? 'tierCap') ${dir}
      order by abs(x.star - p.star) desc, abs(x.star_score - p.star_score) desc, abs(x.tier - p.tier) desc, x.retailer_id
      limit ${limit}`,
  );
}

export type { ReviewSheetRow };

/** 客户类别细分考核表: one row per retailer of the run, optionally one grid, in the viewer's scope. */
export async function findReviewSheetRows(db: Db, viewer: Viewer, runId: number, prevRunId: number | null, gridId?: number) {
  return query<ReviewSheetRow>(
    db,
    sql`select g.name as "gridName", r.customer_code as "customerCode", r.shop_name as "shopName", x.network,
        x.input->>'complianceClass' as "complianceClass", x.breakdown->'segment'->>'integrity' as integrity,
        x.breakdown->'segment'->>'stability' as stability, x.breakdown->'segment'->>'cooperation' as cooperation,
        (x.breakdown->'segment'->>'cv')::float8 as cv, (x.breakdown->'segment'->>'continuity')::float8 as continuity,
        x.segment, p.segment as "prevSegment", x.star, x.tier, x.class_code as "classCode"
      from retailer_ratings x join retailers r on r.org_id = x.org_id and r.id = x.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join retailer_ratings p on p.run_id = ${prevRunId ?? -1} and p.retailer_id = x.retailer_id
      where x.run_id = ${runId} and ${retailerScope(viewer)} ${gridId ? sql`and g.id = ${gridId}` : sql``}
      order by g.code, r.customer_code`,
  );
}

export type RunScopeView = {
  /** 'org': the whole county (the run's own summary); 'own': the viewer's grids or station only. */
  scope: 'org' | 'own';
  retailers: number;
  distribution: { star: { urban: number[]; rural: number[] }; tier: number[]; segment: Record<string, number> };
  movers: { starUp: number; starDown: number; tierUp: number; tierDown: number };
  churn: { compared: number; tierChanged: number; movedOver2: number; heldByCap: number };
};

/**
 * The run's figures for what the viewer is responsible for: the county's for
 * those who see the whole county, otherwise counted over the retailers in their
 * scope (a grid worker's grids, a station head's station) — one grouped query.
 */
export async function getRunScopeView(db: Db, viewer: Viewer, runId: number, prevRunId: number | null, summary: RunSummary, tierCount: number): Promise<RunScopeView> {
  if (viewer.role === 'admin' || viewer.role === 'county_manager' || viewer.role === 'call_agent') {
    const d = summary.distribution;
    const c = summary.churn;
    return {
      scope: 'org',
      retailers: d.tier.reduce((a, b) => a + b, 0),
      distribution: { star: d.star, tier: d.tier, segment: d.segment },
      movers: { starUp: summary.movers.starUp, starDown: summary.movers.starDown, tierUp: summary.movers.tierUp, tierDown: summary.movers.tierDown },
      churn: c ? { compared: c.compared, tierChanged: c.tierChanged, movedOver2: c.movedOver2, heldByCap: c.heldByCap } : { compared: 0, tierChanged: 0, movedOver2: 0, heldByCap: 0 },
    };
  }
  const rows = await query<{ network: 'urban' | 'rural'; star: number; tier: number; segment: string; ps: number | null; pt: number | null; held: boolean; n: number }>(
    db,
    sql`select x.network, x.star, x.tier, x.segment, p.star as ps, p.tier as pt,
        (x.breakdown ? 'tierCap' and x.breakdown->'tierCap'->>'cause' is null) as held, count(*)::int as n
      from retailer_ratings x join retailers r on r.org_id = x.org_id and r.id = x.retailer_id join grids g on g.org_id = r.org_id and g.id = r.grid_id
      left join retailer_ratings p on p.run_id = ${prevRunId ?? -1} and p.retailer_id = x.retailer_id
      where x.run_id = ${runId} and ${retailerScope(viewer)}
      group by 1, 2, 3, 4, 5, 6, 7`,
  );
  const v: RunScopeView = {
    scope: 'own',
    retailers: 0,
    distribution: { star: { urban: [0, 0, 0, 0, 0, 0], rural: [0, 0, 0, 0, 0, 0] }, tier: new Array<number>(tierCount).fill(0), segment: { close: 0, stable_a: 0, stable_b: 0, unstable: 0 } },
    movers: { starUp: 0, starDown: 0, tierUp: 0, tierDown: 0 },
    churn: { compared: 0, tierChanged: 0, movedOver2: 0, heldByCap: 0 },
  };
  for (const x of rows) {
    v.retailers += x.n;
    v.distribution.star[x.network][x.star - 1] += x.n;
    v.distribution.tier[x.tier - 1] = (v.distribution.tier[x.tier - 1] ?? 0) + x.n;
    v.distribution.segment[x.segment] = (v.distribution.segment[x.segment] ?? 0) + x.n;
    if (x.held) v.churn.heldByCap += x.n;
    if (x.ps === null || x.pt === null) continue;
    v.churn.compared += x.n;
    if (x.star > x.ps) v.movers.starUp += x.n;
    if (x.star < x.ps) v.movers.starDown += x.n;
    if (x.tier > x.pt) v.movers.tierUp += x.n;
    if (x.tier < x.pt) v.movers.tierDown += x.n;
    if (x.tier !== x.pt) v.churn.tierChanged += x.n;
    if (Math.abs(x.tier - x.pt) > 2) v.churn.movedOver2 += x.n;
  }
  return v;
}
