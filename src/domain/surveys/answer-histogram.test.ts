import { describe, expect, it } from 'vitest';
import { answerHistogram } from './answer-histogram.js';

describe('a number question’s histogram', () => {
  it('bins a 0–100 percentage in ten whole-number bins over the question’s range, the last holding 100', () => {
    const bins = answerHistogram([0, 5, 25, 25, 61, 99, 100], 0, 100);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ from: 0, to: 10, n: 2 });
    expect(bins[9]).toEqual({ from: 90, to: 100, n: 2 });
    expect(bins.map((b) => b.n)).toEqual([2, 0, 2, 0, 0, 0, 1, 0, 0, 2]);
    expect(bins.reduce((s, b) => s + b.n, 0)).toBe(7);
  });
  it('gives one bin per value for a narrow whole-number range, and a single bin when all answers agree', () => {
    expect(answerHistogram([1, 2, 2, 4], null, null)).toEqual([
      { from: 1, to: 2, n: 1 },
      { from: 2, to: 3, n: 2 },
      { from: 3, to: 4, n: 0 },
      { from: 4, to: 5, n: 1 },
    ]);
    expect(answerHistogram([7, 7], null, null)).toEqual([{ from: 7, to: 7, n: 2 }]);
    expect(answerHistogram([], 0, 100)).toEqual([]);
  });
  it('bins decimals evenly over the answers', () => {
    const bins = answerHistogram([0.5, 1.5, 2.5], null, null, 2);
    expect(bins).toEqual([
      { from: 0.5, to: 1.5, n: 1 },
      { from: 1.5, to: 2.5, n: 2 },
    ]);
  });
});
