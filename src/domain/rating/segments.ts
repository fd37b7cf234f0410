// Relationship segments from three dimensions: integrity (compliance class),
// business stability (volatility and continuity of weekly orders) and
// cooperation (new brands, feedback, e-settlement).
import type { Level, RatingScheme } from './scheme.js';
import type { RetailerMonthInput, SegmentResult } from './types.js';

const RANK: Record<Level, number> = { low: 0, mid: 1, high: 2 };

/** Coefficient of variation (population sd ÷ mean) and share of weeks with an order. */
export function orderStability(weekly: readonly number[]): { cv: number; continuity: number } {
  const n = weekly.length;
  if (n === 0) return { cv: Infinity, continuity: 0 };
  let sum = 0;
  let ordered = 0;
  for (const q of weekly) {
    sum += q;
    if (q > 0) ordered++;
  }
  const mean = sum / n;
  if (mean === 0) return { cv: Infinity, continuity: 0 };
  let ss = 0;
  for (const q of weekly) ss += (q - mean) * (q - mean);
  return { cv: Math.sqrt(ss / n) / mean, continuity: ordered / n };
}

export function segmentRetailer(input: RetailerMonthInput, scheme: RatingScheme): SegmentResult {
  const s = scheme.segments;
  const integrity: Level = s.integrity.high.includes(input.complianceClass)
    ? 'high'
    : s.integrity.mid.includes(input.complianceClass)
      ? 'mid'
      : 'low';

  const { cv, continuity } = orderStability(input.weeklyCartons);
  const meets = (t: { maxCv: number; minContinuity: number }) => cv <= t.maxCv && continuity >= t.minContinuity;
  const stability: Level = meets(s.stability.high) ? 'high' : meets(s.stability.mid) ? 'mid' : 'low';

  const c = s.cooperation;
  const cooperationMet =
    (input.newBrandListings >= c.minNewBrands ? 1 : 0) +
    (input.feedbackCount >= c.minFeedback ? 1 : 0) +
    (input.eSettlementSuccessPct !== null && input.eSettlementSuccessPct >= c.minESettlementPct ? 1 : 0);
  const cooperation: Level = cooperationMet >= c.high ? 'high' : cooperationMet >= c.mid ? 'mid' : 'low';

  const levels = { integrity, stability, cooperation };
  const rule =
    s.rules.find((r) =>
      (Object.keys(r.min) as (keyof typeof levels)[]).every((k) => RANK[levels[k]] >= RANK[r.min[k] as Level]),
    ) ?? s.rules[s.rules.length - 1];
  return { segment: rule.segment, integrity, stability, cooperation, cv, continuity, cooperationMet };
}
