import { describe, expect, it } from 'vitest';
import { coefficientOfVariation, contributionParts, DEFAULT_MEASURE_WEIGHTS, loyaltyParts, weightedScore } from './formulas.js';
import { weightErrors } from './weights.js';
import { itemPoints, schemeErrors } from './score-points.js';
import { explainMeasureChange, type MeasureSnapshot } from './explain-measure-change.js';

describe('loyalty', () => {
  it('a shop that ordered 13 of 26 weeks, 10 and 20 cartons alternately, two years a customer, 1 of 14 orders cancelled', () => {
    // cv of (20,10,20,…,20): 7 × 20 and 6 × 10 → mean 15.3846, sd 4.9852, cv 0.32404
    const quantities = Array.from({ length: 13 }, (_, i) => (i % 2 === 0 ? 20 : 10));
    const p = loyaltyParts({ orderWeeks: 13, eligibleWeeks: 26, quantities, tenureMonths: 24, badOrders: 1, allOrders: 14 }, 36);
    expect(p.continuity).toBe(0.5);
    expect(p.stability).toBeCloseTo(1 - 0.32404, 4);
    expect(p.tenure).toBeCloseTo(2 / 3, 10);
    expect(p.clean).toBeCloseTo(13 / 14, 10);
    // 100 × (0.5·0.5 + 0.2·0.67596 + 0.15·0.66667 + 0.15·0.92857) = 62.45
    expect(weightedScore(p, DEFAULT_MEASURE_WEIGHTS.loyalty)).toBe(62.4);
  });

  it('a perfect customer scores 100; a shop with no orders keeps only tenure and a clean record', () => {
    const perfect = loyaltyParts({ orderWeeks: 26, eligibleWeeks: 26, quantities: [10, 10, 10], tenureMonths: 60, badOrders: 0, allOrders: 26 }, 36);
    expect(weightedScore(perfect, DEFAULT_MEASURE_WEIGHTS.loyalty)).toBe(100);
    const none = loyaltyParts({ orderWeeks: 0, eligibleWeeks: 26, quantities: [], tenureMonths: 18, badOrders: 0, allOrders: 0 }, 36);
    expect(none).toEqual({ continuity: 0, stability: 0, tenure: 0.5, clean: 1 });
    expect(weightedScore(none, DEFAULT_MEASURE_WEIGHTS.loyalty)).toBe(22.5);
  });

  it('cv needs two orders and a positive mean', () => {
    expect(coefficientOfVariation([5])).toBeNull();
    expect(coefficientOfVariation([0, 0])).toBeNull();
    expect(coefficientOfVariation([2, 4])).toBeCloseTo(1 / 3, 10);
  });
});

describe('contribution', () => {
  it('percentile, share against twice the mean shop, margin percentile', () => {
    // 100 shops; this one sells 1.5 % of the county (1.5 × the mean) → share index 0.75.
    const p = contributionParts({ salesPercentile: 0.9, countyShare: 0.015, shops: 100, marginPercentile: 0.8 });
    expect(p.share).toBeCloseTo(0.75, 10);
    // 100 × (0.5·0.9 + 0.2·0.75 + 0.3·0.8) = 84
    expect(weightedScore(p, DEFAULT_MEASURE_WEIGHTS.contribution)).toBe(84);
  });

  it('without priced lines the margin weight goes to the other parts', () => {
    const p = contributionParts({ salesPercentile: 0.5, countyShare: 0.02, shops: 100, marginPercentile: null });
    // (0.5·0.5 + 0.2·1) / 0.7 = 64.29
    expect(weightedScore(p, DEFAULT_MEASURE_WEIGHTS.contribution)).toBe(64.3);
  });
});

describe('weights', () => {
  it('each measure’s parts must add up to 100 %', () => {
    expect(weightErrors(DEFAULT_MEASURE_WEIGHTS)).toEqual([]);
    expect(weightErrors({ ...DEFAULT_MEASURE_WEIGHTS, contribution: { percentile: 0.5, share: 0.5, margin: 0.5 } })).toEqual([{ field: 'contribution', code: 'weights_not_one' }]);
  });
});

describe('score-sheet points', () => {
  it('points × rate ÷ target, capped; no records, no points', () => {
    expect(itemPoints({ points: 30, target: 0.95, cap: 30 }, 90, 100)).toEqual({ rate: 0.9, points: 28.4 });
    expect(itemPoints({ points: 30, target: 0.9, cap: 33 }, 100, 100)).toEqual({ rate: 1, points: 33 });
    expect(itemPoints({ points: 30, target: 0.9, cap: 30 }, 0, 0)).toEqual({ rate: null, points: 0 });
    // No complaint to close in the month is not a failure when the item says so.
    expect(itemPoints({ points: 15, target: 1, cap: 15, whenNone: 'full' }, 0, 0)).toEqual({ rate: null, points: 15 });
  });

  it('a scheme names known sources once, each cap at least its points', () => {
    const item = (source: string, points: number, cap: number) => ({ source, points, target: 1, cap, whenNone: 'zero' as const });
    expect(schemeErrors([item('a', 10, 10), item('a', 5, 4), item('x', 1, 1)], ['a'])).toEqual([
      { field: 'items.1.source', code: 'score_source_twice' },
      { field: 'items.1.cap', code: 'score_cap_below_points' },
      { field: 'items.2.source', code: 'score_source_unknown' },
    ]);
  });
});

describe('why a measure fell', () => {
  const base: MeasureSnapshot = {
    asOf: '2026-10-01',
    satisfaction: null,
    loyalty: 80,
    contribution: 60,
    dependence: 40,
    loyaltyParts: { continuity: 0.9, stability: 0.6, tenure: 1, clean: 1 },
    contributionParts: { percentile: 0.6, share: 0.5, margin: 0.7 },
  };
  it('names the parts that moved it, largest fall first, with their points', () => {
    const cur: MeasureSnapshot = { ...base, asOf: '2026-11-01', loyalty: 70, loyaltyParts: { continuity: 0.7, stability: 0.55, tenure: 1, clean: 1 } };
    const why = explainMeasureChange(base, cur, DEFAULT_MEASURE_WEIGHTS);
    expect(why).toHaveLength(1);
    expect(why[0].measure).toBe('loyalty');
    expect(why[0].texts.map((t) => t.zh)).toEqual(['订货连续性：90% → 70%（权重 50%，−10 分）', '订量稳定性：60% → 55%（权重 20%，−1 分）']);
  });
  it('says where the dependence was reported, visit or survey', () => {
    const cur: MeasureSnapshot = { ...base, asOf: '2026-11-01', dependence: 30, dependenceSource: 'survey' };
    const why = explainMeasureChange({ ...base, dependenceSource: 'visit' }, cur, DEFAULT_MEASURE_WEIGHTS);
    expect(why.map((w) => w.texts[0].zh)).toEqual(['卷烟收入占比由拜访时报告的 40% 降至调查问卷中报告的 30%']);
    const same = explainMeasureChange({ ...base, dependenceSource: 'survey' }, cur, DEFAULT_MEASURE_WEIGHTS);
    expect(same[0].texts[0].en).toBe('The tobacco share of income reported in a survey fell from 40% to 30%');
  });
  it('does not explain a rise, nor a measure that was not known before', () => {
    expect(explainMeasureChange(base, { ...base, loyalty: 85, satisfaction: 20 }, DEFAULT_MEASURE_WEIGHTS)).toEqual([]);
  });
});
