// Per-group histograms of what retailers can sell, from flat per-retailer
// arrays (typed arrays so that a province of 300,000 retailers stays cheap).
import { MARKETS, type GroupDemand, type Market } from './types.js';

export type RetailerCaps = {
  tier: ArrayLike<number>;
  /** 0 = urban, 1 = rural */
  market: ArrayLike<number>;
  cap: ArrayLike<number>;
};

export function marketIndex(m: Market): number {
  return m === 'urban' ? 0 : 1;
}

export function buildGroups(r: RetailerCaps, tierCount: number, maxQuota: number): GroupDemand[] {
  const n = r.cap.length;
  const groupsN = tierCount * 2;
  const counts = new Int32Array(groupsN * (maxQuota + 1));
  const sizes = new Int32Array(groupsN);
  for (let i = 0; i < n; i++) {
    const g = (r.tier[i] - 1) * 2 + r.market[i];
    const c = Math.min(maxQuota, Math.max(0, Math.floor(r.cap[i])));
    counts[g * (maxQuota + 1) + c]++;
    sizes[g]++;
  }
  const groups: GroupDemand[] = [];
  for (let t = 1; t <= tierCount; t++) {
    for (let m = 0; m < 2; m++) {
      const g = (t - 1) * 2 + m;
      const base = g * (maxQuota + 1);
      // atLeast[k-1] = sum of counts for cap >= k
      let top = maxQuota;
      while (top > 0 && counts[base + top] === 0) top--;
      const atLeast = new Array<number>(top);
      let acc = 0;
      for (let k = top; k >= 1; k--) {
        acc += counts[base + k];
        atLeast[k - 1] = acc;
      }
      groups.push({ tier: t, market: MARKETS[m], atLeast, retailers: sizes[g] });
    }
  }
  return groups;
}

/** Cartons a group receives at a given quota. */
export function groupAllocated(g: GroupDemand, quota: number): number {
  let s = 0;
  const top = Math.min(quota, g.atLeast.length);
  for (let k = 0; k < top; k++) s += g.atLeast[k];
  return s;
}
