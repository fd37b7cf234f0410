import { describe, expect, it } from 'vitest';
import { createRandom } from '../routing/random.js';
import { applyChange, applyChanges, STORE_IMAGE_UP, type StarChange } from './apply-change.js';
import { DEFAULT_SCHEME as S } from './default-scheme.js';
import { pathsToNextStar } from './paths-to-next-star.js';
import { rateStar } from './score-star.js';
import { class1ShareCap, volumeCap } from './star-path-dimensions.js';
import { retailer } from './test-fixtures.js';
import type { ComplianceClass, RetailerMonthInput, StoreImage } from './types.js';

const starOf = (r: RetailerMonthInput, cutoffs?: number[]) => rateStar(r, S, '2026-10', cutoffs ?? S.star.cutoffs[r.network]).star;
const kinds = (cs: StarChange[]) => cs.map((c) => c.kind).join('+');

describe('paths to the next star', () => {
  // Rural, 10 件 at 120 元, class-1 1.8%: 20+12+4+12+4+8+2+4+5+7 = 78, 4 stars; 5 stars at 80.
  const r = retailer({ network: 'rural', feedbackCount: 1 }, { cartons: 500, valueYuan: 60000, class1Cartons: 9 });

  it('finds the smallest change along each dimension, hand-checked', () => {
    const p = pathsToNextStar(r, S);
    expect([p.score, p.star, p.targetStar, p.targetCutoff, p.gap]).toEqual([78, 4, 5, 80, 2]);
    const singles = Object.fromEntries(p.options.filter((o) => o.changes.length === 1).map((o) => [o.changes[0].kind, o.changes[0]]));
    // 7 class-1 cartons: 16/507 = 3.16% → 6 points; 6 would give 2.96% → 5.
    expect(singles.add_class1_cartons).toEqual({ kind: 'add_class1_cartons', amount: 7 });
    // 650 cartons = 13 件 → 14 points (+2); 550 gives only +1.
    expect(singles.add_cartons).toEqual({ kind: 'add_cartons', amount: 150 });
    expect(singles.add_feedback).toEqual({ kind: 'add_feedback', amount: 2 });
    expect(singles.add_new_brands).toEqual({ kind: 'add_new_brands', amount: 1 });
    expect(singles.store_image).toEqual({ kind: 'store_image', to: 'A' });
    // 40 brands earn one point only; e-settlement and ordering are already full.
    expect(singles.add_brands).toBeUndefined();
    expect(singles.e_settlement).toBeUndefined();
    expect(singles.order_cycles).toBeUndefined();
  });

  it('words each option and its gain', () => {
    const p = pathsToNextStar(r, S);
    const c1 = p.options.find((o) => kinds(o.changes) === 'add_class1_cartons')!;
    expect(c1.text.zh).toBe('每月多订 7 条一类烟');
    expect(c1.detail.zh).toBe('距5星还差 2 分，此项可多得 2 分');
    expect(c1).toMatchObject({ gain: 2, newScore: 80, newStar: 5 });
    expect(p.options.find((o) => kinds(o.changes) === 'add_cartons')!.text.zh).toBe('每月多订 150 条卷烟（品种结构不变）');
    // cheapest first (by the scheme's effort per unit)
    expect(p.options[0].cost).toBeLessThanOrEqual(p.options[p.options.length - 1].cost);
  });

  it('combines two smaller changes when no single one is feasible, hand-checked', () => {
    // Urban fixture: 80 points, 4 stars; 5 stars at 85. Volume alone needs 350 more
    // cartons; new brands can add at most 4 and feedback 2; together they do it.
    const p = pathsToNextStar(retailer(), S);
    expect([p.score, p.gap]).toEqual([80, 5]);
    expect(p.options.filter((o) => o.changes.length === 1).map((o) => kinds(o.changes))).toEqual(['add_cartons']);
    const best = p.options[0];
    expect(best.changes).toEqual([
      { kind: 'add_feedback', amount: 1 },
      { kind: 'add_new_brands', amount: 2 },
    ]);
    expect(best.text.zh).toBe('每月多反馈 1 条市场信息，同时每月多上架 2 个新品规格');
    expect(p.options.filter((o) => o.changes.length === 2).length).toBeLessThanOrEqual(S.paths.maxCombinedOptions);
  });

  it('stays within what the retailer has shown it can do', () => {
    // Best month 420 cartons: at most 630, short of the 650 that volume alone needs.
    const thin = { ...r, history: { bestMonthCartons: 420, bestClass1SharePct: 2 } };
    const p = pathsToNextStar(thin, S);
    const kindsFound = p.options.filter((o) => o.changes.length === 1).map((o) => kinds(o.changes));
    expect(kindsFound).not.toContain('add_cartons');
    expect(kindsFound).toContain('add_class1_cartons'); // 507 cartons, 3.16% ≤ 2% + 5
  });

  it('proposes opening e-settlement to a retailer who is not on it', () => {
    const off = retailer({ network: 'rural', eSettlementSuccessPct: null, feedbackCount: 1 }, { cartons: 500, valueYuan: 60000, class1Cartons: 9 });
    const p = pathsToNextStar(off, S); // 71 points, 80 needed
    expect(p.gap).toBe(9);
    const e = p.options.find((o) => o.changes.some((c) => c.kind === 'e_settlement'))!;
    expect(e.text.zh).toContain('开通电子结算并保持扣款成功率不低于');
  });

  it('counts a retailer exactly on a line as having the star, and aims at the next', () => {
    // 15 of 500 class-1 cartons is exactly 3% → 6 points: 80, the rural 5-star line.
    const edge = { ...r, orders: { ...r.orders, class1Cartons: 15 } };
    const p = pathsToNextStar(edge, S);
    expect([p.score, p.star, p.targetStar, p.gap]).toEqual([80, 5, 6, 10]);
    // Whatever is proposed must lift the score to the 超五星 line.
    for (const o of p.options) expect(o.newScore).toBeGreaterThanOrEqual(90);
  });

  it('uses rank cut-offs from the context, skipping an empty star', () => {
    const p = pathsToNextStar(r, S, { cutoffs: [0, 40, 60, 77, NaN, 83] });
    expect([p.star, p.targetStar, p.targetCutoff, p.gap]).toEqual([4, 6, 83, 5]);
  });

  it('has nowhere to go from 超五星', () => {
    const p = pathsToNextStar(r, S, { cutoffs: [0, 10, 20, 30, 40, 50] });
    expect([p.star, p.targetStar, p.options]).toEqual([6, null, []]);
  });
});

