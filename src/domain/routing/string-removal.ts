import type { RoutingProblem } from './problem.js';
import type { Random } from './random.js';
import type { Draft } from './solution.js';

export interface StringRemovalParams {
  /** Average number of jobs removed per ruin (c̄). */
  averageRemoved: number;
  /** Longest string removed from one route (L_max). */
  maxStringLength: number;
  /** Probability of the split-string variant. */
  splitRate: number;
  /** Chance of stopping to grow the preserved part of a split string (β). */
  splitDepth: number;
}

/** For each job, every job ordered by distance (itself first). */
export function nearestJobs(problem: RoutingProblem, jobs: readonly number[]): Int32Array[] {
  const { nodeCount: n, distance } = problem;
  const result: Int32Array[] = new Array(n);
  for (const job of jobs) {
    const order = jobs.slice().sort((a, b) => distance[job * n + a] - distance[job * n + b]);
    const self = order.indexOf(job);
    if (self > 0) {
      order.splice(self, 1);
      order.unshift(job);
    }
    result[job] = Int32Array.from(order);
  }
  return result;
}

/**
 * SISR ruin (Christiaens & Vanden Berghe 2020): strings of consecutive jobs
 * are cut from routes near a random seed job, so the recreate step can
 * rebuild a whole neighbourhood. Periodic jobs lose all their visits.
 * Returns the removed jobs; routes are left dirty for `refreshDirty`.
 */
export function removeStrings(
  problem: RoutingProblem,
  draft: Draft,
  neighbours: readonly Int32Array[],
  random: Random,
  params: StringRemovalParams,
): number[] {
  const base = draft.base;
  const { days } = problem;
  const removed: number[] = [];
  if (base.routes.length === 0) return removed;
  let visits = 0;
  for (const route of base.routes) visits += route.nodes.length;
  const maxLength = Math.min(params.maxStringLength, visits / base.routes.length);
  const maxStrings = (4 * params.averageRemoved) / (1 + maxLength) - 1;
  const stringCount = Math.floor(random.next() * maxStrings) + 1;

  const seedRoute = base.routes[random.int(base.routes.length)];
  const seed = seedRoute.nodes[random.int(seedRoute.nodes.length)];
  const day = seedRoute.day;
  const ruined = new Set<number>();
  const isRemoved = new Set<number>();
  for (const candidate of neighbours[seed]) {
    if (ruined.size >= stringCount) break;
    if (isRemoved.has(candidate)) continue;
    let routeIndex = base.routeOf[candidate * days + day];
    if (routeIndex < 0) {
      // Not out on the seed's day: cut from one of its own days, so that with
      // few routes a day the ruin still spans a neighbourhood.
      const chosen = base.pattern[candidate];
      if (chosen < 0) continue;
      const own = problem.patterns[candidate][chosen];
      routeIndex = base.routeOf[candidate * days + own[random.int(own.length)]];
    }
    if (routeIndex < 0 || ruined.has(routeIndex)) continue;
    const nodes = draft.routes[routeIndex].nodes;
    const at = nodes.indexOf(candidate);
    if (at < 0) continue;
    const lengthCap = Math.min(nodes.length, maxLength);
    const length = Math.floor(random.next() * lengthCap) + 1;
    const cut =
      random.next() < params.splitRate && length < nodes.length
        ? splitString(nodes, at, length, random, params.splitDepth)
        : plainString(nodes, at, length, random);
    ruined.add(routeIndex);
    for (const job of cut) {
      isRemoved.add(job);
      removed.push(job);
      draft.removeJob(job);
    }
  }
  draft.refreshDirty();
  return removed;
}

function plainString(nodes: readonly number[], at: number, length: number, random: Random): number[] {
  const len = nodes.length;
  const earliestStart = Math.max(0, at - length + 1);
  const latestStart = Math.min(at, len - length);
  const first = earliestStart + random.int(latestStart - earliestStart + 1);
  return nodes.slice(first, first + length);
}

/** A string of length + kept jobs around `at`, of which `kept` consecutive ones stay. */
function splitString(
  nodes: readonly number[],
  at: number,
  length: number,
  random: Random,
  splitDepth: number,
): number[] {
  const len = nodes.length;
  let kept = 1;
  while (length + kept < len && random.next() > splitDepth) kept++;
  const span = length + kept;
  const earliestStart = Math.max(0, at - span + 1);
  const latestStart = Math.min(at, len - span);
  const first = earliestStart + random.int(latestStart - earliestStart + 1);
  const keepFrom = first + random.int(length + 1);
  const cut: number[] = [];
  for (let i = first; i < first + span; i++) {
    if (i < keepFrom || i >= keepFrom + kept) cut.push(nodes[i]);
  }
  return cut;
}
