// Tiers (档位): a score from per-cycle quantity, value, brands and
// class-2-and-above volume, each relative to the top retailer; ranked and cut
// into fixed shares, the last tier the highest.
import { cutByShares } from './rank-cut.js';
import type { RatingScheme } from './scheme.js';
import type { OrderAggregate, RetailerMonthInput, TierContext, TierResult } from './types.js';

export interface PerCycle {
  cartons: number;
  valueYuan: number;
  brands: number;
  class2PlusCartons: number;
}

// Totals over complete cycles divided by the cycles the retailer could order
// in, so a licensee who joined mid-period is not ranked down for it. Brands is
// a count of distinct brands and is not divided.
export function perCycle(o: OrderAggregate): PerCycle {
  const c = Math.max(1, o.eligibleCycles ?? o.cycles);
  return { cartons: o.cartons / c, valueYuan: o.valueYuan / c, brands: o.brands, class2PlusCartons: o.class2PlusCartons / c };
}

export function tierOrders(input: RetailerMonthInput): OrderAggregate {
  return input.tierOrders ?? input.orders;
}

export function topOf(rows: readonly PerCycle[]): TierContext['top'] {
  const top = { cartons: 0, valueYuan: 0, brands: 0, class2PlusCartons: 0 };
  for (const p of rows) {
    if (p.cartons > top.cartons) top.cartons = p.cartons;
    if (p.valueYuan > top.valueYuan) top.valueYuan = p.valueYuan;
    if (p.brands > top.brands) top.brands = p.brands;
    if (p.class2PlusCartons > top.class2PlusCartons) top.class2PlusCartons = p.class2PlusCartons;
  }
  return top;
}

const ratio = (v: number, top: number) => (top > 0 ? v / top : 0);

export function tierScoreItems(p: PerCycle, top: TierContext['top'], scheme: RatingScheme): TierResult['items'] {
  const w = scheme.tiers.weights;
  return [
    { id: 'quantity', perCycle: p.cartons, points: w.quantity * ratio(p.cartons, top.cartons), max: w.quantity },
    { id: 'value', perCycle: p.valueYuan, points: w.value * ratio(p.valueYuan, top.valueYuan), max: w.value },
    { id: 'brands', perCycle: p.brands, points: w.brands * ratio(p.brands, top.brands), max: w.brands },
    {
      id: 'class2Plus',
      perCycle: p.class2PlusCartons,
      points: w.class2Plus * ratio(p.class2PlusCartons, top.class2PlusCartons),
      max: w.class2Plus,
    },
  ];
}

export function tierScore(p: PerCycle, top: TierContext['top'], scheme: RatingScheme): number {
  const w = scheme.tiers.weights;
  return (
    w.quantity * ratio(p.cartons, top.cartons) +
    w.value * ratio(p.valueYuan, top.valueYuan) +
    w.brands * ratio(p.brands, top.brands) +
    w.class2Plus * ratio(p.class2PlusCartons, top.class2PlusCartons)
  );
}

/** The highest tier whose cut-off the score reaches. */
export function tierFromCutoffs(score: number, cutoffs: readonly number[]): number {
  let tier = 1;
  for (let t = 1; t < cutoffs.length; t++) if (!Number.isNaN(cutoffs[t]) && score >= cutoffs[t]) tier = t + 1;
  return tier;
}

/** Tier per retailer (1..shares.length) in input order, with scores and the context for explanations. */
export function assignTiers(
  inputs: readonly RetailerMonthInput[],
  scheme: RatingScheme,
): { tier: Uint8Array; score: Float64Array; context: TierContext } {
  const rows = inputs.map((r) => perCycle(tierOrders(r)));
  const top = topOf(rows);
  const score = new Float64Array(inputs.length);
  for (let i = 0; i < rows.length; i++) score[i] = tierScore(rows[i], top, scheme);
  const count = scheme.tiers.shares.length;
  const { group, cutoffs: topFirst } = cutByShares(score, [...scheme.tiers.shares].reverse());
  const tier = new Uint8Array(inputs.length);
  for (let i = 0; i < tier.length; i++) tier[i] = count - group[i];
  return { tier, score, context: { top, cutoffs: [...topFirst].reverse() } };
}
