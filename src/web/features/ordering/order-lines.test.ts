import { describe, expect, it } from 'vitest';
import { addSuggested, fillEmptyDemand, lineFor, matchProducts, orderTotals, upsertLine } from './order-lines.js';
import type { OrderingProduct } from '../../../shared/ordering.js';

const p = (productId: number, code: string, name: string, limitQty: number | null): OrderingProduct => ({
  productId, code, name, priceClass: 1, price: 100, scarce: limitQty !== null, limitQty, quotaQty: limitQty, reason: null,
});

describe('order lines', () => {
  it('keeps demand above the limit and orders the limit', () => {
    expect(lineFor(p(1, '690', '芙蓉王', 3), 8)).toEqual({ productId: 1, demandQty: 8, orderedQty: 3 });
    expect(lineFor(p(2, '691', '白沙', null), 8)).toEqual({ productId: 2, demandQty: 8, orderedQty: 8 });
  });
  it('replaces a product line instead of adding a second', () => {
    const a = upsertLine([], { productId: 1, demandQty: 1, orderedQty: 1 });
    expect(upsertLine(a, { productId: 1, demandQty: 2, orderedQty: 2 })).toEqual([{ productId: 1, demandQty: 2, orderedQty: 2 }]);
  });
  it('matches by code first, then by name', () => {
    const ps = [p(1, '6901', '白沙(硬)', null), p(2, '6902', '芙蓉王', 2), p(3, '7000', '白沙6901', null)];
    expect(matchProducts(ps, '6901').map((x) => x.productId)).toEqual([1, 3]);
    expect(matchProducts(ps, '芙蓉').map((x) => x.productId)).toEqual([2]);
  });
  it('fills only empty lines with the suggested order, never a typed demand (issue 14, item 5)', () => {
    const products = new Map([p(1, '690', '芙蓉王', 3), p(2, '691', '白沙', null), p(3, '692', '黄金叶', null)].map((x) => [x.productId, x]));
    const typed = [{ productId: 1, demandQty: 5, orderedQty: 3 }, { productId: 3, demandQty: 0, orderedQty: 0 }];
    const r = addSuggested(typed, [{ productId: 1, qty: 1 }, { productId: 2, qty: 4 }, { productId: 3, qty: 2 }], products);
    expect(r.lines).toEqual([{ productId: 1, demandQty: 5, orderedQty: 3 }, { productId: 3, demandQty: 2, orderedQty: 2 }, { productId: 2, demandQty: 4, orderedQty: 4 }]);
    expect(r.kept).toBe(1);
    expect(fillEmptyDemand({ 1: 5, 3: 0 }, [{ productId: 1, qty: 1 }, { productId: 3, qty: 2 }])).toEqual({ 1: 5, 3: 2 });
  });
  it('never adds a line for a suggestion the limit cut to nothing', () => {
    const products = new Map([p(1, '690', '芙蓉王', 0), p(2, '691', '白沙', null)].map((x) => [x.productId, x]));
    const r = addSuggested([], [{ productId: 1, qty: 0 }, { productId: 2, qty: 3 }], products);
    expect(r.lines).toEqual([{ productId: 2, demandQty: 3, orderedQty: 3 }]);
    expect(fillEmptyDemand({}, [{ productId: 1, qty: 0 }, { productId: 2, qty: 3 }])).toEqual({ 2: 3 });
  });
  it('totals cartons and yuan at the shown prices', () => {
    const products = new Map([p(1, '690', '芙蓉王', 3), p(2, '691', '白沙', null)].map((x) => [x.productId, { ...x, price: x.productId === 1 ? 230.5 : 99.9 }]));
    expect(orderTotals([{ productId: 1, demandQty: 5, orderedQty: 3 }, { productId: 2, demandQty: 2, orderedQty: 2 }], products)).toEqual({ cartons: 5, amount: 891.3 });
  });
});
