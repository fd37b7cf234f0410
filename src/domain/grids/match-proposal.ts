// Which of today's grids each proposed grid continues: the pairs with most
// retailers in common are matched first (greedy, same station only), so grid
// codes, workers and history carry over where the partition keeps a grid
// roughly in place. Unmatched proposals become new grids.
export type MatchResult = {
  /** The existing grid each proposed grid keeps, or null for a new one. */
  gridIds: (number | null)[];
  /** The existing grid most of its retailers come from (whose worker it inherits). */
  workerFrom: (number | null)[];
};

export function matchProposal(
  proposed: readonly { station: number; members: readonly number[] }[],
  existing: readonly { id: number; station: number }[],
  gridOf: ReadonlyMap<number, number>,
): MatchResult {
  const stationOf = new Map(existing.map((e) => [e.id, e.station]));
  const pairs: { i: number; grid: number; n: number }[] = [];
  const workerFrom: (number | null)[] = [];
  proposed.forEach((p, i) => {
    const counts = new Map<number, number>();
    for (const m of p.members) {
      const g = gridOf.get(m);
      if (g !== undefined) counts.set(g, (counts.get(g) ?? 0) + 1);
    }
    let top: number | null = null;
    for (const [grid, n] of counts) {
      if (top === null || n > counts.get(top)! || (n === counts.get(top)! && grid < top)) top = grid;
      if (stationOf.get(grid) === p.station) pairs.push({ i, grid, n });
    }
    workerFrom.push(top);
  });
  pairs.sort((a, b) => b.n - a.n || a.i - b.i || a.grid - b.grid);
  const gridIds: (number | null)[] = proposed.map(() => null);
  const used = new Set<number>();
  for (const { i, grid } of pairs) {
    if (gridIds[i] !== null || used.has(grid)) continue;
    gridIds[i] = grid;
    used.add(grid);
  }
  return { gridIds, workerFrom };
}
