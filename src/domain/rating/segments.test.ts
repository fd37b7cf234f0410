import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { orderStability, segmentRetailer } from './segments.js';
import { retailer } from './test-fixtures.js';

describe('order stability', () => {
  it('computes the coefficient of variation and the share of weeks ordered', () => {
    expect(orderStability([10, 10, 10, 10])).toEqual({ cv: 0, continuity: 1 });
    const s = orderStability([20, 0, 20, 0]); // mean 10, sd 10
    expect(s.cv).toBeCloseTo(1);
    expect(s.continuity).toBe(0.5);
    expect(orderStability([0, 0]).continuity).toBe(0);
  });
});

describe('segments', () => {
  it('is close when integrity, stability and cooperation are all high', () => {
    const r = segmentRetailer(retailer({ complianceClass: 'A', feedbackCount: 1, newBrandListings: 1, eSettlementSuccessPct: 96 }), S);
    expect(r.segment).toBe('close');
    expect(r.cooperationMet).toBe(3);
  });

  it('is stable A with a B compliance class and two cooperation marks', () => {
    const r = segmentRetailer(retailer({ complianceClass: 'B', feedbackCount: 0 }), S);
    expect([r.integrity, r.stability, r.cooperation, r.segment]).toEqual(['mid', 'high', 'mid', 'stable_a']);
  });

  it('is stable B when orders wobble but continue', () => {
    // mean 10, sd ≈ 4.47 → cv 0.45; all weeks ordered
    const r = segmentRetailer(retailer({ weeklyCartons: [5, 15, 5, 15, 10, 10] }), S);
    expect(r.stability).toBe('mid');
    expect(r.segment).toBe('stable_b');
  });

  it('is unstable with a W compliance class whatever the orders', () => {
    expect(segmentRetailer(retailer({ complianceClass: 'W' }), S).segment).toBe('unstable');
  });

  it('is unstable when the retailer skips many weeks', () => {
    const r = segmentRetailer(retailer({ weeklyCartons: [10, 0, 0, 10, 0, 10] }), S);
    expect(r.stability).toBe('low');
    expect(r.segment).toBe('unstable');
  });

  it('holds a service package per segment as data', () => {
    expect(S.segments.packages.close).toMatchObject({ visitsPerMonth: 4, callbackHours: 24, scarceSupplyPriority: 1 });
    expect(S.segments.packages.unstable.support[0].zh).toBe('守法经营辅导');
  });
});
