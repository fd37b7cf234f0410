// The four measures' formulas (decision 1710). The nightly job computes the
// same in one SQL statement (app/measures/compute-measures.ts); this file is
// their specification, used by the "why" and checked against the job in the
// integration test on hand-computed shops.
import type { ContributionPart, LoyaltyPart, MeasureWeights } from '../../shared/measures.js';

export const DEFAULT_MEASURE_WEIGHTS: MeasureWeights = {
  loyalty: { continuity: 0.5, stability: 0.2, tenure: 0.15, clean: 0.15 },
  contribution: { percentile: 0.5, share: 0.2, margin: 0.3 },
  tenureFullMonths: 36,
};

/** The 26-week window of loyalty and contribution, in days. */
export const WINDOW_DAYS = 182;
/** Gross margin is read from order lines over the last 28 days (decision 1710). */
export const MARGIN_DAYS = 28;

export type LoyaltyFacts = {
  /** Weeks of the window with a confirmed order. */
  orderWeeks: number;
  /** Weeks of the window the shop could order in (from its opening day). */
  eligibleWeeks: number;
  /** Requested cartons of each confirmed order in the window. */
  quantities: number[];
  tenureMonths: number;
  /** Cancelled orders plus confirmed orders whose deduction failed. */
  badOrders: number;
  allOrders: number;
};

const clamp01 = (x: number) => Math.max(0, Math.min(1, x));

/** Coefficient of variation (population) of the quantities; null with fewer than two orders or a zero mean. */
export function coefficientOfVariation(xs: number[]): number | null {
  if (xs.length < 2) return null;
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  if (mean <= 0) return null;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  return Math.sqrt(variance) / mean;
}

export function loyaltyParts(f: LoyaltyFacts, tenureFullMonths: number): Record<LoyaltyPart, number> {
  const cv = coefficientOfVariation(f.quantities);
  return {
    continuity: f.eligibleWeeks > 0 ? clamp01(f.orderWeeks / f.eligibleWeeks) : 0,
    stability: cv === null ? 0 : clamp01(1 - cv),
    tenure: clamp01(f.tenureMonths / tenureFullMonths),
    clean: f.allOrders > 0 ? clamp01(1 - f.badOrders / f.allOrders) : 1,
  };
}

export type ContributionFacts = {
  /** percent_rank of the shop's sales among the county's active shops, 0–1. */
  salesPercentile: number;
  /** The shop's sales ÷ the county's. */
  countyShare: number;
  /** Active shops in the county. */
  shops: number;
  /** percent_rank of the shop's gross margin, 0–1; null when the county has no priced lines. */
  marginPercentile: number | null;
};

export function contributionParts(f: ContributionFacts): Record<ContributionPart, number | null> {
  return {
    percentile: clamp01(f.salesPercentile),
    // 1 at twice the county's mean shop.
    share: clamp01((f.countyShare * f.shops) / 2),
    margin: f.marginPercentile === null ? null : clamp01(f.marginPercentile),
  };
}

/**
 * 100 × Σ weight × part, rounded to one decimal. A part that is null (no
 * priced lines) gives its weight to the others in proportion.
 */
export function weightedScore<K extends string>(parts: Record<K, number | null>, weights: Record<K, number>): number {
  let sum = 0;
  let used = 0;
  for (const k of Object.keys(weights) as K[]) {
    const v = parts[k];
    if (v === null || v === undefined) continue;
    sum += weights[k] * v;
    used += weights[k];
  }
  return used > 0 ? Math.round((1000 * sum) / used) / 10 : 0;
}
