// The measures of a new-brand launch (品牌培育), as pure functions: the
// reference the launch-stats SQL is tested against, the band of earlier
// launches and the early warning (decision 1720).
//
// Lifecycle week 1 is the launch week (Monday to Sunday). Rates are
// cumulative to a week:
//   上柜率 listing      = target shops with an order by week w ÷ target shops
//   上柜率 on the shelf = target shops a visit found it on the shelf by w ÷ target shops
//   复购率 reorder      = of shops that ordered by w, those that ordered again in a
//                         later week at most 8 weeks after their first, by w
//   铺货率 distribution = active target shops whose latest check by w found it on
//                         the shelf ÷ active target shops

export const REORDER_WITHIN = 8;

export type ShopFacts = {
  /** Lifecycle weeks with a supplied quantity > 0 of the product. */
  orderWeeks: number[];
  /** Visit checks in date order. */
  checks: { week: number; onShelf: boolean }[];
  active: boolean;
};

export type WeekMeasures = {
  week: number;
  targets: number;
  activeTargets: number;
  orderedShops: number;
  reorderedShops: number;
  shelfShops: number;
  onShelfNow: number;
  listingRate: number | null;
  reorderRate: number | null;
  shelfRate: number | null;
  distributionRate: number | null;
};

const ratio = (a: number, b: number): number | null => (b > 0 ? a / b : null);

/** Lifecycle week of an ISO date for a launch whose week 1 starts on `launchMonday` (0 or less: before it). */
export function lifecycleWeek(launchMonday: string, day: string): number {
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${launchMonday}T00:00:00Z`)) / 86_400_000);
  return Math.floor(days / 7) + 1;
}

/** The week a shop first reordered (a different week, within 8 weeks of its first), or null. */
export function reorderWeek(orderWeeks: number[]): number | null {
  if (!orderWeeks.length) return null;
  const first = Math.min(...orderWeeks);
  const later = orderWeeks.filter((w) => w > first && w <= first + REORDER_WITHIN);
  return later.length ? Math.min(...later) : null;
}

export function weekMeasures(shops: ShopFacts[], week: number): WeekMeasures {
  let ordered = 0;
  let reordered = 0;
  let shelf = 0;
  let onNow = 0;
  let active = 0;
  for (const s of shops) {
    const weeks = s.orderWeeks.filter((w) => w >= 1);
    const first = weeks.length ? Math.min(...weeks) : null;
    if (first !== null && first <= week) ordered++;
    const re = reorderWeek(weeks);
    if (re !== null && re <= week) reordered++;
    const seen = s.checks.filter((c) => c.week <= week);
    if (seen.some((c) => c.onShelf)) shelf++;
    if (s.active) {
      active++;
      if (seen.length && seen[seen.length - 1].onShelf) onNow++;
    }
  }
  const targets = shops.length;
  return {
    week,
    targets,
    activeTargets: active,
    orderedShops: ordered,
    reorderedShops: reordered,
    shelfShops: shelf,
    onShelfNow: onNow,
    listingRate: ratio(ordered, targets),
    reorderRate: ratio(reordered, ordered),
    shelfRate: ratio(shelf, targets),
    distributionRate: ratio(onNow, active),
  };
}

/** The p-th percentile (0–1) with linear interpolation between ranks, as PostgreSQL's percentile_cont. */
export function percentileCont(values: number[], p: number): number {
  if (!values.length) throw new Error('percentile of nothing');
  const v = [...values].sort((a, b) => a - b);
  const pos = p * (v.length - 1);
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return v[lo] + (v[hi] - v[lo]) * (pos - lo);
}

export type BandPoint = { week: number; low: number; median: number; high: number; launches: number };
export const BAND = { low: 0.25, high: 0.75, minLaunches: 2 } as const;

/**
 * The band of earlier launches' curves aligned on lifecycle week: at each
 * week, the 25th–75th percentile of the launches that completed it; no band
 * at a week fewer than two launches reached.
 */
export function bandOf(curves: Map<number, number>[], weeks: number): BandPoint[] {
  const out: BandPoint[] = [];
  for (let w = 1; w <= weeks; w++) {
    const vals = curves.map((c) => c.get(w)).filter((x): x is number => x !== undefined && x !== null);
    if (vals.length < BAND.minLaunches) continue;
    out.push({ week: w, low: percentileCont(vals, BAND.low), median: percentileCont(vals, 0.5), high: percentileCont(vals, BAND.high), launches: vals.length });
  }
  return out;
}

export type Warning<M extends string = string> = { week: number; measure: M; value: number; low: number };

/** Measures of the last completed week that fall below their band's low edge. */
export function warningsOf<M extends string>(completedWeek: number, values: Partial<Record<M, number | null | undefined>>, bands: Partial<Record<M, BandPoint[]>>): Warning<M>[] {
  if (completedWeek < 1) return [];
  const out: Warning<M>[] = [];
  for (const [measure, value] of Object.entries(values) as [M, number | null | undefined][]) {
    const b = bands[measure]?.find((p) => p.week === completedWeek);
    if (b && value !== null && value !== undefined && value < b.low - 1e-9) out.push({ week: completedWeek, measure, value, low: b.low });
  }
  return out;
}
