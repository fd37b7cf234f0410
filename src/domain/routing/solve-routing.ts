import { jobNodes, type RoutingProblem } from './problem.js';
import { createRandom, type Random } from './random.js';
import { insertJobs } from './recreate.js';
import { improveLocally } from './local-search.js';
import { Draft, emptySolution, isBetter, solutionCost, type Solution } from './solution.js';
import { nearestJobs, removeStrings, type StringRemovalParams } from './string-removal.js';

export interface SolveOptions {
  seed?: number;
  /** Stop after this many ruin-and-recreate iterations. */
  maxIterations?: number;
  /** Stop after this many milliseconds of `now()`; needs `now`. */
  timeLimitMs?: number;
  /** Clock in milliseconds, injected so the domain never reads time itself. */
  now?: () => number;
  /** Simulated-annealing temperatures, in distance units. */
  initialTemperature?: number;
  finalTemperature?: number;
  /** Cost of leaving a job out; default is far above any insertion cost. */
  unassignedPenalty?: number;
  blinkRate?: number;
  /** Local descent (relocate, swap, 2-opt star, or-opt, 2-opt): on the start and the result (default), also on every new best, or never. */
  localSearch?: 'final' | 'every-best' | 'off';
  ruin?: Partial<StringRemovalParams>;
}

export interface SolvedRoute {
  day: number;
  /** Job nodes in visiting order, depots excluded. */
  nodes: number[];
  distance: number;
  load: number;
}

export interface RoutingResult {
  routes: SolvedRoute[];
  /** Jobs that fit nowhere. */
  unassigned: number[];
  /** Chosen pattern index per node; -1 for depots and unassigned jobs. */
  pattern: number[];
  distance: number;
  iterations: number;
}

const DEFAULT_RUIN: StringRemovalParams = {
  averageRemoved: 10,
  maxStringLength: 10,
  splitRate: 0.5,
  splitDepth: 0.01,
};

/**
 * Minimises total distance by ruin and recreate with string removals (SISR)
 * under simulated annealing, starting from a cheapest-insertion construction.
 * Works for any number of days: a one-day problem is a VRPTW, a several-day
 * one with patterns a periodic VRP.
 */
export function solveRouting(problem: RoutingProblem, options: SolveOptions = {}): RoutingResult {
  const maxIterations = options.maxIterations ?? (options.timeLimitMs === undefined ? 10_000 : Infinity);
  const { timeLimitMs, now } = options;
  if (timeLimitMs !== undefined && !now) throw new Error('timeLimitMs needs a now() clock');
  const random = createRandom(options.seed ?? 1);
  const jobs = jobNodes(problem);
  const penalty = options.unassignedPenalty ?? defaultPenalty(problem, jobs);
  const blinkRate = options.blinkRate ?? 0.01;
  const ruin = { ...DEFAULT_RUIN, ...options.ruin };
  const t0 = options.initialTemperature ?? 10;
  const tEnd = options.finalTemperature ?? 0.5;
  const started = now ? now() : 0;

  const neighbours = nearestJobs(problem, jobs);
  const mode = options.localSearch ?? 'final';
  let current = construct(problem, jobs, random);
  if (mode !== 'off') current = improveLocally(problem, current, neighbours, random);
  let best = current;
  let iterations = 0;
  while (iterations < maxIterations) {
    let progress = iterations / maxIterations;
    if (timeLimitMs !== undefined && now) {
      progress = Math.max(progress, (now() - started) / timeLimitMs);
      if (progress >= 1) break;
    }
    if (jobs.length === 0) break;
    iterations++;
    const temperature = t0 * Math.pow(tEnd / t0, progress);
    const draft = new Draft(problem, current);
    const removed = removeStrings(problem, draft, neighbours, random, ruin);
    const toInsert = removed.concat(draft.unassigned);
    draft.unassigned.length = 0;
    sortForInsertion(problem, toInsert, random);
    insertJobs(problem, draft, toInsert, random, blinkRate);
    const candidate = draft.finish();
    const threshold = solutionCost(current, penalty) - temperature * Math.log(random.next());
    if (solutionCost(candidate, penalty) < threshold) current = candidate;
    if (isBetter(candidate, best)) {
      best = candidate;
      if (mode === 'every-best') {
        best = improveLocally(problem, candidate, neighbours, random);
        current = best;
      }
    }
  }
  if (mode !== 'off') best = improveLocally(problem, best, neighbours, random);
  return toResult(best, iterations);
}

function construct(problem: RoutingProblem, jobs: readonly number[], random: Random): Solution {
  const { nodeCount: n, distance, start } = problem;
  const order = jobs.slice().sort((a, b) => distance[start * n + b] - distance[start * n + a]);
  const draft = new Draft(problem, emptySolution(problem, []));
  insertJobs(problem, draft, order, random, 0);
  return draft.finish();
}

function defaultPenalty(problem: RoutingProblem, jobs: readonly number[]): number {
  const { nodeCount: n, distance, start, end } = problem;
  let worst = 0;
  for (const job of jobs) worst = Math.max(worst, distance[start * n + job] + distance[job * n + end]);
  return 10 * (worst + 1);
}

/** SISR orders: random 4, largest demand 4, farthest 2, closest 1. */
function sortForInsertion(problem: RoutingProblem, jobs: number[], random: Random): void {
  const { nodeCount: n, distance, demand, start } = problem;
  const pick = random.next() * 11;
  if (pick < 4) {
    for (let i = jobs.length - 1; i > 0; i--) {
      const j = random.int(i + 1);
      [jobs[i], jobs[j]] = [jobs[j], jobs[i]];
    }
  } else if (pick < 8) {
    jobs.sort((a, b) => demand[b] - demand[a]);
  } else if (pick < 10) {
    jobs.sort((a, b) => distance[start * n + b] - distance[start * n + a]);
  } else {
    jobs.sort((a, b) => distance[start * n + a] - distance[start * n + b]);
  }
}

function toResult(solution: Solution, iterations: number): RoutingResult {
  return {
    routes: solution.routes.map((route) => ({
      day: route.day,
      nodes: route.nodes.slice(),
      distance: route.distance,
      load: route.load,
    })),
    unassigned: solution.unassigned.slice(),
    pattern: Array.from(solution.pattern),
    distance: solution.distance,
    iterations,
  };
}
