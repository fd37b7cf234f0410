import type { AllocationPolicy, Market } from './types.js';

/** How much one carton to a retailer of this tier and market is worth, before diminishing returns. */
export function groupWeight(policy: AllocationPolicy, tier: number, market: Market): number {
  if (tier < policy.minTier) return 0;
  return Math.max(0, policy.marketWeight[market]) * Math.pow(tier, policy.tierExponent);
}

/** Value of the k-th carton per retailer (k = 1, 2, …): the first carton counts most. */
export function segmentValue(weight: number, k: number): number {
  return weight / k;
}
