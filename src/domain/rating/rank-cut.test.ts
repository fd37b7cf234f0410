import { describe, expect, it } from 'vitest';
import { cutByShares } from './rank-cut.js';

describe('cutting a ranking into shares', () => {
  it('gives each group its share, best first', () => {
    const scores = [10, 9, 8, 7, 6, 5, 4, 3, 2, 1];
    const { group, cutoffs } = cutByShares(scores, [20, 30, 50]);
    expect([...group]).toEqual([0, 0, 1, 1, 1, 2, 2, 2, 2, 2]);
    expect(cutoffs).toEqual([9, 6, 1]);
  });

  it('keeps equal scores together in the better group', () => {
    const scores = [10, 9, 9, 9, 6, 5, 4, 3, 2, 1];
    const { group, cutoffs } = cutByShares(scores, [20, 30, 50]);
    expect([...group]).toEqual([0, 0, 0, 0, 1, 2, 2, 2, 2, 2]);
    expect(cutoffs).toEqual([9, 6, 1]);
  });

  it('leaves a group empty when a tie swallows it', () => {
    const { group, cutoffs } = cutByShares([5, 5, 5, 1], [25, 25, 50]);
    expect([...group]).toEqual([0, 0, 0, 2]);
    expect(cutoffs[1]).toBeNaN();
  });

  it('ranks only a subset when given one', () => {
    const { group } = cutByShares([1, 100, 2, 3], [50, 50], Uint32Array.from([0, 2]));
    expect(group[2]).toBe(0);
    expect(group[0]).toBe(1);
  });
});
