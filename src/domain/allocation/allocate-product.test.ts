import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProduct, fractionalBound, roundLpQuotas } from './allocate-product.js';
import { buildGroups, groupAllocated } from './build-groups.js';
import type { AllocationProblem, Market } from './types.js';

const TIERS = 8;

const retailerArb = fc.record({
  tier: fc.integer({ min: 1, max: TIERS }),
  market: fc.integer({ min: 0, max: 1 }),
  cap: fc.integer({ min: 0, max: 12 }),
});

const problemArb = fc
  .record({
    retailers: fc.array(retailerArb, { minLength: 0, maxLength: 120 }),
    supplyShare: fc.double({ min: 0, max: 1.2, noNaN: true }),
    urban: fc.double({ min: 0, max: 3, noNaN: true }),
    rural: fc.double({ min: 0, max: 3, noNaN: true }),
    minTier: fc.integer({ min: 0, max: TIERS }),
    tierExponent: fc.double({ min: 0, max: 2, noNaN: true }),
    maxQuota: fc.integer({ min: 1, max: 10 }),
  })
  .map((x): { p: AllocationProblem; caps: { tier: number; market: Market; cap: number }[] } => {
    const caps = x.retailers.map((r) => ({ tier: r.tier, market: (r.market === 0 ? 'urban' : 'rural') as Market, cap: r.cap }));
    const groups = buildGroups(
      { tier: x.retailers.map((r) => r.tier), market: x.retailers.map((r) => r.market), cap: x.retailers.map((r) => r.cap) },
      TIERS,
      x.maxQuota,
    );
    const demand = groups.reduce((s, g) => s + groupAllocated(g, x.maxQuota), 0);
    return {
      caps,
      p: {
        supply: Math.floor(demand * x.supplyShare),
        tierCount: TIERS,
        policy: { marketWeight: { urban: x.urban, rural: x.rural }, minTier: x.minTier, tierExponent: x.tierExponent, maxQuota: x.maxQuota },
        groups,
      },
    };
  });

function checkConstraints(p: AllocationProblem, caps: { tier: number; market: Market; cap: number }[], quotas: ReturnType<typeof allocateProduct>['quotas']) {
  const quotaOf = new Map(quotas.map((q) => [`${q.tier}/${q.market}`, q.quota]));
  // Integer, non-negative, at most the policy's maximum.
  for (const q of quotas) {
    expect(Number.isInteger(q.quota)).toBe(true);
    expect(q.quota).toBeGreaterThanOrEqual(0);
    expect(q.quota).toBeLessThanOrEqual(p.policy.maxQuota);
  }
  // Never decreasing with tier, within each market.
  for (const m of ['urban', 'rural'] as const) {
    for (let t = 1; t < TIERS; t++) expect(quotaOf.get(`${t}/${m}`)!).toBeLessThanOrEqual(quotaOf.get(`${t + 1}/${m}`)!);
  }
  // Per retailer: the group's quota capped at what it can sell; the same for the same tier and market.
  let total = 0;
  for (const r of caps) {
    const limit = Math.min(quotaOf.get(`${r.tier}/${r.market}`)!, r.cap);
    expect(limit).toBeLessThanOrEqual(r.cap);
    total += limit;
  }
  // Total never above supply, and equal to what the result claims.
  expect(total).toBeLessThanOrEqual(p.supply);
  expect(quotas.reduce((s, q) => s + q.allocated, 0)).toBe(total);
}

describe('allocateProduct', () => {
  it('keeps every constraint on random inputs', () => {
    fc.assert(
      fc.property(problemArb, ({ p, caps }) => {
        const r = allocateProduct(p);
        checkConstraints(p, caps, r.quotas);
        expect(r.objective).toBeLessThanOrEqual(fractionalBound(p) + 1e-6);
      }),
      { numRuns: 400 },
    );
  });

  it('rounds any fractional quotas into an allocation that keeps every constraint', () => {
    fc.assert(
      fc.property(problemArb, fc.array(fc.double({ min: 0, max: 12, noNaN: true }), { minLength: 2 * TIERS, maxLength: 2 * TIERS }), ({ p, caps }, frac) => {
        // Any monotone fractional start (sorted per market), even one over supply.
        const sorted = [...frac].sort((a, b) => a - b);
        const start = p.groups.map((g) => sorted[(g.tier - 1) * 2 + (g.market === 'urban' ? 0 : 1)]);
        const r = roundLpQuotas(p, start);
        checkConstraints(p, caps, r.quotas);
      }),
      { numRuns: 300 },
    );
  });

  it('gives more to higher tiers and leans to the weighted market', () => {
    const caps = { tier: [] as number[], market: [] as number[], cap: [] as number[] };
    for (let t = 1; t <= 4; t++)
      for (let m = 0; m < 2; m++)
        for (let i = 0; i < 10; i++) {
          caps.tier.push(t);
          caps.market.push(m);
          caps.cap.push(20);
        }
    const groups = buildGroups(caps, 4, 20);
    const r = allocateProduct({ supply: 300, tierCount: 4, policy: { marketWeight: { urban: 2, rural: 1 }, minTier: 0, tierExponent: 1, maxQuota: 20 }, groups });
    const q = (t: number, m: Market) => r.quotas.find((x) => x.tier === t && x.market === m)!.quota;
    expect(q(4, 'urban')).toBeGreaterThan(q(1, 'urban'));
    expect(q(4, 'urban')).toBeGreaterThan(q(4, 'rural'));
    expect(r.allocated).toBeLessThanOrEqual(300);
    expect(r.allocated).toBeGreaterThan(280);
  });

  it('leaves the leftover to the remainder rather than pack it into a cheap layer (issue 14: rural tier 30 got 2, urban tier 30 got 1)', () => {
    // Urban weighs 2, rural 1; every shop could sell 5. After the first carton to urban 4 and 3 and rural 4
    // (33 cartons), 4 are left: too few for a second carton to the 10 urban tier-4 shops or a first to the
    // 10 rural tier-3 shops. Packing them as a second carton to the 3 rural tier-4 shops (worth 2 each) gave
    // rural tier 4 more than urban tier 4; one carton each to urban tier-4 shops is worth 4 each.
    const caps = { tier: [] as number[], market: [] as number[], cap: [] as number[] };
    const add = (tier: number, market: number, n: number) => {
      for (let i = 0; i < n; i++) {
        caps.tier.push(tier);
        caps.market.push(market);
        caps.cap.push(5);
      }
    };
    add(4, 0, 10);
    add(3, 0, 20);
    add(4, 1, 3);
    add(3, 1, 10);
    const p: AllocationProblem = { supply: 37, tierCount: 4, policy: { marketWeight: { urban: 2, rural: 1 }, minTier: 0, tierExponent: 1, maxQuota: 5 }, groups: buildGroups(caps, 4, 5) };
    const r = allocateProduct(p);
    const q = (t: number, m: Market) => r.quotas.find((x) => x.tier === t && x.market === m)!.quota;
    expect(q(4, 'rural')).toBeLessThanOrEqual(q(4, 'urban'));
    expect([q(4, 'urban'), q(3, 'urban'), q(4, 'rural'), q(3, 'rural')]).toEqual([1, 1, 1, 0]);
    expect(r.allocated).toBe(33);
    // Quotas 10·8 + 20·6 + 3·4 = 212, and the 4 left go one each to urban tier-4 shops at 8/2 = 4.
    expect(r.objective).toBe(212);
    expect(r.value).toBe(228);
  });
});
