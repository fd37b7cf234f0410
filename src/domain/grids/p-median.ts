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

/** Vertex substitution from the greedy start and from `starts` seeded random ones; the best local optimum wins. */
export function solvePMedian(problem: PMedianProblem, starts = 8, seed = 1): PMedianSolution {
  let best = improve(problem, greedyStart(problem));
  const rng = createRandom(seed);
  const p = Math.min(problem.p, problem.candidates);
  for (let s = 0; s < starts; s++) {
    const open: number[] = [];
    while (open.length < p) {
      const j = rng.int(problem.candidates);
      if (!open.includes(j)) open.push(j);
    }
    const sol = improve(problem, open);
    if (sol.cost < best.cost - 1e-9) best = sol;
  }
  return best;
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
  for (let k = 0; k < p; k++) {
    let best = -1, bestGain = -Infinity;
    for (let j = 0; j < candidates; j++) {
      if (open.includes(j)) continue;
      let gain = 0;
      for (let i = 0; i < n; i++) {
        const d = problem.distance(i, j);
        if (d < near[i]) gain += costOf(near[i], i) - costOf(d, i);
      }
      if (gain > bestGain) (bestGain = gain), (best = j);
    }
    open.push(best);
    for (let i = 0; i < n; i++) near[i] = Math.min(near[i], problem.distance(i, best));
  }
  return open;
}

function improve(problem: PMedianProblem, start: number[], maxRounds = 50): PMedianSolution {
  const { candidates } = problem;
  const open = [...start];
  let current = evaluate(problem, open);
  for (let round = 0; round < maxRounds; round++) {
    let improved = false;
    for (let k = 0; k < open.length; k++) {
      for (let j = 0; j < candidates; j++) {
        if (open.includes(j)) continue;
        const trial = [...open];
        trial[k] = j;
        const s = evaluate(problem, trial);
        if (s.cost < current.cost - 1e-9) {
          open[k] = j;
          current = s;
          improved = true;
        }
      }
    }
    if (!improved) break;
  }
  return current;
}
