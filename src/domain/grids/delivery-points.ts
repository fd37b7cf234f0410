// Second-level delivery proposal: remote retailers (farther than a distance
// from every town centre) get delivery points chosen among themselves, at
// most p of them, each retailer within a maximum distance when possible.
// Figures before (distance to the nearest town centre, where first-level
// delivery stops) and after (distance to the nearest point).
import { distanceKm } from './dense-spots.js';
import { solvePMedian, type PMedianProblem, type PMedianSolution, type SearchLimits } from './p-median.js';

export type Site = { id: number; lat: number; lng: number };
export type DeliveryOptions = { p: number; maxKm: number; remoteKm: number };
export type DistanceFigures = { meanKm: number; maxKm: number; coverage: number };
export type DeliveryProposal = {
  remote: Site[];
  points: { id: number; lat: number; lng: number; serves: number[] }[];
  before: DistanceFigures;
  after: DistanceFigures;
  problem: PMedianProblem;
  solution: PMedianSolution;
};

export function remoteSites(retailers: readonly Site[], towns: readonly { lat: number; lng: number }[], remoteKm: number): Site[] {
  return retailers.filter((r) => towns.every((t) => distanceKm(t, r) > remoteKm));
}

function figures(distances: readonly number[], maxKm: number): DistanceFigures {
  const finite = distances.filter(Number.isFinite);
  return {
    meanKm: finite.length ? finite.reduce((a, b) => a + b, 0) / finite.length : 0,
    maxKm: finite.length ? Math.max(...finite) : 0,
    coverage: distances.length ? distances.filter((d) => d <= maxKm).length / distances.length : 1,
  };
}

export function deliveryProblem(remote: readonly Site[], opts: DeliveryOptions): PMedianProblem {
  const n = remote.length;
  const d = new Float64Array(n * n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) d[i * n + j] = distanceKm(remote[i], remote[j]);
  return {
    demands: n,
    candidates: n,
    p: opts.p,
    // Beyond the maximum a retailer counts as uncovered: the penalty is twice the maximum, so covering wins over shortening.
    uncoveredCost: 2 * opts.maxKm,
    distance: (i, j) => (d[i * n + j] <= opts.maxKm ? d[i * n + j] : Infinity),
  };
}

export function proposeDeliveryPoints(
  retailers: readonly Site[],
  towns: readonly { lat: number; lng: number }[],
  opts: DeliveryOptions,
  limits: SearchLimits = {},
): DeliveryProposal {
  const remote = remoteSites(retailers, towns, opts.remoteKm);
  const problem = deliveryProblem(remote, opts);
  const solution = remote.length ? solvePMedian(problem, 8, 1, limits) : { open: [], assign: [], cost: 0, uncovered: 0 };
  return summarise(remote, towns, opts, problem, solution);
}

export function summarise(
  remote: readonly Site[],
  towns: readonly { lat: number; lng: number }[],
  opts: DeliveryOptions,
  problem: PMedianProblem,
  solution: PMedianSolution,
): DeliveryProposal {
  const before = remote.map((r) => Math.min(...towns.map((t) => distanceKm(t, r))));
  const after = remote.map((r, i) => (solution.assign[i] >= 0 ? distanceKm(r, remote[solution.assign[i]]) : before[i]));
  return {
    remote: [...remote],
    points: solution.open.map((j) => ({ ...remote[j], serves: remote.filter((_, i) => solution.assign[i] === j).map((r) => r.id) })),
    before: figures(before, opts.maxKm),
    after: figures(after, opts.maxKm),
    problem,
    solution,
  };
}
