// Property tests (fast-check) of "what does it take": every option, applied to
// the inputs, really reaches the next band — for stars on fixed lines and on
// rank cut-offs, and for tiers against a population's tier lines.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { applyChanges } from './apply-change.js';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { pathsToNextStar } from './paths-to-next-star.js';
import { applyTierChange, cappedTierScore, pathsToNextTier } from './paths-to-next-tier.js';
import { scoreStarItems, starFromCutoffs } from './score-star.js';
import { assignTiers, perCycle, tierOrders } from './tiers.js';
import type { RetailerMonthInput } from './types.js';

const retailerArb: fc.Arbitrary<RetailerMonthInput> = fc
  .record({
    id: fc.integer({ min: 1, max: 1e6 }),
    network: fc.constantFrom('urban' as const, 'rural' as const),
    cartons: fc.integer({ min: 0, max: 1200 }),
    price: fc.integer({ min: 40, max: 260 }),
    class1Frac: fc.double({ min: 0, max: 0.4, noNaN: true }),
    class2Frac: fc.double({ min: 0, max: 1, noNaN: true }),
    brands: fc.integer({ min: 0, max: 60 }),
    cycles: fc.integer({ min: 4, max: 5 }),
    ordered: fc.integer({ min: 0, max: 5 }),
    compliance: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'W' as const),
    image: fc.constantFrom('A' as const, 'B' as const, 'C' as const, 'D' as const),
    eSettle: fc.option(fc.integer({ min: 80, max: 100 }), { nil: null }),
    newBrands: fc.integer({ min: 0, max: 4 }),
    feedback: fc.integer({ min: 0, max: 5 }),
    extraBest: fc.integer({ min: 0, max: 400 }),
  })
  .map((x) => {
    const class1 = Math.floor(x.cartons * x.class1Frac);
    return {
      retailerId: String(x.id),
      network: x.network,
      format: 'Z',
      orders: {
        cartons: x.cartons,
        valueYuan: x.cartons * x.price,
        class1Cartons: class1,
        class1ValueYuan: class1 * 240,
        class2PlusCartons: Math.floor(x.cartons * x.class2Frac),
        brands: x.brands,
        cycles: x.cycles,
        cyclesOrdered: Math.min(x.ordered, x.cycles),
      },
      weeklyCartons: [],
      complianceClass: x.compliance,
      storeImage: x.image,
      eSettlementSuccessPct: x.eSettle,
      newBrandListings: x.newBrands,
      feedbackCount: x.feedback,
      history: { bestMonthCartons: x.cartons + x.extraBest, bestClass1SharePct: x.cartons ? (100 * class1) / x.cartons : 0 },
    } satisfies RetailerMonthInput;
  });

describe('property: the next-star options reach the next band', () => {
  it('on the scheme’s fixed lines', () => {
    fc.assert(
      fc.property(retailerArb, (input) => {
        const p = pathsToNextStar(input, S);
        if (p.targetStar === null) return;
        const cutoffs = S.star.cutoffs[input.network];
        for (const o of p.options) {
          const score = scoreStarItems(applyChanges(input, o.changes, S), S).score;
          expect(score).toBeGreaterThanOrEqual(p.targetCutoff!);
          expect(starFromCutoffs(score, cutoffs)).toBeGreaterThanOrEqual(p.targetStar);
          expect(score).toBeCloseTo(o.newScore, 9);
        }
      }),
      { numRuns: 150, seed: 5005 },
    );
  });

  it('on rank cut-offs that are not round numbers', () => {
    const cutoffsArb = fc
      .array(fc.double({ min: 1, max: 18, noNaN: true }), { minLength: 5, maxLength: 5 })
      .map((steps) => [0, ...steps.map((_, i) => 30 + steps.slice(0, i + 1).reduce((a, b) => a + b, 0))]);
    fc.assert(
      fc.property(retailerArb, cutoffsArb, (input, cutoffs) => {
        const p = pathsToNextStar(input, S, { cutoffs });
        if (p.targetStar === null) return;
        for (const o of p.options) {
          const score = scoreStarItems(applyChanges(input, o.changes, S), S).score;
          expect(starFromCutoffs(score, cutoffs)).toBeGreaterThanOrEqual(p.targetStar);
        }
      }),
      { numRuns: 200, seed: 5006 },
    );
  });
});

describe('property: the next-tier options reach the next tier line', () => {
  it('for any retailer of a random population', () => {
    fc.assert(
      fc.property(fc.array(retailerArb, { minLength: 40, maxLength: 80 }), fc.nat(), (population, k) => {
        const { context } = assignTiers(population, S);
        const input = population[k % population.length];
        const p = pathsToNextTier(input, S, context);
        if (p.targetTier === null) return;
        for (const o of p.options) {
          const after = o.changes.reduce((pc, c) => applyTierChange(pc, c, S), perCycle(tierOrders(input)));
          expect(cappedTierScore(after, context.top, S)).toBeGreaterThanOrEqual(p.targetCutoff! - 1e-9);
          expect(o.newTier).toBeGreaterThanOrEqual(p.targetTier);
        }
      }),
      { numRuns: 100, seed: 5007 },
    );
  });
});
