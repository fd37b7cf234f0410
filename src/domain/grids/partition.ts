// Automatic grid partition: compact grids of balanced monthly workload, each
// inside one service station. Per station: grids start as equal-service runs
// along a Hilbert curve, then a local search moves border retailers (to a grid
// one of their nearest neighbours is in) while that lowers the squared
// deviation from the mean workload plus a small compactness term. Grid counts
// are shared out between stations in proportion to their workload, which is
// re-measured after each round because travel depends on the grids.
import { fromPlane, hilbertOrder, toPlane, type LatLng, type Plane } from './plane.js';
import { balanceFigures, DEFAULT_WORKLOAD_MODEL, travelMinutes, type BalanceFigures, type WorkloadModel } from './workload.js';

export type PartitionPoint = LatLng & {
  id: number;
  station: number;
  /** Visits a month. */
  visits: number;
  /** Minutes on site per visit. */
  serviceMinutes: number;
};

export type PartitionOptions = {
  /** Number of grids in all; or */
  grids?: number;
  /** … a target monthly workload per grid, in minutes. */
  targetWorkload?: number;
  model?: Pick<WorkloadModel, 'speedKmh' | 'detour'>;
  /** Weight of compactness against balance (0 = balance only). */
  compactness?: number;
  /** Nearest neighbours whose grids a retailer may move to. */
  neighbours?: number;
  maxPasses?: number;
};

export type PartitionGrid = {
  station: number;
  /** Ids of the member points. */
  members: number[];
  centre: LatLng;
  workload: number;
  serviceMinutes: number;
  travelMinutes: number;
  /** Mean straight-line distance of the members from the centre, km. */
  meanRadiusKm: number;
};

export type PartitionFigures = BalanceFigures & { meanRadiusKm: number };
export type Partition = { grids: PartitionGrid[]; figures: PartitionFigures };

/** Grid index (into `grids`) of each point index, for any partition of the points. */
export type Assignment = Int32Array;

export function partitionGrids(points: readonly PartitionPoint[], opts: PartitionOptions): Partition {
  const model = opts.model ?? DEFAULT_WORKLOAD_MODEL;
  if (points.length === 0) return { grids: [], figures: { ...balanceFigures([]), meanRadiusKm: 0 } };
  const plane = toPlane(points);
  const stations = groupByStation(points);
  const serviceOf = (idx: number[]) => idx.reduce((a, i) => a + points[i].visits * points[i].serviceMinutes, 0);

  // First estimate: service only, then re-measure with travel and share the grids out again.
  let weights = stations.map((s) => serviceOf(s.idx));
  let counts = gridCounts(weights, stations, opts);
  // Rounds of short searches settle the shares; then one full search per station.
  const quick = { ...opts, maxPasses: Math.min(opts.maxPasses ?? 200, 20) };
  for (let round = 0; round < 4; round++) {
    const rough = stations.map((s, k) => solveStation(points, plane, s.idx, counts[k], model, quick));
    weights = rough.map((s) => s.workload.reduce((a, b) => a + b, 0));
    const next = gridCounts(weights, stations, opts);
    if (next.every((c, k) => c === counts[k])) break;
    counts = next;
  }
  const solved = stations.map((s, k) => solveStation(points, plane, s.idx, counts[k], model, opts));

  const grids: PartitionGrid[] = [];
  solved.forEach((sol, k) => {
    for (let g = 0; g < sol.k; g++) {
      const members = sol.idx.filter((_, j) => sol.assign[j] === g);
      grids.push({
        station: stations[k].station,
        members: members.map((i) => points[i].id),
        centre: fromPlane(plane, sol.cx[g], sol.cy[g]),
        workload: sol.workload[g],
        serviceMinutes: serviceOf(members),
        travelMinutes: sol.workload[g] - serviceOf(members),
        meanRadiusKm: members.length ? members.reduce((a, i) => a + Math.hypot(plane.x[i] - sol.cx[g], plane.y[i] - sol.cy[g]), 0) / members.length : 0,
      });
    }
  });
  return { grids, figures: partitionFigures(grids) };
}

export function partitionFigures(grids: readonly Pick<PartitionGrid, 'workload' | 'meanRadiusKm' | 'members'>[]): PartitionFigures {
  const n = grids.reduce((a, g) => a + g.members.length, 0);
  return {
    ...balanceFigures(grids.map((g) => g.workload)),
    meanRadiusKm: n ? grids.reduce((a, g) => a + g.meanRadiusKm * g.members.length, 0) / n : 0,
  };
}

/**
 * Workload of each group of points (ids grouped by grid), measured the same
 * way as the partition does: centre = visit-weighted mean, travel from it.
 */
