// The estimate of a mean score from a simple random sample: the mean, and the
// margin of error at 95 % (z = 1.96) from the sample standard deviation,
// with the finite-population correction when the frame size is known
// (decision 1702). Fewer than two answers give no margin.
import { round2 } from './questionnaire-rules.js';

export const Z95 = 1.96;

export type Estimate = { n: number; mean: number | null; moe: number | null };

export function estimateMean(values: readonly number[], population?: number): Estimate {
  const n = values.length;
  if (n === 0) return { n: 0, mean: null, moe: null };
  const mean = values.reduce((s, v) => s + v, 0) / n;
  if (n < 2) return { n, mean: round2(mean), moe: null };
  const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / (n - 1);
  return { n, mean: round2(mean), moe: round2(marginOfError(Math.sqrt(variance), n, population)) };
}

/** 1.96 · s / √n · √((N − n) / (N − 1)); without N (or N ≤ 1) no correction. */
export function marginOfError(sd: number, n: number, population?: number): number {
  const fpc = population !== undefined && population > 1 && population >= n ? Math.sqrt((population - n) / (population - 1)) : 1;
  return (Z95 * sd * fpc) / Math.sqrt(n);
}

/** The same from aggregates (count, mean, sample standard deviation) as SQL returns them. */
export function estimateFrom(n: number, mean: number | null, sd: number | null, population?: number): Estimate {
  if (n === 0 || mean === null) return { n, mean: null, moe: null };
  if (n < 2 || sd === null) return { n, mean: round2(mean), moe: null };
  return { n, mean: round2(mean), moe: round2(marginOfError(sd, n, population)) };
}
