// Second-level delivery (二级配送): choose p delivery points (委托代送户 /
// 约时取货点) among candidate retailers so that the remote retailers' total
// distance to their nearest point is smallest, each within a maximum distance
// when possible. Greedy opening, then vertex substitution (Teitz–Bart): swap
// an open point for a closed one while that lowers the cost. The exact MIP of
// the same problem is in p-median-mip.ts, for the benchmark's gap.
import { createRandom } from '../routing/random.js';

export type PMedianProblem = {
  /** Distance (km) from demand i to candidate j; Infinity when beyond the maximum. */
  distance: (i: number, j: number) => number;
  demands: number;
  candidates: number;
  p: number;
  /** Weight of demand i (e.g. deliveries a month); 1 when omitted. */
  weight?: (i: number) => number;
  /** Cost of a demand left without any point within reach. */
  uncoveredCost: number;
};

export type PMedianSolution = {
  open: number[];
  /** Candidate serving each demand, or -1 when none is within reach. */
  assign: number[];
  cost: number;
  uncovered: number;
};

export function evaluate(problem: PMedianProblem, open: readonly number[]): PMedianSolution {
  const w = problem.weight ?? (() => 1);
  const assign: number[] = [];
  let cost = 0, uncovered = 0;
  for (let i = 0; i < problem.demands; i++) {
    let best = -1, bd = Infinity;
    for (const j of open) {
      const d = problem.distance(i, j);
      if (d < bd) (bd = d), (best = j);
    }
    assign.push(Number.isFinite(bd) ? best : -1);
    if (Number.isFinite(bd)) cost += w(i) * bd;
    else (cost += w(i) * problem.uncoveredCost), uncovered++;
  }
  return { open: [...open].sort((a, b) => a - b), assign, cost, uncovered };
}

/** Stops the search early: the best local optimum found so far is returned. */
export type SearchLimits = { timeLimitMs?: number; now?: () => number };

/** Vertex substitution from the greedy start and from `starts` seeded random ones; the best local optimum wins. */
export function solvePMedian(problem: PMedianProblem, starts = 8, seed = 1, limits: SearchLimits = {}): PMedianSolution & { stoppedEarly: boolean } {
  const now = limits.now ?? (() => performance.now());
  const deadline = limits.timeLimitMs === undefined ? Infinity : now() + limits.timeLimitMs;
  const late = () => now() > deadline;
  let best = improve(problem, greedyStart(problem), 50, late);
  const rng = createRandom(seed);
  const p = Math.min(problem.p, problem.candidates);
  for (let s = 0; s < starts && !late(); s++) {
    const open: number[] = [];
    while (open.length < p) {
      const j = rng.int(problem.candidates);
      if (!open.includes(j)) open.push(j);
    }
    const sol = improve(problem, open, 50, late);
    if (sol.cost < best.cost - 1e-9) best = sol;
  }
  return { ...best, stoppedEarly: late() };
}

function greedyStart(problem: PMedianProblem): number[] {
  const { candidates } = problem;
  const p = Math.min(problem.p, candidates);
  const w = problem.weight ?? (() => 1);
  const n = problem.demands;
  // Nearest open distance per demand, kept up to date while opening greedily.
  const near = new Float64Array(n).fill(Infinity);
  const costOf = (d: number, i: number) => w(i) * (Number.isFinite(d) ? d : problem.uncoveredCost);
  const open: number[] = [];
  const isOpen = new Uint8Array(candidates);
  for (let k = 0; k < p; k++) {
    let best = -1, bestGain = -Infinity;
    for (let j = 0; j < candidates; j++) {
      if (isOpen[j]) continue;
      let gain = 0;
      for (let i = 0; i < n; i++) {
        const d = problem.distance(i, j);
        if (d < near[i]) gain += costOf(near[i], i) - costOf(d, i);
      }
      if (gain > bestGain) (bestGain = gain), (best = j);
    }
    open.push(best);
    isOpen[best] = 1;
    for (let i = 0; i < n; i++) near[i] = Math.min(near[i], problem.distance(i, best));
  }
  return open;
}

/**
 * First-improvement swaps, as evaluate() would judge them, but each trial in
 * O(demands): every demand keeps its nearest and second-nearest open point,
 * so closing one point and opening another is one pass (the plain version,
 * O(demands × p) per trial, froze the server for minutes at p = 100).
 */
function improve(problem: PMedianProblem, start: number[], maxRounds: number, late: () => boolean): PMedianSolution {
  const { candidates, demands: n } = problem;
  const w = problem.weight ?? (() => 1);
  const open = [...start];
  const isOpen = new Uint8Array(candidates);
  for (const j of open) isOpen[j] = 1;
  const near1 = new Int32Array(n), d1 = new Float64Array(n), d2 = new Float64Array(n);
  const refresh = () => {
    for (let i = 0; i < n; i++) {
      let b = -1, bd = Infinity, sd = Infinity;
      for (const j of open) {
        const d = problem.distance(i, j);
        if (d < bd) (sd = bd), (bd = d), (b = j);
        else if (d < sd) sd = d;
      }
      (near1[i] = b), (d1[i] = bd), (d2[i] = sd);
    }
  };
  const costOf = (d: number, i: number) => w(i) * (Number.isFinite(d) ? d : problem.uncoveredCost);
  refresh();
  let current = 0;
  for (let i = 0; i < n; i++) current += costOf(d1[i], i);
  for (let round = 0; round < maxRounds && !late(); round++) {
    let improved = false;
    for (let k = 0; k < open.length; k++) {
      let out = open[k];
      for (let j = 0; j < candidates; j++) {
        if (isOpen[j]) continue;
        let cost = 0;
        for (let i = 0; i < n; i++) {
          const keep = near1[i] === out ? d2[i] : d1[i];
          const d = problem.distance(i, j);
          cost += costOf(d < keep ? d : keep, i);
        }
        if (cost < current - 1e-9) {
          isOpen[out] = 0;
          open[k] = out = j;
          isOpen[j] = 1;
          current = cost;
          improved = true;
          refresh();
        }
      }
      if (late()) break;
    }
    if (!improved) break;
  }
  return evaluate(problem, open);
}
