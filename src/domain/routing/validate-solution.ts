import type { RoutingProblem } from './problem.js';
import { EPSILON, routeDistance } from './route.js';

export interface RouteToCheck {
  day: number;
  nodes: readonly number[];
}

/**
 * Independent check of a solution: every job visited exactly on the days of
 * one of its allowed patterns, capacity, time windows (waiting allowed), the
 * depot's hours and the fleet per day. Returns the problems found and the
 * recomputed distance; `allowUnassigned` lists jobs that may be missing.
 */
export function validateSolution(
  problem: RoutingProblem,
  routes: readonly RouteToCheck[],
  allowUnassigned: readonly number[] = [],
): { errors: string[]; distance: number } {
  const { nodeCount: n, travelTime, serviceTime, ready, due, demand, start, end, capacity, days } = problem;
  const errors: string[] = [];
  const visitDays: number[][] = Array.from({ length: n }, () => []);
  const perDay = new Array(days).fill(0);
  let distance = 0;
  routes.forEach((route, r) => {
    if (route.day < 0 || route.day >= days) errors.push(`route ${r}: day ${route.day} out of range`);
    else perDay[route.day]++;
    let load = 0;
    let prev = start;
    let time = ready[start];
    for (const node of route.nodes) {
      if (node === start || node === end || node < 0 || node >= n) {
        errors.push(`route ${r}: node ${node} is not a job`);
        continue;
      }
      visitDays[node].push(route.day);
      load += demand[node];
      const arrival = time + serviceTime[prev] + travelTime[prev * n + node];
      if (arrival > due[node] + EPSILON) errors.push(`route ${r}: job ${node} reached at ${arrival} after ${due[node]}`);
      time = Math.max(arrival, ready[node]);
      prev = node;
    }
    const back = time + serviceTime[prev] + travelTime[prev * n + end];
    if (back > due[end] + EPSILON) errors.push(`route ${r}: back at ${back} after ${due[end]}`);
    if (load > capacity + EPSILON) errors.push(`route ${r}: load ${load} over capacity ${capacity}`);
    distance += routeDistance(problem, route.nodes);
  });
  perDay.forEach((count, day) => {
    if (count > problem.vehiclesPerDay) errors.push(`day ${day}: ${count} routes, only ${problem.vehiclesPerDay} vehicles`);
  });
  const allowed = new Set(allowUnassigned);
  for (let node = 0; node < n; node++) {
    if (node === start || node === end) continue;
    const seen = visitDays[node].slice().sort((a, b) => a - b);
    if (seen.length === 0 && allowed.has(node)) continue;
    const matches = problem.patterns[node].some(
      (pattern) => pattern.length === seen.length && [...pattern].sort((a, b) => a - b).every((d, i) => d === seen[i]),
    );
    if (!matches) errors.push(`job ${node}: visited on days [${seen.join(',')}], not an allowed pattern`);
  }
  return { errors, distance };
}
