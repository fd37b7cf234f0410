import { createProblem, type RoutingProblem } from './problem.js';
import { solveRouting, type SolveOptions } from './solve-routing.js';

/**
 * A periodic plan: every customer is visited `frequency` times over `days`,
 * on the days of one of its allowed patterns, with up to `vehiclesPerDay`
 * routes a day from the depot. (For a grid worker's four-week calendar:
 * days = working days, vehiclesPerDay = 1, patterns from `evenlySpacedPatterns`.)
 */
export interface PeriodicPlanRequest {
  /** Row-major over [depot, ...customers]. */
  distance: Float64Array;
  /** Same layout; defaults to `distance`. */
  travelTime?: Float64Array;
  days: number;
  vehiclesPerDay: number;
  /** Per route and day; default unlimited. */
  capacity?: number;
  /** Longest route (travel + service), in travel-time units; default unlimited. */
  maxDuration?: number;
  customers: ReadonlyArray<{
    demand?: number;
    serviceTime?: number;
    /** Allowed day sets (0-based days), each with `frequency` days. */
    patterns: ReadonlyArray<ReadonlyArray<number>>;
  }>;
}

export interface PeriodicPlan {
  /** Routes with customer indices (into `request.customers`) in visiting order. */
  routes: Array<{ day: number; customers: number[]; distance: number; load: number }>;
  /** Chosen pattern index per customer; -1 if unplanned. */
  patternOf: number[];
  /** Customers for whom no allowed pattern fits. */
  unassigned: number[];
  distance: number;
  iterations: number;
}

/** The engine's view of the request: depot is node 0, customer i is node i + 1. */
export function periodicProblem(request: PeriodicPlanRequest): RoutingProblem {
  const { customers } = request;
  return createProblem({
    distance: request.distance,
    travelTime: request.travelTime,
    start: 0,
    serviceTime: [0, ...customers.map((c) => c.serviceTime ?? 0)],
    due: [request.maxDuration ?? Infinity, ...customers.map(() => Infinity)],
    demand: [0, ...customers.map((c) => c.demand ?? 0)],
    capacity: request.capacity ?? Infinity,
    days: request.days,
    vehiclesPerDay: request.vehiclesPerDay,
    patterns: [[], ...customers.map((c) => c.patterns)],
  });
}

/** Chooses a pattern per customer and routes per day, minimising total distance. */
export function planPeriodicRoutes(request: PeriodicPlanRequest, options: SolveOptions = {}): PeriodicPlan {
  const result = solveRouting(periodicProblem(request), options);
  return {
    routes: result.routes.map((route) => ({
      day: route.day,
      customers: route.nodes.map((node) => node - 1),
      distance: route.distance,
      load: route.load,
    })),
    patternOf: result.pattern.slice(1),
    unassigned: result.unassigned.map((node) => node - 1),
    distance: result.distance,
    iterations: result.iterations,
  };
}

/**
 * Patterns that spread `frequency` visits evenly over `days`: visits every
 * days / frequency days, starting on any day of the first interval. With
 * 20 working days and frequency 4: {0,5,10,15}, {1,6,11,16}, … {4,9,14,19}.
 */
export function evenlySpacedPatterns(frequency: number, days: number): number[][] {
  if (!Number.isInteger(frequency) || frequency < 1 || frequency > days) {
    throw new Error(`frequency must be an integer in 1..${days}, got ${frequency}`);
  }
  const step = days / frequency;
  const patterns: number[][] = [];
  for (let first = 0; first < Math.floor(step); first++) {
    patterns.push(Array.from({ length: frequency }, (_, k) => first + Math.floor(k * step)));
  }
  return patterns;
}
