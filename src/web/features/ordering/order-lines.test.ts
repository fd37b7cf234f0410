import { describe, expect, it } from 'vitest';
import { lineFor, matchProducts, upsertLine } from './order-lines.js';
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
});
