// Allocation of one product with both methods: the fast layer method and the
// HiGHS LP (worker thread) rounded to integers. Keeps the better of the two
// and reports the gap to the LP optimum, which bounds every allocation.
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
  const best = rounded.objective > fast.objective ? { ...rounded, method: 'lp_rounded' as const } : { ...fast, method: 'layers' as const };
  const bound = Math.max(lp.objective, best.objective);
  return { ...best, lpBound: bound, gapPct: bound > 0 ? ((bound - best.objective) / bound) * 100 : 0 };
}
