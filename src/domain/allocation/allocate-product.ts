// The fast allocation method: hand out cartons one "layer" at a time (the k-th
// carton to every retailer of a group) in order of value per carton,
// weight(tier, market) / k, skipping a layer that does not fit the remaining
// supply or would put a group above a higher tier of its market. Integer by
// construction; every constraint holds. See decision 0600 for why this is
// within a fraction of a percent of the LP optimum.
//
// What whole layers leave goes one carton each to the most valuable next
// layers (decision 0603), so the method stops at the first layer that does
// not fit instead of packing the leftover into a cheaper layer further down:
// each leftover carton is worth at least that layer's value, more than any
// later layer gives (decision 1401; before, a tier-30 rural shop got a
// second carton of a brand weighted urban while tier-22 urban shops got none).
import { groupAllocated } from './build-groups.js';
import { groupWeight, segmentValue } from './group-weight.js';
import type { AllocationProblem, AllocationResult, GroupDemand } from './types.js';

type Segment = { g: number; k: number; cost: number; value: number; tier: number };

export type GroupIndex = {
  /** byMarket[m][tier] = index into problem.groups, or -1 */
  byMarket: Int32Array[];
  weights: number[];
};

export function indexGroups(p: AllocationProblem): GroupIndex {
  const byMarket = [new Int32Array(p.tierCount + 2).fill(-1), new Int32Array(p.tierCount + 2).fill(-1)];
  p.groups.forEach((g, i) => {
    byMarket[g.market === 'urban' ? 0 : 1][g.tier] = i;
  });
  const weights = p.groups.map((g) => groupWeight(p.policy, g.tier, g.market));
  return { byMarket, weights };
}

function capLen(p: AllocationProblem, g: GroupDemand): number {
  return Math.min(g.atLeast.length, p.policy.maxQuota);
}

/** Layers in the order the method considers them: best value per carton first. */
export function orderedSegments(p: AllocationProblem, idx: GroupIndex): Segment[] {
  const segs: Segment[] = [];
  p.groups.forEach((g, gi) => {
    const w = idx.weights[gi];
    if (w <= 0) return;
    const top = capLen(p, g);
    for (let k = 1; k <= top; k++) {
      const cost = g.atLeast[k - 1];
      if (cost > 0) segs.push({ g: gi, k, cost, value: segmentValue(w, k), tier: g.tier });
    }
  });
  segs.sort((a, b) => b.value - a.value || b.tier - a.tier || a.k - b.k);
  return segs;
}

function saturated(p: AllocationProblem, g: GroupDemand, q: number): boolean {
  return q >= capLen(p, g) || g.atLeast[q] === 0;
}

export function objectiveOf(p: AllocationProblem, idx: GroupIndex, quotas: ArrayLike<number>): number {
  let v = 0;
  p.groups.forEach((g, gi) => {
    const w = idx.weights[gi];
    const top = Math.min(quotas[gi], capLen(p, g));
    for (let k = 1; k <= top; k++) v += segmentValue(w, k) * g.atLeast[k - 1];
  });
  return v;
}

function usedBy(p: AllocationProblem, q: ArrayLike<number>): number {
  let used = 0;
  p.groups.forEach((g, gi) => {
    used += groupAllocated(g, Math.min(q[gi], capLen(p, g)));
  });
  return used;
}

/**
 * Value of what whole layers leave: one carton each to retailers of the most
 * valuable next layers (the quota + 1-th carton of a group, for those who can
 * sell it), as the remainder step hands it out (decision 0603).
 */
export function remainderValue(p: AllocationProblem, idx: GroupIndex, q: ArrayLike<number>, left: number): number {
  if (left <= 0) return 0;
  const next: { value: number; takers: number }[] = [];
  p.groups.forEach((g, gi) => {
    const w = idx.weights[gi];
    const k = q[gi] + 1;
    if (w <= 0 || k > p.policy.maxQuota) return;
    const takers = g.atLeast[k - 1] ?? 0;
    if (takers > 0) next.push({ value: segmentValue(w, k), takers });
  });
  next.sort((a, b) => b.value - a.value);
  let v = 0;
  for (const l of next) {
    if (left <= 0) break;
    const n = Math.min(left, l.takers);
    v += n * l.value;
    left -= n;
  }
  return v;
}

/** The quotas' value plus the remainder's: what the quotas and decision 0603 together give. */
export function valueWithRemainder(p: AllocationProblem, idx: GroupIndex, q: ArrayLike<number>): number {
  return objectiveOf(p, idx, q) + remainderValue(p, idx, q, p.supply - usedBy(p, q));
}

/**
 * Adds layers in value order to q (in place) while they fit; frozen groups stay
 * as they are. Stops at the first layer that may be taken but does not fit:
 * the leftover goes one carton each to that layer's retailers (or better ones),
 * worth more per carton than any cheaper layer further down the list.
 */
function fill(p: AllocationProblem, idx: GroupIndex, segs: Segment[], q: Int32Array, frozen?: Uint8Array): void {
  let remaining = p.supply - usedBy(p, q);
  for (const s of segs) {
    if (q[s.g] !== s.k - 1 || frozen?.[s.g]) continue;
    const m = p.groups[s.g].market === 'urban' ? 0 : 1;
    let blocked = false;
    for (let t = s.tier + 1; t <= p.tierCount && !blocked; t++) {
      const hi = idx.byMarket[m][t];
      if (hi < 0 || q[hi] >= s.k) continue;
      if (frozen?.[hi] || !saturated(p, p.groups[hi], q[hi])) blocked = true;
    }
    if (blocked) continue;
    if (s.cost > remaining) break;
    q[s.g] = s.k;
    remaining -= s.cost;
  }
}

