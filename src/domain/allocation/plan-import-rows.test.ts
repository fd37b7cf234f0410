import { describe, expect, it } from 'vitest';
import { checkPlanRows } from './plan-import-rows.js';

const products = new Map([
  ['6901028001', 1],
  ['6901028002', 2],
]);
const header = ['商品编码', '商品名称', '可供量（条）', '是否紧俏'];

describe('checkPlanRows', () => {
  it('reads codes, whole cartons and the scarce flag; blank rows are skipped', () => {
    const out = checkPlanRows([header, ['6901028001', '芙蓉王', '120', '是'], [], ['6901028002', '', '0', '否']], products);
    expect(out.errors).toEqual([]);
    expect(out.rows).toEqual([
      { row: 2, productId: 1, supplyQty: 120, scarce: true },
      { row: 4, productId: 2, supplyQty: 0, scarce: false },
    ]);
  });

  it('names row, column and reason of each bad cell, in Chinese', () => {
    const out = checkPlanRows(
      [header, ['9999', '', '5', '否'], ['6901028001', '', '-3', '是'], ['6901028002', '', '2.5', '否'], ['6901028001', '', '4', '也许']],
      products,
    );
    expect(out.rows).toEqual([]);
    expect(out.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '商品编码', '商品编码不存在或已停供'],
      [3, '可供量（条）', '可供量应为不小于 0 的整条数'],
      [4, '可供量（条）', '可供量应为不小于 0 的整条数'],
      [5, '商品编码', '与文件中另一行重复（第 3 行）'],
      [5, '是否紧俏', '应填写“是”或“否”'],
    ]);
  });

  it('refuses a sheet without the required columns', () => {
    const out = checkPlanRows([['编码', '数量']], products);
    expect(out.errors[0]).toMatchObject({ row: 1, column: '可供量（条）、是否紧俏' });
  });
});
