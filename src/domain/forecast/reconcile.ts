// Top-down reconciliation: the shop forecasts of a product are scaled so they
// add up to the county's forecast of it (forecast at the level where the
// series is smooth), keeping each shop's share. Non-negative in, non-negative out.

/** `parts` scaled proportionally to sum to `total`; equal shares when the parts are all zero. */
export function reconcile(parts: readonly number[], total: number): number[] {
  if (parts.length === 0) return [];
  const t = Math.max(0, total);
  const sum = parts.reduce((a, b) => a + Math.max(0, b), 0);
  if (sum <= 0) return parts.map(() => t / parts.length);
  return parts.map((p) => (Math.max(0, p) / sum) * t);
}

/**
 * Whole cartons that add up exactly to round(total): largest remainders,
 * ties to the earlier part (deterministic).
 */
export function reconcileWhole(parts: readonly number[], total: number): number[] {
  const t = Math.max(0, Math.round(total));
  const exact = reconcile(parts, t);
  const whole = exact.map(Math.floor);
  let left = t - whole.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, r: x - Math.floor(x) })).sort((a, b) => b.r - a.r || a.i - b.i);
  for (let k = 0; left > 0; k = (k + 1) % order.length, left--) whole[order[k].i]++;
  return whole;
}
