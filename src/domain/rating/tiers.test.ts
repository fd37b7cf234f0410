import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import type { RatingScheme } from './scheme.js';
import { retailer } from './test-fixtures.js';
import { assignTiers, perCycle, tierFromCutoffs, tierScore } from './tiers.js';

const threeTiers: RatingScheme = { ...S, tiers: { ...S.tiers, shares: [50, 30, 20] } };

describe('tiers', () => {
  it('scores 35/55/5/5 relative to the top retailer, per complete cycle', () => {
    const top = { cartons: 100, valueYuan: 20000, brands: 40, class2PlusCartons: 50 };
    // half the quantity, a quarter of the value, all the brands, none of class 2+
    const p = { cartons: 50, valueYuan: 5000, brands: 40, class2PlusCartons: 0 };
    expect(tierScore(p, top, S)).toBeCloseTo(17.5 + 13.75 + 5 + 0);
  });

  it('divides by the cycles the retailer could order in, not the period', () => {
    const p = perCycle({ cartons: 200, valueYuan: 20000, class1Cartons: 0, class2PlusCartons: 100, brands: 12, cycles: 4, cyclesOrdered: 2, eligibleCycles: 2 });
    expect(p).toEqual({ cartons: 100, valueYuan: 10000, brands: 12, class2PlusCartons: 50 });
  });

  it('ranks and cuts into the share table, the last tier highest, the top retailer scoring 100', () => {
    const rs = Array.from({ length: 10 }, (_, i) =>
      retailer({ retailerId: `R${i}` }, { cartons: 10 * (i + 1), valueYuan: 1000 * (i + 1), brands: i + 1, class2PlusCartons: i + 1 }),
    );
    const { tier, score, context } = assignTiers(rs, threeTiers);
    expect([...tier]).toEqual([1, 1, 1, 1, 1, 2, 2, 2, 3, 3]);
    expect(score[9]).toBeCloseTo(100);
    expect(score[0]).toBeCloseTo(10);
    expect(context.cutoffs[2]).toBeCloseTo(90);
    expect(context.top.cartons).toBe(25); // 100 cartons over 4 cycles
    // The cut-offs reproduce the assignment.
    for (let i = 0; i < rs.length; i++) expect(tierFromCutoffs(score[i], context.cutoffs)).toBe(tier[i]);
  });

  it('puts equal scores in the same tier', () => {
    const rs = [1, 2, 2, 2, 3].map((k, i) => retailer({ retailerId: `R${i}` }, { cartons: k, valueYuan: k, brands: k, class2PlusCartons: k }));
    const { tier } = assignTiers(rs, { ...S, tiers: { ...S.tiers, shares: [40, 40, 20] } });
    expect([...tier]).toEqual([1, 2, 2, 2, 3]);
  });

  it('uses the default 30-tier bell table', () => {
    const rs = Array.from({ length: 1000 }, (_, i) => retailer({ retailerId: `R${i}` }, { cartons: i + 1, valueYuan: 100 * (i + 1) }));
    const { tier } = assignTiers(rs, S);
    const counts = new Array(31).fill(0);
    for (const t of tier) counts[t]++;
    expect(counts[30]).toBe(13);
    expect(counts[15]).toBe(49);
    expect(counts[1]).toBe(13);
  });
});
