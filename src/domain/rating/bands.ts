// Banded scoring: the first band (highest min first) whose min the value reaches.
import type { NumericBand } from './scheme.js';

// Values are measured (shares, averages) and may carry float noise such as
// 25.999999999; within this tolerance a value counts as reaching the band.
const EPS = 1e-9;

export function scoreBands(value: number, bands: readonly NumericBand[], floor: number): number {
  for (const b of bands) if (value >= b.min - EPS) return b.points;
  return floor;
}

/** The smallest band minimum that earns more than `points`, or null at the top. */
export function nextBandMin(points: number, bands: readonly NumericBand[]): number | null {
  let best: number | null = null;
  for (const b of bands) if (b.points > points && (best === null || b.min < best)) best = b.min;
  return best;
}