// A step one unit smaller along the option's last change.
function oneLess(c: StarChange, before: RetailerMonthInput): StarChange | null {
  switch (c.kind) {
    case 'store_image': {
      const order: StoreImage[] = ['D', 'C', 'B', 'A'];
      const lower = order[order.indexOf(c.to) - 1];
      return lower && STORE_IMAGE_UP[before.storeImage] !== null && order.indexOf(lower) > order.indexOf(before.storeImage) ? { ...c, to: lower } : null;
    }
    case 'order_cycles':
      return c.ordered - 1 > before.orders.cyclesOrdered ? { ...c, ordered: c.ordered - 1 } : null;
    case 'e_settlement':
      return c.successPct > 0 ? { ...c, successPct: c.successPct - 1 } : null;
    default:
      return c.amount > 1 ? { ...c, amount: c.amount - 1 } : null;
  }
}

describe('property: every option reaches the next star and is minimal along its own dimension', () => {
  it('holds for 300 random retailers', () => {
    const rnd = createRandom(20261024);
    const pick = <T>(xs: readonly T[]) => xs[rnd.int(xs.length)];
    let checked = 0;
    for (let k = 0; k < 300; k++) {
      const cartons = rnd.int(900);
      const price = 60 + rnd.int(120);
      const class1 = Math.floor(cartons * rnd.next() * 0.3);
      const cycles = 4 + rnd.int(2);
      const input = retailer(
        {
          network: pick(['urban', 'rural'] as const),
          complianceClass: pick<ComplianceClass>(['A', 'B', 'C', 'W']),
          storeImage: pick<StoreImage>(['A', 'B', 'C', 'D']),
          eSettlementSuccessPct: rnd.next() < 0.2 ? null : 85 + rnd.int(16),
          newBrandListings: rnd.int(4),
          feedbackCount: rnd.int(5),
          history: { bestMonthCartons: cartons + rnd.int(300), bestClass1SharePct: cartons ? (100 * class1) / cartons + rnd.int(5) : 0 },
        },
        {
          cartons,
          valueYuan: cartons * price,
          class1Cartons: class1,
          class1ValueYuan: rnd.next() < 0.5 ? class1 * (200 + rnd.int(100)) : undefined,
          brands: rnd.int(50),
          cycles,
          cyclesOrdered: rnd.int(cycles + 1),
        },
      );
      const p = pathsToNextStar(input, S);
      if (p.targetStar === null) continue;
      for (const o of p.options) {
        const after = applyChanges(input, o.changes, S);
        expect(starOf(after)).toBeGreaterThanOrEqual(p.targetStar);
        expect(o.newStar).toBeGreaterThanOrEqual(p.targetStar);
        expect(o.gain).toBeGreaterThanOrEqual(p.gap);
        expect(after.orders.cartons).toBeLessThanOrEqual(Math.max(input.orders.cartons, volumeCap(input, S)) + 1e-9);
        if (o.changes.some((c) => c.kind === 'add_class1_cartons')) {
          expect((100 * after.orders.class1Cartons) / after.orders.cartons).toBeLessThanOrEqual(class1ShareCap(input, S) + 1e-9);
        }
        const last = o.changes[o.changes.length - 1];
        const before = o.changes.length === 2 ? applyChange(input, o.changes[0], S) : input;
        const less = oneLess(last, before);
        if (less) {
          expect(starOf(applyChange(before, less, S)), `${JSON.stringify(o.changes)} minus one`).toBeLessThan(p.targetStar);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(200);
  });
});
