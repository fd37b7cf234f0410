import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { applyTierChange, cappedTierScore, pathsToNextTier } from './paths-to-next-tier.js';
import { retailer } from './test-fixtures.js';
import { perCycle } from './tiers.js';
import type { TierContext } from './types.js';

// Top retailer per cycle: 200 cartons, 40,000 元, 50 brands, 100 class-2+.
const top = { cartons: 200, valueYuan: 40000, brands: 50, class2PlusCartons: 100 };
// Per cycle 100 cartons at 120 元 with 50 class 2+, 30 brands:
// 35·0.5 + 55·0.3 + 5·0.6 + 5·0.5 = 17.5 + 16.5 + 3 + 2.5 = 39.5
const r = retailer({}, { cartons: 400, valueYuan: 48000, class2PlusCartons: 200, brands: 30, cycles: 4 });

function context(cutoffs: number[]): TierContext {
  return { top, cutoffs };
}

describe('paths to the next tier', () => {
  it('scores the retailer against the top, hand-checked', () => {
    expect(cappedTierScore(perCycle(r.orders), top, S)).toBeCloseTo(39.5);
  });

  it('finds the fewest extra cartons per cycle and the fewest extra brands', () => {
    // Next tier at 41. One carton per cycle at the same mix adds
    // 35/200 + 55·120/40000 + 5·0.5/100 = 0.175 + 0.165 + 0.025 = 0.365 → 5 cartons (1.825); 4 give 1.46.
    // One brand adds 5/50 = 0.1 → 15 brands, over the limit of 10.
    const p = pathsToNextTier(r, S, context([0, 20, 41, 60]));
    expect([p.tier, p.targetTier, p.targetCutoff]).toEqual([2, 3, 41]);
    expect(p.gap).toBeCloseTo(1.5);
    const single = p.options.filter((o) => o.changes.length === 1);
    expect(single.map((o) => o.changes[0])).toEqual([{ kind: 'add_cartons_per_cycle', amount: 5 }]);
    expect(single[0].text.zh).toBe('每个订货周期多订 5 条卷烟（品种结构不变）');
    expect(single[0].newTier).toBe(3);
    const four = cappedTierScore(applyTierChange(perCycle(r.orders), { kind: 'add_cartons_per_cycle', amount: 4 }, S), top, S);
    expect(four).toBeLessThan(41);
  });

  it('offers brands alone when they suffice, and a mix of brands and cartons', () => {
    // Next tier at 40: 0.5 points; 5 brands (0.5) or fewer brands plus cartons.
    const p = pathsToNextTier(r, S, context([0, 20, 40, 60]));
    const kinds = p.options.map((o) => o.changes.map((c) => `${c.kind}:${c.amount}`).join('+'));
    expect(kinds).toContain('add_cartons_per_cycle:2'); // 0.73
    expect(kinds).toContain('add_brands:5');
    // 1 brand + 1 carton = 0.465 falls short; 2 brands + 1 carton = 0.565 reaches.
    expect(kinds).toContain('add_brands:2+add_cartons_per_cycle:1');
    for (const o of p.options) expect(o.newScore).toBeGreaterThanOrEqual(40 - 1e-9);
    expect(p.options[0].detail.zh).toMatch(/^距第 3 档还差 0.5 分/);
  });

  it('does not propose more than 1.5× the best month', () => {
    // Best month 500 → 750 a month → 187 per cycle; tier 3 at 80 needs far more.
    const p = pathsToNextTier(r, S, context([0, 20, 80, 90]));
    expect(p.options).toEqual([]);
  });

  it('has nowhere to go from the top tier', () => {
    const p = pathsToNextTier(r, S, context([0, 10, 20, 30]));
    expect([p.tier, p.targetTier, p.options]).toEqual([4, null, []]);
  });
});
