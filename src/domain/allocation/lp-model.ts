// The allocation as a linear programme in CPLEX LP text, for HiGHS.
// Variable s_g_k in [0,1] is the share of layer k (the k-th carton per
// retailer) given to group g; the quota of g is the sum over k. Every integer
// allocation is a point of this LP with the same objective, so its optimum
// bounds any allocation from above.
import { indexGroups } from './allocate-product.js';
import { segmentValue } from './group-weight.js';
import type { AllocationProblem } from './types.js';

const name = (g: number, k: number) => `s${g}_${k}`;

export function buildLpModel(p: AllocationProblem, opts: { integer?: boolean } = {}): string {
  const idx = indexGroups(p);
  const K = p.policy.maxQuota;
  const obj: string[] = [];
  const supply: string[] = [];
  const bounds: string[] = [];
  p.groups.forEach((g, gi) => {
    for (let k = 1; k <= K; k++) {
      const c = k <= g.atLeast.length ? g.atLeast[k - 1] : 0;
      const v = segmentValue(idx.weights[gi], k) * c;
      if (v > 0) obj.push(`+ ${v.toPrecision(15)} ${name(gi, k)}`);
      if (c > 0) supply.push(`+ ${c} ${name(gi, k)}`);
      bounds.push(`0 <= ${name(gi, k)} <= 1`);
    }
  });
  const rows: string[] = [` supply: ${supply.length ? supply.join('\n  ') : `0 ${name(0, 1)}`} <= ${p.supply}`];
  for (let m = 0; m < 2; m++) {
    for (let t = 1; t < p.tierCount; t++) {
      const lo = idx.byMarket[m][t];
      const hi = idx.byMarket[m][t + 1];
      if (lo < 0 || hi < 0) continue;
      const terms: string[] = [];
      for (let k = 1; k <= K; k++) terms.push(`+ ${name(lo, k)} - ${name(hi, k)}`);
      rows.push(` order_${m}_${t}: ${terms.join('\n  ')} <= 0`);
    }
  }
  const names: string[] = [];
  if (opts.integer) {
    // The exact integer problem: whole layers, filled in order within a group.
    p.groups.forEach((_, gi) => {
      for (let k = 1; k <= K; k++) {
        names.push(name(gi, k));
        if (k > 1) rows.push(` fill_${gi}_${k}: ${name(gi, k)} - ${name(gi, k - 1)} <= 0`);
      }
    });
  }
  return [
    'Maximize',
    ` obj: ${obj.length ? obj.join('\n  ') : `0 ${name(0, 1)}`}`,
    'Subject To',
    ...rows,
    'Bounds',
    ...bounds.map((b) => ` ${b}`),
    ...(opts.integer ? ['Binary', ...names.map((n) => ` ${n}`)] : []),
    'End',
  ].join('\n');
}

/** Fractional quota per group from the solved columns. */
export function lpQuotas(p: AllocationProblem, columns: Record<string, { Primal: number }>): number[] {
  return p.groups.map((_, gi) => {
    let q = 0;
    for (let k = 1; k <= p.policy.maxQuota; k++) q += columns[name(gi, k)]?.Primal ?? 0;
    return q;
  });
}
