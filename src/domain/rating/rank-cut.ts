// Cut a ranked population into groups holding fixed shares of it. Equal
// scores always land in the same group (the better one), so a group can end up
// slightly larger than its share but no retailer is split from its equals.

/**
 * scores: one per retailer. sharesTopFirst: percent per group, best group
 * first. Returns the group index (0 = best) per retailer and each group's
 * lowest score (NaN for an empty group).
 */
export function cutByShares(
  scores: ArrayLike<number>,
  sharesTopFirst: readonly number[],
  subset?: Uint32Array,
): { group: Uint8Array; cutoffs: number[] } {
  const n = subset ? subset.length : scores.length;
  const order = subset ? Uint32Array.from(subset) : Uint32Array.from({ length: n }, (_, i) => i);
  // Sort by score, best first; the index breaks ties so the result is stable.
  const key = new Float64Array(n);
  for (let i = 0; i < n; i++) key[i] = scores[order[i]];
  const idx = new Uint32Array(n);
  for (let i = 0; i < n; i++) idx[i] = i;
  idx.sort((a, b) => key[b] - key[a] || order[a] - order[b]);

  const ends: number[] = [];
  let cum = 0;
  for (const s of sharesTopFirst) {
    cum += s;
    // Rounded up so the best group is never empty; the tolerance absorbs float sums like 2.9000000000000004.
    ends.push(Math.ceil((cum / 100) * n - 1e-9));
  }
  ends[ends.length - 1] = n;

  const group = new Uint8Array(scores.length);
  const cutoffs = sharesTopFirst.map(() => NaN);
  let g = 0;
  let prevScore = NaN;
  let prevGroup = 0;
  for (let p = 0; p < n; p++) {
    while (g < ends.length - 1 && p >= ends[g]) g++;
    const s = key[idx[p]];
    const assigned = p > 0 && s === prevScore ? prevGroup : g;
    group[order[idx[p]]] = assigned;
    cutoffs[assigned] = s; // descending scan: the last written is the group's lowest
    prevScore = s;
    prevGroup = assigned;
  }
  return { group, cutoffs };
}