export function measureGrids(
  points: readonly PartitionPoint[],
  groups: readonly (readonly number[])[],
  model: Pick<WorkloadModel, 'speedKmh' | 'detour'> = DEFAULT_WORKLOAD_MODEL,
): Pick<PartitionGrid, 'members' | 'centre' | 'workload' | 'serviceMinutes' | 'travelMinutes' | 'meanRadiusKm'>[] {
  const plane = toPlane(points);
  const at = new Map(points.map((p, i) => [p.id, i]));
  return groups.map((ids) => {
    const idx = ids.map((id) => at.get(id)).filter((i): i is number => i !== undefined);
    let sx = 0, sy = 0, sv = 0, service = 0;
    for (const i of idx) {
      sx += points[i].visits * plane.x[i];
      sy += points[i].visits * plane.y[i];
      sv += points[i].visits;
      service += points[i].visits * points[i].serviceMinutes;
    }
    const cx = sv ? sx / sv : 0, cy = sv ? sy / sv : 0;
    let travel = 0, radius = 0;
    for (const i of idx) {
      const d = Math.hypot(plane.x[i] - cx, plane.y[i] - cy);
      travel += points[i].visits * travelMinutes(d, model);
      radius += d;
    }
    return {
      members: [...ids],
      centre: fromPlane(plane, cx, cy),
      workload: service + travel,
      serviceMinutes: service,
      travelMinutes: travel,
      meanRadiusKm: idx.length ? radius / idx.length : 0,
    };
  });
}

type StationGroup = { station: number; idx: number[] };

function groupByStation(points: readonly PartitionPoint[]): StationGroup[] {
  const by = new Map<number, number[]>();
  points.forEach((p, i) => {
    const list = by.get(p.station);
    if (list) list.push(i);
    else by.set(p.station, [i]);
  });
  return [...by.entries()].sort((a, b) => a[0] - b[0]).map(([station, idx]) => ({ station, idx }));
}

/** Grids per station in proportion to workload (largest remainder), at least one, at most one per retailer. */
export function gridCounts(weights: readonly number[], stations: readonly { idx: readonly number[] }[], opts: PartitionOptions): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const cap = stations.map((s) => s.idx.length);
  const n = cap.reduce((a, b) => a + b, 0);
  const wanted = opts.grids ?? (opts.targetWorkload ? Math.round(total / opts.targetWorkload) : Math.ceil(n / 10));
  const k = Math.max(stations.length, Math.min(n, wanted));
  const exact = weights.map((w) => (total > 0 ? (k * w) / total : k / stations.length));
  const out = exact.map(Math.floor);
  let rest = k - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let j = 0; rest > 0; j++, rest--) out[order[j % order.length][1]]++;
  // Fix the bounds one grid at a time: from the station with most grids per unit of work to the one with fewest.
  const perWork = (s: number, c: number) => c / Math.max(weights[s], 1e-9);
  for (let guard = 0; guard < 4 * k; guard++) {
    const low = out.findIndex((c) => c < 1);
    const high = out.findIndex((c, s) => c > cap[s]);
    if (low < 0 && high < 0) break;
    if (low >= 0) {
      const donor = argBest(out, (c, s) => c > 1, (s) => perWork(s, out[s]));
      out[donor]--;
      out[low]++;
    } else {
      const taker = argBest(out, (c, s) => c < cap[s], (s) => -perWork(s, out[s] + 1));
      out[high]--;
      out[taker]++;
    }
  }
  return out;
}

function argBest(xs: readonly number[], ok: (x: number, i: number) => boolean, score: (i: number) => number): number {
  let best = -1;
  xs.forEach((x, i) => {
    if (ok(x, i) && (best < 0 || score(i) > score(best))) best = i;
  });
  return best;
}

type StationSolution = { idx: number[]; k: number; assign: Int32Array; cx: Float64Array; cy: Float64Array; workload: Float64Array };

