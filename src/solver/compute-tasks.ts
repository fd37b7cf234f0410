// The computations that run in a worker thread (src/solver/compute.ts): pure
// functions from plain data to plain data (structured-cloneable: no
// functions, no Maps of closures), each a thin call into src/domain.
import { countNeighbours, pickDenseSpots, type DenseSpot } from '../domain/grids/dense-spots.js';
import { proposeDeliveryPoints, type DeliveryOptions, type DistanceFigures, type Site } from '../domain/grids/delivery-points.js';
import { partitionGrids, type Partition, type PartitionOptions, type PartitionPoint } from '../domain/grids/partition.js';
import { planWorkerCycle, type CyclePlan, type CyclePlanRequest, type CycleSolveOptions } from '../domain/visits/plan-worker-cycle.js';

export type DeliveryPointsResult = {
  remote: number;
  points: { id: number; lat: number; lng: number; serves: number[] }[];
  before: DistanceFigures;
  after: DistanceFigures;
  /** The search stopped at its time limit and returned the best points found so far. */
  stoppedEarly: boolean;
};

export const tasks = {
  /** p-median over the remote retailers; the search gives its best after `searchMs`. */
  deliveryPoints(input: { sites: Site[]; towns: { lat: number; lng: number }[]; opts: DeliveryOptions; searchMs: number }): DeliveryPointsResult {
    const p = proposeDeliveryPoints(input.sites, input.towns, input.opts, { timeLimitMs: input.searchMs });
    const stoppedEarly = 'stoppedEarly' in p.solution && p.solution.stoppedEarly === true;
    return { remote: p.remote.length, points: p.points, before: p.before, after: p.after, stoppedEarly };
  },

  /** Neighbour counts of the centres among all active retailers, then the densest separate spots. */
  denseSpots(input: { centres: { id: number; lat: number; lng: number }[]; all: { id: number; lat: number; lng: number }[]; radiusKm: number; minCount: number }): DenseSpot[] {
    const counts = countNeighbours(input.centres, input.all, input.radiusKm);
    const candidates = input.centres.map((c, i) => ({ ...c, neighbours: counts[i] })).filter((c) => c.neighbours + 1 >= input.minCount);
    return pickDenseSpots(candidates, input.radiusKm);
  },

  gridPartition(input: { points: PartitionPoint[]; opts: PartitionOptions }): Partition {
    return partitionGrids(input.points, input.opts);
  },

  visitCycle(input: { request: CyclePlanRequest; options: Omit<CycleSolveOptions, 'now'> }): CyclePlan {
    return planWorkerCycle(input.request, input.options);
  },

  /** For tests of the executor itself: spins for `ms` (past a budget), or throws. */
  probe(input: { spinMs?: number; fail?: string }): { spun: number } {
    if (input.fail) throw new Error(input.fail);
    const t = Date.now();
    while (Date.now() - t < (input.spinMs ?? 0));
    return { spun: Date.now() - t };
  },
};

export type ComputeTasks = typeof tasks;
export type ComputeKind = keyof ComputeTasks;
