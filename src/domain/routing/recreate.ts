import type { RoutingProblem } from './problem.js';
import type { Random } from './random.js';
import { EPSILON, fitsAlone, fitsInTime } from './route.js';
import type { Draft } from './solution.js';

/**
 * Greedy insertion with blinks (SISR recreate): each job in turn goes to its
 * cheapest feasible place, skipping each candidate position with probability
 * `blinkRate`. For a periodic job the cheapest allowed day pattern wins, its
 * cost being the sum of the cheapest insertion on each of its days. Jobs with
 * no feasible place join `draft.unassigned`.
 */
export function insertJobs(
  problem: RoutingProblem,
  draft: Draft,
  jobs: readonly number[],
  random: Random,
  blinkRate: number,
): void {
  const { days } = problem;
  const dayCost = new Float64Array(days);
  const dayRoute = new Int32Array(days);
  const dayPosition = new Int32Array(days);
  const dayDone = new Uint8Array(days);
  for (const job of jobs) {
    dayDone.fill(0);
    let bestPattern = -1;
    let bestCost = Infinity;
    const patterns = problem.patterns[job];
    for (let p = 0; p < patterns.length; p++) {
      let cost = 0;
      for (const day of patterns[p]) {
        if (!dayDone[day]) {
          cheapestOnDay(problem, draft, job, day, random, blinkRate, dayCost, dayRoute, dayPosition);
          dayDone[day] = 1;
        }
        cost += dayCost[day];
        if (cost >= bestCost) break;
      }
      if (cost < bestCost) {
        bestCost = cost;
        bestPattern = p;
      }
    }
    if (bestPattern < 0 || bestCost === Infinity) {
      draft.unassigned.push(job);
      continue;
    }
    for (const day of patterns[bestPattern]) draft.insert(job, day, dayRoute[day], dayPosition[day]);
    draft.pattern[job] = bestPattern;
  }
}

function cheapestOnDay(
  problem: RoutingProblem,
  draft: Draft,
  job: number,
  day: number,
  random: Random,
  blinkRate: number,
  outCost: Float64Array,
  outRoute: Int32Array,
  outPosition: Int32Array,
): void {
  const { nodeCount: n, distance, demand, capacity, start, end } = problem;
  let best = Infinity;
  let bestRoute = -1;
  let bestPosition = -1;
  const routes = draft.routes;
  const jobRow = job * n;
  for (let r = 0; r < routes.length; r++) {
    const route = routes[r];
    const { nodes } = route;
    const len = nodes.length;
    if (route.day !== day || len === 0) continue;
    if (route.load + demand[job] > capacity + EPSILON) continue;
    let prev = start;
    for (let position = 0; position <= len; position++) {
      const next = position === len ? end : nodes[position];
      const delta = distance[prev * n + job] + distance[jobRow + next] - distance[prev * n + next];
      prev = next;
      if (delta >= best) continue;
      if (blinkRate > 0 && random.next() < blinkRate) continue;
      if (!fitsInTime(problem, route, job, position)) continue;
      best = delta;
      bestRoute = r;
      bestPosition = position;
    }
  }
  if (draft.activeRoutes[day] < problem.vehiclesPerDay) {
    const delta = distance[start * n + job] + distance[jobRow + end];
    if (delta < best && fitsAlone(problem, job)) {
      best = delta;
      bestRoute = -1;
      bestPosition = 0;
    }
  }
  outCost[day] = best;
  outRoute[day] = bestRoute;
  outPosition[day] = bestPosition;
}
