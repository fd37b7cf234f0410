// After the group quotas, what is left of a product's supply is smaller than
// the next layer worth taking: it cannot go to every retailer of a group. It
// goes one carton each to retailers of the most valuable next layers, chosen
// within a layer by their service package's scarce-supply priority
// (decision 0603). This gives each group's next layer its value and says
// which layers the remainder can reach.
import { groupWeight, segmentValue } from './group-weight.js';
import type { AllocationProblem, GroupQuota, Market } from './types.js';

export type NextLayer = { tier: number; market: Market; value: number; takers: number };

/**
 * The value of one more carton (the quota + 1-th) to a retailer of each group
 * that may have more, and how many of its retailers can sell one more
 * (`takers`); groups that may not, or where nobody can, are left out.
 */
export function nextLayers(p: AllocationProblem, quotas: readonly GroupQuota[]): NextLayer[] {
  const demand = new Map(p.groups.map((g) => [`${g.tier}:${g.market}`, g]));
  return quotas.flatMap((q) => {
    const w = groupWeight(p.policy, q.tier, q.market);
    const takers = demand.get(`${q.tier}:${q.market}`)?.atLeast[q.quota] ?? 0;
    if (w <= 0 || q.quota + 1 > p.policy.maxQuota || takers === 0) return [];
    return [{ tier: q.tier, market: q.market, value: segmentValue(w, q.quota + 1), takers }];
  });
}

/**
 * The next layers the remainder reaches, most valuable first: layers are taken
 * until their takers cover the remainder, and every layer worth as much as the
 * last one taken comes too (their shops compete on priority alone).
 */
export function layersForRemainder(p: AllocationProblem, quotas: readonly GroupQuota[], remainder: number): NextLayer[] {
  if (remainder <= 0) return [];
  const layers = nextLayers(p, quotas).sort((a, b) => b.value - a.value);
  const out: NextLayer[] = [];
  let covered = 0;
  for (const l of layers) {
    if (covered >= remainder && l.value < out[out.length - 1].value) break;
    out.push(l);
    covered += l.takers;
  }
  return out;
}