function solveStation(
  points: readonly PartitionPoint[],
  plane: Plane,
  idx: number[],
  k: number,
  model: Pick<WorkloadModel, 'speedKmh' | 'detour'>,
  opts: PartitionOptions,
): StationSolution {
  const n = idx.length;
  const x = Float64Array.from(idx, (i) => plane.x[i]);
  const y = Float64Array.from(idx, (i) => plane.y[i]);
  const v = Float64Array.from(idx, (i) => points[i].visits);
  const service = Float64Array.from(idx, (i) => points[i].visits * points[i].serviceMinutes);
  const perKm = travelMinutes(1, model);
  const alpha = opts.compactness ?? 0.2;

  // Start: runs of equal service along the Hilbert curve.
  const local = hilbertOrder({ ...plane, x, y }, Array.from({ length: n }, (_, j) => j));
  const assign = new Int32Array(n);
  const totalService = service.reduce((a, b) => a + b, 0);
  let acc = 0;
  for (const j of local) {
    assign[j] = Math.min(k - 1, Math.floor((acc + service[j] / 2) / (totalService / k)));
    acc += service[j];
  }
  const size = new Int32Array(k);
  for (let j = 0; j < n; j++) size[assign[j]]++;
  // Every grid gets a member even when one retailer's service outweighs a run.
  for (let g = 0; g < k; g++) {
    if (size[g] > 0) continue;
    const donor = local.find((j) => size[assign[j]] > 1)!;
    size[assign[donor]]--;
    assign[donor] = g;
    size[g]++;
  }

  const near = nearestNeighbours(x, y, opts.neighbours ?? 12);
  const cx = new Float64Array(k), cy = new Float64Array(k), work = new Float64Array(k);
  const centres = () => {
    const sx = new Float64Array(k), sy = new Float64Array(k), sv = new Float64Array(k);
    for (let j = 0; j < n; j++) {
      const g = assign[j];
      sx[g] += v[j] * x[j];
      sy[g] += v[j] * y[j];
      sv[g] += v[j];
    }
    for (let g = 0; g < k; g++) if (sv[g] > 0) (cx[g] = sx[g] / sv[g]), (cy[g] = sy[g] / sv[g]);
  };
  const cost = (j: number, g: number) => service[j] + v[j] * perKm * Math.hypot(x[j] - cx[g], y[j] - cy[g]);
  const workloads = () => {
    work.fill(0);
    for (let j = 0; j < n; j++) work[assign[j]] += cost(j, assign[j]);
  };

  const maxPasses = opts.maxPasses ?? 200;
  const candidates = new Int32Array((opts.neighbours ?? 12) + 2);
  // Compactness first, then a lighter weight so the last outliers can shed border shops.
  for (const weight of [alpha, alpha / 4])
  for (let pass = 0; pass < maxPasses; pass++) {
    centres();
    workloads();
    const target = work.reduce((a, b) => a + b, 0) / k;
    const t2 = target * target;
    let moved = 0;
    for (let j = 0; j < n; j++) {
      const a = assign[j];
      if (size[a] <= 1) continue;
      let m = 0;
      for (const nb of near[j]) {
        const g = assign[nb];
        if (g !== a && !candidates.subarray(0, m).includes(g)) candidates[m++] = g;
      }
      // … and the nearest other centres, so a grid walled in by its own members can still shed them.
      let c1 = -1, c2 = -1, d1 = Infinity, d2 = Infinity;
      for (let g = 0; g < k; g++) {
        if (g === a) continue;
        const d = (x[j] - cx[g]) ** 2 + (y[j] - cy[g]) ** 2;
        if (d < d1) (c2 = c1), (d2 = d1), (c1 = g), (d1 = d);
        else if (d < d2) (c2 = g), (d2 = d);
      }
      for (const g of [c1, c2]) if (g >= 0 && !candidates.subarray(0, m).includes(g)) candidates[m++] = g;
      if (m === 0) continue;
      const fromA = cost(j, a);
      const wa = work[a] - fromA;
      const before = (work[a] - target) ** 2;
      let best = -1e-9, bestG = -1, bestCost = 0;
      for (let c = 0; c < m; c++) {
        const b = candidates[c];
        const toB = cost(j, b);
        const wb = work[b] + toB;
        const delta =
          ((wa - target) ** 2 + (wb - target) ** 2 - before - (work[b] - target) ** 2) / t2 + (weight * (toB - fromA)) / target;
        if (delta < best) (best = delta), (bestG = b), (bestCost = toB);
      }
      if (bestG < 0) continue;
      work[a] = wa;
      work[bestG] += bestCost;
      size[a]--;
      size[bestG]++;
      assign[j] = bestG;
      moved++;
    }
    // A lone shop can flip between two grids as their centres shift: a trickle of moves means done.
    if (moved === 0 || (pass >= 10 && moved <= Math.max(1, n / 1000))) break;
  }
  centres();
  workloads();
  return { idx, k, assign, cx, cy, workload: work };
}

/** The `m` nearest other points of each point (brute force on the plane: stations are a few thousand retailers). */
function nearestNeighbours(x: Float64Array, y: Float64Array, m: number): Int32Array[] {
  const n = x.length;
  const out: Int32Array[] = [];
  const dist = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) dist[j] = (x[i] - x[j]) ** 2 + (y[i] - y[j]) ** 2;
    const take = Math.min(m, n - 1);
    // Partial selection: m is small.
    const best: number[] = [];
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      if (best.length < take) {
        best.push(j);
        best.sort((a, b) => dist[a] - dist[b]);
      } else if (take > 0 && dist[j] < dist[best[take - 1]]) {
        best[take - 1] = j;
        best.sort((a, b) => dist[a] - dist[b]);
      }
    }
    out.push(Int32Array.from(best));
  }
  return out;
}
