import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { runMonthlyBatch } from './monthly-batch.js';
import type { RatingScheme } from './scheme.js';
import { capTierMove, NEW_LICENCE_CAUSE } from './tier-cap.js';
import { retailer } from './test-fixtures.js';
import { buildRetailerRatingView, type StoredRating } from './retailer-rating-view.js';
import { validateScheme } from './validate-scheme.js';
import { perCycle, tierOrders } from './tiers.js';

describe('the monthly cap on tier moves', () => {
  it('holds a move over the limit at the limit, either way', () => {
    expect(capTierMove(20, 10, 2, undefined)).toEqual({ tier: 12, note: { from: 10, computed: 20, limit: 2, cause: null } });
    expect(capTierMove(3, 10, 2, undefined)).toEqual({ tier: 8, note: { from: 10, computed: 3, limit: 2, cause: null } });
  });

  it('lets a move within the limit through without a note', () => {
    expect(capTierMove(12, 10, 2, undefined)).toEqual({ tier: 12, note: null });
    expect(capTierMove(8, 10, 2, 'moved')).toEqual({ tier: 8, note: null });
  });

  it('lets a larger move through on a recorded cause, and notes the cause', () => {
    expect(capTierMove(25, 10, 2, '迁址扩大经营')).toEqual({ tier: 25, note: { from: 10, computed: 25, limit: 2, cause: '迁址扩大经营' } });
  });

  it('does nothing without last month or without a cap in the scheme', () => {
    expect(capTierMove(25, undefined, 2, undefined)).toEqual({ tier: 25, note: null });
    expect(capTierMove(25, 1, undefined, undefined)).toEqual({ tier: 25, note: null });
  });
});

// Ten retailers of rising size, ten tiers of 10% each: retailer k is in tier k+1.
const tenTiers: RatingScheme = { ...S, tiers: { ...S.tiers, shares: new Array(10).fill(10), maxMonthlyMove: 2 } };
const shops = (order: number[]) =>
  order.map((size, k) => retailer({ retailerId: `R${k}` }, { cartons: 10 * (size + 1), valueYuan: 1000 * (size + 1), class2PlusCartons: size + 1, brands: 5 }));

describe('the batch with the cap', () => {
  const sept = runMonthlyBatch({ month: '2026-09', scheme: tenTiers, retailers: shops([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]) });
  // In October R0 becomes the biggest shop; the others move one tier down.
  const octInputs = shops([9, 0, 1, 2, 3, 4, 5, 6, 7, 8]);

  it('holds big moves at the limit and counts them in the churn', () => {
    const oct = runMonthlyBatch({ month: '2026-10', scheme: tenTiers, retailers: octInputs, previous: sept.ratings });
    const by = Object.fromEntries(oct.ratings.map((r) => [r.retailerId, r]));
    expect(by.R0).toMatchObject({ tier: 3, tierCap: { from: 1, computed: 10, limit: 2, cause: null } });
    expect(by.R9.tier).toBe(9);
    expect(by.R9.tierCap).toBeUndefined();
    expect(oct.churn).toMatchObject({ compared: 10, tierChanged: 10, movedOver2: 0, heldByCap: 1, overCapWithCause: 0 });
    expect(oct.churn.moves[oct.churn.range - 1]).toBe(9);
    expect(oct.churn.moves[oct.churn.range + 2]).toBe(1);
  });

  it('lets a move with a recorded cause through', () => {
    const oct = runMonthlyBatch({ month: '2026-10', scheme: tenTiers, retailers: octInputs, previous: sept.ratings, tierCauses: new Map([['R0', '迁址扩大经营']]) });
    const r0 = oct.ratings.find((r) => r.retailerId === 'R0')!;
    expect(r0).toMatchObject({ tier: 10, tierCap: { from: 1, computed: 10, cause: '迁址扩大经营' } });
    expect(oct.churn).toMatchObject({ heldByCap: 0, overCapWithCause: 1, movedOver2: 1 });
  });

  it('does not cap a scheme without a limit', () => {
    const free = { ...tenTiers, tiers: { ...tenTiers.tiers, maxMonthlyMove: undefined } };
    const oct = runMonthlyBatch({ month: '2026-10', scheme: free, retailers: octInputs, previous: sept.ratings });
    expect(oct.ratings.find((r) => r.retailerId === 'R0')!.tier).toBe(10);
    expect(oct.churn.heldByCap).toBe(0);
  });
});

