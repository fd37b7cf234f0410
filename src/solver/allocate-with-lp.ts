// Allocation of one product with both methods: the fast layer method and the
// HiGHS LP (worker thread) rounded to integers. Keeps the better of the two
// (quotas and the remainder handed out one carton each, decision 1401) and
// reports the gap to the LP optimum: the share of the best fractional value
// that whole cartons could not reach.
import { allocateProduct, roundLpQuotas } from '../domain/allocation/allocate-product.js';
import { buildLpModel, lpQuotas } from '../domain/allocation/lp-model.js';
import type { AllocationProblem, AllocationResult } from '../domain/allocation/types.js';
import { solveLp } from './solve-lp.js';

export type SolvedAllocation = AllocationResult & { method: 'layers' | 'lp_rounded'; lpBound: number; gapPct: number };

export async function allocateWithLp(p: AllocationProblem): Promise<SolvedAllocation> {
  const fast = allocateProduct(p);
  const lp = await solveLp(buildLpModel(p));
  if (lp.status !== 'Optimal') throw new Error(`LP not solved: ${lp.status}`);
  const rounded = roundLpQuotas(p, lpQuotas(p, lp.columns));
  const best = rounded.value > fast.value ? { ...rounded, method: 'lp_rounded' as const } : { ...fast, method: 'layers' as const };
  // The remainder ignores the tier order, so its value may pass the LP's; the bound is then the value itself.
  const bound = Math.max(lp.objective, best.value);
  return { ...best, lpBound: bound, gapPct: bound > 0 ? ((bound - best.value) / bound) * 100 : 0 };
}
