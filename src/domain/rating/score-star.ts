// Star rating of one retailer: item points from the scheme, total, and the
// star from the market's cut-offs (fixed bands, or rank cut-offs from the batch).
import { scoreBands } from './bands.js';
import type { RatingScheme, StarItemDef } from './scheme.js';
import { starMetric } from './star-metrics.js';
import type { Month, Network, RetailerMonthInput, StarItemResult, StarResult } from './types.js';

export function scoreStarItem(def: StarItemDef, input: RetailerMonthInput, scheme: RatingScheme): StarItemResult {
  if (def.id === 'integrity') {
    return { id: def.id, value: input.complianceClass, points: def.points[input.complianceClass], max: def.max };
  }
  if (def.id === 'storeImage') {
    return { id: def.id, value: input.storeImage, points: def.points[input.storeImage], max: def.max };
  }
  const value = starMetric(def.id, input, scheme);
  const points = value === null ? (def.missing ?? def.floor) : scoreBands(value, def.bands, def.floor);
  return { id: def.id, value, points, max: def.max };
}

export function scoreStarItems(input: RetailerMonthInput, scheme: RatingScheme): { score: number; items: StarItemResult[] } {
  const items = scheme.star.items.map((def) => scoreStarItem(def, input, scheme));
  let score = 0;
  for (const it of items) score += it.points;
  return { score, items };
}

/** The highest star whose cut-off the score reaches (cutoffs[0] is star 1). */
export function starFromCutoffs(score: number, cutoffs: readonly number[]): number {
  let star = 1;
  for (let s = 1; s < cutoffs.length; s++) if (!Number.isNaN(cutoffs[s]) && score >= cutoffs[s]) star = s + 1;
  return star;
}

/** The fixed cut-offs of a market in score mode. */
export function fixedCutoffs(scheme: RatingScheme, network: Network): number[] {
  return scheme.star.cutoffs[network];
}

export function rateStar(
  input: RetailerMonthInput,
  scheme: RatingScheme,
  month: Month,
  cutoffs: readonly number[] = fixedCutoffs(scheme, input.network),
): StarResult {
  const { score, items } = scoreStarItems(input, scheme);
  return {
    retailerId: input.retailerId,
    month,
    schemeVersion: scheme.version,
    network: input.network,
    score,
    star: starFromCutoffs(score, cutoffs),
    items,
    cutoffs: [...cutoffs],
  };
}