/**
 * Allocates one product. `start` (e.g. a rounded LP solution) must itself be
 * feasible; the method only adds to it, then improves by local search: give
 * back one group's top layer and refill the freed cartons, while that helps.
 */
export function allocateProduct(p: AllocationProblem, start?: ArrayLike<number>, deep = true): AllocationResult {
  const idx = indexGroups(p);
  const segs = orderedSegments(p, idx);
  let q = new Int32Array(p.groups.length);
  if (start) for (let i = 0; i < q.length; i++) q[i] = start[i];
  fill(p, idx, segs, q);
  let best = valueWithRemainder(p, idx, q);
  const frozen = new Uint8Array(p.groups.length);
  // Local search: take back the top layer of one or two groups, refill, keep the best.
  const removable = (qq: Int32Array, gi: number) => {
    if (qq[gi] === 0 || qq[gi] > capLen(p, p.groups[gi])) return false;
    const g = p.groups[gi];
    const lo = idx.byMarket[g.market === 'urban' ? 0 : 1][g.tier - 1];
    return !(lo >= 0 && qq[lo] >= qq[gi]);
  };
  for (let round = 0; round < 200; round++) {
    let bestNext: Int32Array | null = null;
    const tryMove = (trial: Int32Array) => {
      fill(p, idx, segs, trial, frozen);
      const v = valueWithRemainder(p, idx, trial);
      if (v > best + 1e-9) {
        best = v;
        bestNext = trial;
      }
    };
    for (let a = 0; a < q.length; a++) {
      if (!removable(q, a)) continue;
      const one = q.slice();
      one[a]--;
      frozen[a] = 1;
      tryMove(one.slice());
      if (deep) {
        for (let b = a + 1; b < q.length; b++) {
          if (!removable(one, b)) continue;
          const two = one.slice();
          two[b]--;
          frozen[b] = 1;
          tryMove(two);
          frozen[b] = 0;
        }
      }
      frozen[a] = 0;
    }
    if (!bestNext) break;
    // Refill what the move froze, but only if that does not lose value (the remainder may be worth more than a
    // layer that fits); the value rises strictly every round, so the search cannot cycle.
    const refilled = (bestNext as Int32Array).slice();
    fill(p, idx, segs, refilled);
    const v = valueWithRemainder(p, idx, refilled);
    q = v >= best ? refilled : bestNext;
    best = Math.max(v, best);
  }
  return finish(p, idx, q);
}

/** Raises saturated groups to the quota of the tier below (free: nobody in them can sell more). */
function finish(p: AllocationProblem, idx: GroupIndex, q: Int32Array): AllocationResult {
  for (let m = 0; m < 2; m++) {
    let prev = 0;
    for (let t = 1; t <= p.tierCount; t++) {
      const gi = idx.byMarket[m][t];
      if (gi < 0) continue;
      if (q[gi] < prev) q[gi] = prev;
      prev = q[gi];
    }
  }
  let allocated = 0;
  const quotas = p.groups.map((g, gi) => {
    const a = groupAllocated(g, Math.min(q[gi], capLen(p, g)));
    allocated += a;
    return { tier: g.tier, market: g.market, quota: q[gi], retailers: g.retailers, allocated: a };
  });
  const objective = objectiveOf(p, idx, q);
  return { quotas, allocated, supply: p.supply, objective, value: objective + remainderValue(p, idx, q, p.supply - allocated) };
}

/**
 * Integer quotas from a fractional LP solution: round down (keeps the tier
 * order), take back layers while over supply, then top up with the fast method.
 */
export function roundLpQuotas(p: AllocationProblem, fractional: ArrayLike<number>): AllocationResult {
  const idx = indexGroups(p);
  const q = new Int32Array(p.groups.length);
  for (let i = 0; i < q.length; i++) q[i] = Math.max(0, Math.min(p.policy.maxQuota, Math.floor(fractional[i] + 1e-7)));
  // Monotone within a market after rounding: cap each tier by the one above.
  for (let m = 0; m < 2; m++) {
    for (let t = p.tierCount - 1; t >= 1; t--) {
      const gi = idx.byMarket[m][t];
      const hi = idx.byMarket[m][t + 1];
      if (gi >= 0 && hi >= 0 && q[gi] > q[hi]) q[gi] = q[hi];
    }
  }
  const used = () => p.groups.reduce((s, g, gi) => s + groupAllocated(g, Math.min(q[gi], capLen(p, g))), 0);
  let total = used();
  while (total > p.supply) {
    // Remove the least valuable top layer whose removal keeps the tier order.
    let best = -1;
    let bestValue = Infinity;
    p.groups.forEach((g, gi) => {
      if (q[gi] === 0) return;
      const m = g.market === 'urban' ? 0 : 1;
      const lo = idx.byMarket[m][g.tier - 1];
      if (lo >= 0 && q[lo] >= q[gi]) return;
      const v = segmentValue(idx.weights[gi], q[gi]);
      if (v < bestValue) {
        bestValue = v;
        best = gi;
      }
    });
    if (best < 0) break;
    q[best]--;
    total = used();
  }
  return allocateProduct(p, q);
}

/**
 * The LP optimum without the tier-order constraints, in closed form
 * (fractional knapsack over layers). An upper bound on any feasible allocation.
 */
export function fractionalBound(p: AllocationProblem): number {
  const idx = indexGroups(p);
  let remaining = p.supply;
  let v = 0;
  for (const s of orderedSegments(p, idx)) {
    if (remaining <= 0) break;
    const take = Math.min(1, remaining / s.cost);
    v += take * s.value * s.cost;
    remaining -= take * s.cost;
  }
  return v;
}
