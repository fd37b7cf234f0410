import type { RoutingProblem } from './problem.js';

/** Slack for floating-point comparisons of times and loads. */
export const EPSILON = 1e-9;

/**
 * One vehicle's route on one day. `earliest[i]` is the earliest service start
 * at position i, `latest[i]` the latest start that keeps the rest of the route
 * on time; with them an insertion is checked in O(1).
 */
export interface Route {
  day: number;
  nodes: number[];
  load: number;
  distance: number;
  earliest: number[];
  latest: number[];
}

export function createRoute(problem: RoutingProblem, day: number, nodes: number[]): Route {
  const route: Route = { day, nodes, load: 0, distance: 0, earliest: [], latest: [] };
  refreshRoute(problem, route);
  return route;
}

export function cloneRoute(route: Route): Route {
  return {
    day: route.day,
    nodes: route.nodes.slice(),
    load: route.load,
    distance: route.distance,
    earliest: route.earliest.slice(),
    latest: route.latest.slice(),
  };
}

/** Recomputes load, distance and the schedule after `nodes` changed. */
export function refreshRoute(problem: RoutingProblem, route: Route): void {
  const { nodes } = route;
  const { nodeCount: n, distance, travelTime, serviceTime, ready, due, demand, start, end } = problem;
  const len = nodes.length;
  route.earliest.length = len;
  route.latest.length = len;
  let load = 0;
  let dist = 0;
  let prev = start;
  let time = ready[start];
  for (let i = 0; i < len; i++) {
    const node = nodes[i];
    load += demand[node];
    dist += distance[prev * n + node];
    time = Math.max(time + serviceTime[prev] + travelTime[prev * n + node], ready[node]);
    route.earliest[i] = time;
    prev = node;
  }
  dist += distance[prev * n + end];
  let latest = due[end];
  let next = end;
  for (let i = len - 1; i >= 0; i--) {
    const node = nodes[i];
    latest = Math.min(due[node], latest - serviceTime[node] - travelTime[node * n + next]);
    route.latest[i] = latest;
    next = node;
  }
  route.load = load;
  route.distance = dist;
}

/** Whether a visiting order keeps capacity and every time window (and the depot's). */
export function isRouteFeasible(problem: RoutingProblem, nodes: readonly number[]): boolean {
  const { nodeCount: n, travelTime, serviceTime, ready, due, demand, start, end, capacity } = problem;
  let load = 0;
  let prev = start;
  let time = ready[start];
  for (const node of nodes) {
    load += demand[node];
    const arrival = time + serviceTime[prev] + travelTime[prev * n + node];
    if (arrival > due[node] + EPSILON) return false;
    time = Math.max(arrival, ready[node]);
    prev = node;
  }
  if (load > capacity + EPSILON) return false;
  return time + serviceTime[prev] + travelTime[prev * n + end] <= due[end] + EPSILON;
}

export function routeDistance(problem: RoutingProblem, nodes: readonly number[]): number {
  const { nodeCount: n, distance, start, end } = problem;
  let dist = 0;
  let prev = start;
  for (const node of nodes) {
    dist += distance[prev * n + node];
    prev = node;
  }
  return dist + distance[prev * n + end];
}

/** Whether `job` fits at `position` (0..length) of `route` without breaking a time window. O(1). */
export function fitsInTime(problem: RoutingProblem, route: Route, job: number, position: number): boolean {
  const { nodeCount: n, travelTime, serviceTime, ready, due, start, end } = problem;
  const { nodes } = route;
  const prev = position === 0 ? start : nodes[position - 1];
  const departure = (position === 0 ? ready[start] : route.earliest[position - 1]) + serviceTime[prev];
  const arrival = departure + travelTime[prev * n + job];
  if (arrival > due[job] + EPSILON) return false;
  const begin = Math.max(arrival, ready[job]);
  const next = position === nodes.length ? end : nodes[position];
  const nextLatest = position === nodes.length ? due[end] : route.latest[position];
  return begin + serviceTime[job] + travelTime[job * n + next] <= nextLatest + EPSILON;
}

/** Whether a route holding only `job` is feasible. */
export function fitsAlone(problem: RoutingProblem, job: number): boolean {
  return problem.demand[job] <= problem.capacity + EPSILON && isRouteFeasible(problem, [job]);
}
