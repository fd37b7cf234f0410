import { describe, expect, it } from 'vitest';
import { matchProposal } from './match-proposal.js';

describe('matchProposal', () => {
  it('keeps the grid with most members in common, makes new grids for the rest', () => {
    // Today: grid 10 = {1,2,3,4}, grid 20 = {5,6}. Proposal: {1,2,3}, {4,5}, {6}.
    const gridOf = new Map([[1, 10], [2, 10], [3, 10], [4, 10], [5, 20], [6, 20]]);
    const r = matchProposal(
      [{ station: 1, members: [1, 2, 3] }, { station: 1, members: [4, 5] }, { station: 1, members: [6] }],
      [{ id: 10, station: 1 }, { id: 20, station: 1 }],
      gridOf,
    );
    expect(r.gridIds).toEqual([10, 20, null]);
    expect(r.workerFrom).toEqual([10, 10, 20]);
  });

  it('never keeps a grid of another station', () => {
    const r = matchProposal([{ station: 2, members: [1] }], [{ id: 10, station: 1 }], new Map([[1, 10]]));
    expect(r.gridIds).toEqual([null]);
    expect(r.workerFrom).toEqual([10]);
  });
});
