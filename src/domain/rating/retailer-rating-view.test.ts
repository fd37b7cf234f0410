import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { runMonthlyBatch } from './monthly-batch.js';
import { buildRetailerRatingView, type StoredRating } from './retailer-rating-view.js';
import { retailer } from './test-fixtures.js';
import type { RetailerMonthInput } from './types.js';

/** What the job stores: the result's columns and the input without id and weekly figures. */
function stored(input: RetailerMonthInput, month: string, extra: Partial<StoredRating> = {}): { row: StoredRating; cutoffs: Record<'urban' | 'rural', number[]> } {
  const res = runMonthlyBatch({ month, scheme: S, retailers: [input] });
  const r = res.ratings[0];
  const { retailerId: _i, weeklyCartons: _w, ...rest } = input;
  return {
    row: {
      retailerId: 7,
      month,
      schemeVersion: S.version,
      network: r.network,
      classCode: r.classCode,
      tier: r.tier,
      computedTier: null,
      tierScore: r.tierScore,
      star: r.star.star,
      starScore: r.star.score,
      segment: r.segment,
      frozenReason: null,
      breakdown: {},
      input: rest,
      ...extra,
    },
    cutoffs: res.starCutoffs,
  };
}

describe('a retailer’s month as shown', () => {
  const sep = stored(retailer({ complianceClass: 'A' }), '2026-09');
  const oct = stored(retailer({ complianceClass: 'C' }, { cartons: 380, valueYuan: 380 * 120 }), '2026-10');
  const ctx = (c: typeof sep) => ({ scheme: S, starCutoffs: c.cutoffs, tierContext: null });

  it('re-scores the items from the stored input and explains the change, biggest mover first', () => {
    const v = buildRetailerRatingView(oct.row, sep.row, ctx(oct), ctx(sep));
    expect(v.items.reduce((s, i) => s + i.points, 0)).toBe(oct.row.starScore);
    expect(v.change!.items[0]).toMatchObject({ id: 'integrity', delta: -10, points: 10, prevPoints: 20 });
    expect(v.change!.items[0].valueText.zh).toBe('C 类');
    expect(v.change!.items[0].prevValueText.zh).toBe('A 类');
    expect(v.change!.score - v.change!.prevScore).toBe(oct.row.starScore - sep.row.starScore);
    expect(v.nextStar.options.every((o) => o.newScore >= v.nextStar.targetCutoff!)).toBe(true);
  });

  it('has no change in the first rated month, and shows a frozen month’s stored items', () => {
    expect(buildRetailerRatingView(sep.row, null, ctx(sep), null).change).toBeNull();
    const items = [{ id: 'integrity' as const, value: 'A', points: 20, max: 20 }];
    const frozen = { ...oct.row, frozenReason: '洪水', breakdown: { items, cutoffs: [0, 55, 65, 75, 85, 95] } };
    const v = buildRetailerRatingView(frozen, sep.row, ctx(oct), ctx(sep));
    expect(v.frozenReason).toBe('洪水');
    expect(v.items.map((i) => i.id)).toEqual(['integrity']);
  });

  it('marks a tier changed by hand', () => {
    const v = buildRetailerRatingView({ ...oct.row, tier: 12, computedTier: 11 }, null, ctx(oct), null);
    expect(v.tierChangedByHand).toBe(true);
  });
});
