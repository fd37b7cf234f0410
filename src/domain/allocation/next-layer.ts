// After the group quotas, what is left of a product's supply is smaller than
// the next layer worth taking: it cannot go to every retailer of a group. It
// goes one carton each to retailers of the most valuable next layers, chosen
// within a layer by their service package's scarce-supply priority
// (decision 0603). This gives each group's next layer its value.
import { groupWeight, segmentValue } from './group-weight.js';
import type { AllocationProblem, GroupQuota, Market } from './types.js';

export type NextLayer = { tier: number; market: Market; value: number };

/** The value of one more carton (the quota + 1-th) to a retailer of each group that may have more; groups that may not are left out. */
export function nextLayers(p: AllocationProblem, quotas: readonly GroupQuota[]): NextLayer[] {
  return quotas.flatMap((q) => {
    const w = groupWeight(p.policy, q.tier, q.market);
    if (w <= 0 || q.quota + 1 > p.policy.maxQuota) return [];
    return [{ tier: q.tier, market: q.market, value: segmentValue(w, q.quota + 1) }];
  });
}
