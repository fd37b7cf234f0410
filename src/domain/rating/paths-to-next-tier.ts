// What does it take to reach the next tier? Tier points are linear in the
// per-cycle figures (relative to the top retailer), so the smallest step is
// the gap divided by the points one unit earns, checked by re-scoring. Other
// retailers are assumed to stay where they are; if the retailer passes the
// top, the top moves with them (the ratio stops at 1).
import { say, joinTexts } from './messages.js';
import type { RatingScheme } from './scheme.js';
import { volumeCap } from './star-path-dimensions.js';
import { perCycle, tierFromCutoffs, tierOrders, type PerCycle } from './tiers.js';
import type { RetailerMonthInput, Text, TierContext } from './types.js';

export type TierChange = { kind: 'add_cartons_per_cycle'; amount: number } | { kind: 'add_brands'; amount: number };

export interface TierPathOption {
  changes: TierChange[];
  gain: number;
  newScore: number;
  newTier: number;
  cost: number;
  text: Text;
  detail: Text;
}

export interface TierPaths {
  schemeVersion: string;
  score: number;
  tier: number;
  targetTier: number | null;
  targetCutoff: number | null;
  gap: number;
  options: TierPathOption[];
}

const EPS = 1e-9;
const round2 = (x: number) => Math.round(x * 100) / 100;

export function applyTierChange(p: PerCycle, change: TierChange, scheme: RatingScheme): PerCycle {
  if (change.kind === 'add_brands') return { ...p, brands: p.brands + change.amount };
  const n = change.amount;
  if (p.cartons === 0) return { ...p, cartons: n, valueYuan: n * scheme.paths.defaultCartonPrice };
  const k = (p.cartons + n) / p.cartons;
  return { ...p, cartons: p.cartons + n, valueYuan: p.valueYuan * k, class2PlusCartons: p.class2PlusCartons * k };
}

/** Tier score with each ratio capped at 1: beating the top makes the retailer the top. */
export function cappedTierScore(p: PerCycle, top: TierContext['top'], scheme: RatingScheme): number {
  const w = scheme.tiers.weights;
  const r = (v: number, t: number) => (t > 0 ? Math.min(1, v / t) : v > 0 ? 1 : 0);
  return (
    w.quantity * r(p.cartons, top.cartons) +
    w.value * r(p.valueYuan, top.valueYuan) +
    w.brands * r(p.brands, top.brands) +
    w.class2Plus * r(p.class2PlusCartons, top.class2PlusCartons)
  );
}

export function pathsToNextTier(input: RetailerMonthInput, scheme: RatingScheme, context: TierContext): TierPaths {
  const p0 = perCycle(tierOrders(input));
  const score = cappedTierScore(p0, context.top, scheme);
  const tier = tierFromCutoffs(score, context.cutoffs);
  let targetTier: number | null = null;
  for (let t = tier + 1; t <= context.cutoffs.length; t++) {
    if (!Number.isNaN(context.cutoffs[t - 1])) {
      targetTier = t;
      break;
    }
  }
  const base = { schemeVersion: scheme.version, score, tier };
  if (targetTier === null) return { ...base, targetTier: null, targetCutoff: null, gap: 0, options: [] };
  const cutoff = context.cutoffs[targetTier - 1];
  const gap = cutoff - score;

  const o = tierOrders(input);
  const maxCartons = Math.floor(volumeCap(input, scheme) / Math.max(1, input.orders.cycles) + EPS);
  const limit: Record<TierChange['kind'], number> = {
    add_cartons_per_cycle: maxCartons - Math.ceil(p0.cartons - EPS),
    add_brands: scheme.paths.maxExtraBrands,
  };
  const unitCost: Record<TierChange['kind'], number> = {
    add_cartons_per_cycle: scheme.paths.cost.carton * Math.max(1, o.cycles),
    add_brands: scheme.paths.cost.brand,
  };
  const scoreAfter = (changes: TierChange[]) =>
    cappedTierScore(changes.reduce((p, c) => applyTierChange(p, c, scheme), p0), context.top, scheme);

  /** Smallest amount of `kind` (after `prefix`) reaching the cut-off within the limit; the score only rises with it. */
  const smallest = (kind: TierChange['kind'], prefix: TierChange[], below = Infinity): number | null => {
    const reaches = (n: number) => scoreAfter([...prefix, { kind, amount: n }]) >= cutoff - EPS;
    let hi = Math.min(limit[kind], below - 1);
    if (hi < 1 || !reaches(hi)) return null;
    let lo = 0; // does not reach (else there would be no gap)
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (reaches(mid)) hi = mid;
      else lo = mid;
    }
    return hi;
  };

  const option = (changes: TierChange[]): TierPathOption => {
    const newScore = scoreAfter(changes);
    const texts = changes.map((c) => say(c.kind === 'add_brands' ? 'path_add_brands' : 'tier_add_cartons', { n: c.amount }));
    return {
      changes,
      gain: newScore - score,
      newScore,
      newTier: tierFromCutoffs(newScore + EPS, context.cutoffs),
      cost: changes.reduce((s, c) => s + c.amount * unitCost[c.kind], 0),
      text: texts.length === 2 ? joinTexts(texts[0], texts[1]) : texts[0],
      detail: say('tier_gain', { tier: targetTier, gap: round2(gap), gain: round2(newScore - score) }),
    };
  };

  const options: TierPathOption[] = [];
  const single: Partial<Record<TierChange['kind'], number>> = {};
  for (const kind of ['add_cartons_per_cycle', 'add_brands'] as const) {
    const n = smallest(kind, []);
    if (n !== null) {
      single[kind] = n;
      options.push(option([{ kind, amount: n }]));
    }
  }
  // A few more brands and correspondingly fewer cartons.
  let best: TierPathOption | null = null;
  for (let b = 1; b < Math.min(single.add_brands ?? Infinity, limit.add_brands + 1); b++) {
    const prefix: TierChange[] = [{ kind: 'add_brands', amount: b }];
    const n = smallest('add_cartons_per_cycle', prefix, single.add_cartons_per_cycle ?? Infinity);
    if (n === null) continue;
    const opt = option([...prefix, { kind: 'add_cartons_per_cycle', amount: n }]);
    if (!best || opt.cost < best.cost) best = opt;
  }
  if (best) options.push(best);
  options.sort((x, y) => x.cost - y.cost);
  return { ...base, targetTier, targetCutoff: cutoff, gap, options };
}
