import { describe, expect, it } from 'vitest';
import { totalsByMethod } from './settlement-totals.js';

describe('totalsByMethod', () => {
  it('puts every method in a row, with the day summed across methods', () => {
    const { rows, day } = totalsByMethod([
      { method: 'bank_deduction', status: 'deducted', orders: 3, amount: 300.1 },
      { method: 'bank_deduction', status: 'failed', orders: 1, amount: 99.9 },
      { method: 'pos', status: 'pending', orders: 2, amount: 50 },
    ]);
    expect(rows.map((r) => r.method)).toEqual(['bank_deduction', 'pos', 'cash']);
    expect(rows[0].all).toEqual({ orders: 4, amount: 400 });
    expect(rows[2].all).toEqual({ orders: 0, amount: 0 });
    expect(day.deducted).toEqual({ orders: 3, amount: 300.1 });
    expect(day.failed.orders).toBe(1);
    expect(day.all).toEqual({ orders: 6, amount: 450 });
  });
});
