/**
 * The routing problem every solver here works on. Nodes are indices into the
 * matrices; `start` and `end` are the depot (they may be the same node), every
 * other node is a job to visit. A job has allowed day patterns (sets of days);
 * a plain VRPTW has one day and every job the pattern [0].
 */
export interface RoutingProblem {
  nodeCount: number;
  /** Row-major nodeCount × nodeCount; distance[i * nodeCount + j]. */
  distance: Float64Array;
  /** Travel time, same layout; the same array as `distance` when time = distance. */
  travelTime: Float64Array;
  start: number;
  end: number;
  serviceTime: Float64Array;
  /** Earliest start of service; for the depot, earliest departure. */
  ready: Float64Array;
  /** Latest start of service; for the end depot, latest arrival. */
  due: Float64Array;
  demand: Float64Array;
  capacity: number;
  days: number;
  /** Routes allowed per day; Infinity when the fleet is free. */
  vehiclesPerDay: number;
  /** For each node, the allowed patterns as lists of days; empty for depots. */
  patterns: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;
}

export interface ProblemInput {
  distance: Float64Array;
  travelTime?: Float64Array;
  start?: number;
  end?: number;
  serviceTime?: ArrayLike<number>;
  ready?: ArrayLike<number>;
  due?: ArrayLike<number>;
  demand?: ArrayLike<number>;
  capacity?: number;
  days?: number;
  vehiclesPerDay?: number;
  /** Defaults to every job on day 0 (days = 1). */
  patterns?: ReadonlyArray<ReadonlyArray<ReadonlyArray<number>>>;
}

/** Fills defaults and checks shapes; throws on inconsistent input. */
export function createProblem(input: ProblemInput): RoutingProblem {
  const n = Math.round(Math.sqrt(input.distance.length));
  if (n * n !== input.distance.length) throw new Error('distance matrix is not square');
  const start = input.start ?? 0;
  const end = input.end ?? start;
  const days = input.days ?? 1;
  const filled = (values: ArrayLike<number> | undefined, fallback: number): Float64Array => {
    if (values && values.length !== n) throw new Error(`expected ${n} values, got ${values.length}`);
    return values ? Float64Array.from(values) : new Float64Array(n).fill(fallback);
  };
  const patterns =
    input.patterns ??
    Array.from({ length: n }, (_, i) => (i === start || i === end ? [] : [[0]]));
  if (patterns.length !== n) throw new Error('one pattern list per node expected');
  for (let i = 0; i < n; i++) {
    if (i === start || i === end) continue;
    if (patterns[i].length === 0) throw new Error(`node ${i} has no allowed pattern`);
    for (const pattern of patterns[i]) {
      for (const day of pattern) {
        if (day < 0 || day >= days) throw new Error(`node ${i} has day ${day} outside 0..${days - 1}`);
      }
    }
  }
  const travelTime = input.travelTime ?? input.distance;
  if (travelTime.length !== n * n) throw new Error('travel-time matrix has the wrong size');
  return {
    nodeCount: n,
    distance: input.distance,
    travelTime,
    start,
    end,
    serviceTime: filled(input.serviceTime, 0),
    ready: filled(input.ready, 0),
    due: filled(input.due, Infinity),
    demand: filled(input.demand, 0),
    capacity: input.capacity ?? Infinity,
    days,
    vehiclesPerDay: input.vehiclesPerDay ?? Infinity,
    patterns,
  };
}

/** Job nodes: every node except the depots. */
export function jobNodes(problem: RoutingProblem): number[] {
  const jobs: number[] = [];
  for (let i = 0; i < problem.nodeCount; i++) {
    if (i !== problem.start && i !== problem.end) jobs.push(i);
  }
  return jobs;
}
