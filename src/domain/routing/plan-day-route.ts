import { EXACT_STOP_LIMIT, solveDayRouteExactly } from './exact-day-route.js';
import { createProblem } from './problem.js';
import { solveRouting } from './solve-routing.js';

/**
 * One worker's day: leave `start` no earlier than `departAt`, visit shops in
 * their opening hours, arrive at `end` by `returnBy`. Times and durations in
 * one unit (e.g. minutes since midnight), travel times from the matrix.
 */
export interface DayRouteRequest {
  /** Row-major over [start, end, ...stops]; the end may be the same place as the start. */
  distance: Float64Array;
  /** Same layout; defaults to `distance`. */
  travelTime?: Float64Array;
  departAt: number;
  returnBy: number;
  stops: ReadonlyArray<{ serviceTime: number; opensAt: number; closesAt: number }>;
}

export type UnreachableReason =
  /** Even going straight there, the shop has closed (closesAt is the latest start of the visit). */
  | 'closed-on-arrival'
  /** Reachable, but then the end cannot be reached by returnBy. */
  | 'no-time-to-return'
  /** Reachable alone, but not together with the stops kept. */
  | 'does-not-fit';

export interface DayRoutePlan {
  /** Every stop is visited. */
  feasible: boolean;
  /** Stop indices (into `request.stops`) in visiting order. */
  order: number[];
  /** Service start per visited stop, parallel to `order`. */
  startsAt: number[];
  arrivesAtEnd: number;
  distance: number;
  unreachable: Array<{ stop: number; reason: UnreachableReason }>;
  /** Whether the order is proven optimal (dynamic programming), not heuristic. */
  exact: boolean;
}

export interface DayRouteOptions {
  /** Up to this many reachable stops are solved exactly (at most 13). */
  exactUpTo?: number;
  seed?: number;
  maxIterations?: number;
  timeLimitMs?: number;
  now?: () => number;
}

/** Shortest route through a day's stops; exact for small days, SISR beyond. */
export function planDayRoute(request: DayRouteRequest, options: DayRouteOptions = {}): DayRoutePlan {
  const size = request.stops.length + 2;
  if (request.distance.length !== size * size) throw new Error(`distance matrix must be ${size} × ${size}`);
  const travelTime = request.travelTime ?? request.distance;
  const serviceTime = [0, 0, ...request.stops.map((s) => s.serviceTime)];
  const ready = [request.departAt, request.departAt, ...request.stops.map((s) => s.opensAt)];
  const due = [Infinity, request.returnBy, ...request.stops.map((s) => s.closesAt)];
  const input = { distance: request.distance, travelTime, serviceTime, ready, due };

  const unreachable: DayRoutePlan['unreachable'] = [];
  const candidates: number[] = [];
  for (let stop = 0; stop < request.stops.length; stop++) {
    const node = stop + 2;
    const arrival = request.departAt + travelTime[node];
    if (arrival > due[node] + 1e-9) {
      unreachable.push({ stop, reason: 'closed-on-arrival' });
      continue;
    }
    const back = Math.max(arrival, ready[node]) + serviceTime[node] + travelTime[node * size + 1];
    if (back > request.returnBy + 1e-9) unreachable.push({ stop, reason: 'no-time-to-return' });
    else candidates.push(node);
  }

  let order: number[];
  let exact: boolean;
  if (candidates.length <= Math.min(options.exactUpTo ?? 12, EXACT_STOP_LIMIT)) {
    order = solveDayRouteExactly(input, candidates).order;
    exact = true;
  } else {
    // The heuristic sees only the stops that can be reached at all.
    const nodes = [0, 1, ...candidates];
    const k = nodes.length;
    const pick = (matrix: Float64Array) => {
      const sub = new Float64Array(k * k);
      for (let i = 0; i < k; i++) for (let j = 0; j < k; j++) sub[i * k + j] = matrix[nodes[i] * size + nodes[j]];
      return sub;
    };
    const subDistance = pick(request.distance);
    const problem = createProblem({
      distance: subDistance,
      travelTime: travelTime === request.distance ? subDistance : pick(travelTime),
      start: 0,
      end: 1,
      serviceTime: nodes.map((node) => serviceTime[node]),
      ready: nodes.map((node) => ready[node]),
      due: nodes.map((node) => due[node]),
      vehiclesPerDay: 1,
    });
    const result = solveRouting(problem, {
      seed: options.seed,
      maxIterations: options.maxIterations,
      timeLimitMs: options.timeLimitMs,
      now: options.now,
    });
    order = result.routes.flatMap((route) => route.nodes.map((i) => nodes[i]));
    exact = false;
  }
  const kept = new Set(order);
  for (const node of candidates) if (!kept.has(node)) unreachable.push({ stop: node - 2, reason: 'does-not-fit' });
  unreachable.sort((a, b) => a.stop - b.stop);

  const startsAt: number[] = [];
  let distance = 0;
  let prev = 0;
  let time = request.departAt;
  for (const node of order) {
    distance += request.distance[prev * size + node];
    time = Math.max(time + serviceTime[prev] + travelTime[prev * size + node], ready[node]);
    startsAt.push(time);
    prev = node;
  }
  distance += request.distance[prev * size + 1];
  const arrivesAtEnd = time + serviceTime[prev] + travelTime[prev * size + 1];
  return {
    feasible: unreachable.length === 0 && arrivesAtEnd <= request.returnBy + 1e-9,
    order: order.map((node) => node - 2),
    startsAt,
    arrivesAtEnd,
    distance,
    unreachable,
    exact,
  };
}