describe('the tier window', () => {
  it('ranks on the window’s orders when they are given, per cycle', () => {
    const r = retailer({ tierOrders: { cartons: 1300, valueYuan: 130_000, class1Cartons: 0, class2PlusCartons: 0, brands: 20, cycles: 13, cyclesOrdered: 13 } });
    expect(perCycle(tierOrders(r)).cartons).toBe(100);
    expect(perCycle(tierOrders(retailer())).cartons).toBe(100);
  });

  it('accepts one to six months and a whole-number cap, refuses others', () => {
    expect(validateScheme(S)).toEqual([]);
    expect(S.tiers).toMatchObject({ windowMonths: 3, maxMonthlyMove: 2 });
    const bad = (tiers: Partial<RatingScheme['tiers']>) => validateScheme({ ...S, tiers: { ...S.tiers, ...tiers } }).map((e) => e.path);
    expect(bad({ windowMonths: 0 })).toEqual(['tiers.windowMonths']);
    expect(bad({ windowMonths: 7 })).toEqual(['tiers.windowMonths']);
    expect(bad({ maxMonthlyMove: 1.5 })).toEqual(['tiers.maxMonthlyMove']);
    expect(bad({ maxMonthlyMove: 30 })).toEqual(['tiers.maxMonthlyMove']);
  });
});

describe('the explanation', () => {
  const base: StoredRating = {
    retailerId: 1,
    month: '2026-10',
    schemeVersion: S.version,
    network: 'urban',
    classCode: 'CZ2',
    tier: 12,
    computedTier: null,
    tierScore: 40,
    star: 3,
    starScore: 70,
    segment: 'stable_b',
    frozenReason: null,
    breakdown: { tierCap: { from: 10, computed: 20, limit: 2, cause: null } },
    input: { ...retailer(), complianceClass: 'C', compliance: { month: '2026-10', score: 78, penalties: 2 } },
  };
  const ctx = { scheme: S, starCutoffs: { urban: S.star.cutoffs.urban, rural: S.star.cutoffs.rural }, tierContext: null };
  const prev: StoredRating = { ...base, month: '2026-09', tier: 10, breakdown: {}, input: { ...retailer(), complianceClass: 'A', compliance: null } };

  it('says the window, the held move, and why the compliance class is what it is', () => {
    const v = buildRetailerRatingView(base, prev, ctx, ctx);
    expect(v.tierNotes.map((n) => n.zh)).toEqual([
      '档位按近 3 个月的完整订货周期计算',
      '按本月档位 20 档，较上月 10 档变动超过每月 2 档的上限，本月定为 12 档',
    ]);
    const integrity = v.change!.items.find((i) => i.id === 'integrity')!;
    expect(integrity.cause!.zh).toBe('2026-10 专卖合规考核得分 78 分，违规 2 次，评为 C 类');
    expect(integrity.prevCause!.zh).toBe('无专卖合规考核记录，按 A 类计');
    expect(v.items.find((i) => i.id === 'volume')!.cause).toBeNull();
  });

  it('shows a recorded cause as typed, and the new-licence cause in words', () => {
    const recorded = buildRetailerRatingView({ ...base, tier: 20, breakdown: { tierCap: { from: 10, computed: 20, limit: 2, cause: '迁址扩大经营' } } }, null, ctx, null);
    expect(recorded.tierNotes[1].zh).toContain('依据已登记原因：迁址扩大经营');
    expect(recorded.tierNotes[1].en).toContain('on a recorded cause: 迁址扩大经营');
    const fresh = buildRetailerRatingView({ ...base, tier: 20, breakdown: { tierCap: { from: 1, computed: 20, limit: 2, cause: NEW_LICENCE_CAUSE } } }, null, ctx, null);
    expect(fresh.tierNotes[1].zh).toContain('新办证零售户');
  });
});
