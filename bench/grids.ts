// bench:grids — partition the demo county (seed 430281, 3,000 retailers) into
// as many grids as the demo has (about 298), balanced by monthly workload
// within station boundaries, and compare with plain k-means on the same
// points and the same grid count per station. Then second-level delivery:
// p points for the remote retailers by the p-median heuristic, against the
// exact MIP optimum from HiGHS (worker thread). Last line: one JSON object.
//
//   npm run bench:grids [-- --retailers 3000 --seed 430281 --grids N --p 8 --max-km 5 --remote-km 5.5]
import { parseArgs } from 'node:util';
import { generateCounty, gridCount } from '../src/domain/demo/index.js';
import { demoBoundary, DEFAULT_SEED } from '../src/app/demo/demo-seed.js';
import { kMeans } from '../src/domain/grids/kmeans.js';
import { measureGrids, partitionFigures, partitionGrids, type PartitionPoint } from '../src/domain/grids/partition.js';
import { serviceMinutes, visitsPerMonth } from '../src/domain/grids/workload.js';
import { proposeDeliveryPoints } from '../src/domain/grids/delivery-points.js';
import { fromMipColumns, pMedianLp } from '../src/domain/grids/p-median-mip.js';
import { solveMip } from '../src/solver/solve-mip.js';

const { values: args } = parseArgs({
  options: {
    retailers: { type: 'string', default: '3000' },
    seed: { type: 'string', default: String(DEFAULT_SEED) },
    grids: { type: 'string' },
    p: { type: 'string', default: '8' },
    'max-km': { type: 'string', default: '5' },
    'remote-km': { type: 'string', default: '5.5' },
  },
});
const n = Number(args.retailers);
const county = generateCounty({ seed: Number(args.seed), today: new Date('2026-11-24T02:00:00Z'), boundary: demoBoundary(), retailers: n, weeks: 1 });
const points: PartitionPoint[] = county.retailers.map((r, i) => ({
  id: i,
  lat: r.lat,
  lng: r.lng,
  station: r.station,
  visits: visitsPerMonth(r),
  serviceMinutes: serviceMinutes(r),
}));
const grids = args.grids ? Number(args.grids) : gridCount(n);

const t0 = performance.now();
const result = partitionGrids(points, { grids });
const seconds = (performance.now() - t0) / 1000;

// Plain k-means per station with the same grid counts, measured with the same workload model.
const perStation = new Map<number, number>();
for (const g of result.grids) perStation.set(g.station, (perStation.get(g.station) ?? 0) + 1);
const kmGroups: number[][] = [];
for (const [station, k] of perStation) {
  const own = points.filter((p) => p.station === station);
  const assign = kMeans(own, k, 1);
  const groups: number[][] = Array.from({ length: k }, () => []);
  own.forEach((p, j) => groups[assign[j]].push(p.id));
  kmGroups.push(...groups.filter((g) => g.length > 0));
}
const km = partitionFigures(measureGrids(points, kmGroups));
// Today's demo grids, for reference.
const demoGroups: number[][] = county.grids.map(() => []);
county.retailers.forEach((r, i) => demoGroups[r.grid].push(i));
const demo = partitionFigures(measureGrids(points, demoGroups.filter((g) => g.length)));

const f = result.figures;
const line = (name: string, x: typeof f) =>
  `${name.padEnd(22)} grids ${String(x.grids).padStart(4)}  workload min ${x.min.toFixed(0).padStart(5)}  mean ${x.mean.toFixed(0).padStart(5)}  max ${x.max
    .toFixed(0)
    .padStart(5)} min/month  max/min ${x.maxMinRatio.toFixed(3)}  cv ${x.cv.toFixed(3)}  mean radius ${x.meanRadiusKm.toFixed(2)} km`;
console.log(`demo county seed ${args.seed}: ${points.length} retailers, ${perStation.size} stations, grids per station ${[...perStation.values()].join('/')}`);
console.log(line('balanced partition', f));
console.log(line('plain k-means', km));
console.log(line('demo grids (today)', demo));
console.log(`partition time ${seconds.toFixed(2)} s`);

// Second-level delivery for the remote retailers.
const towns = county.places.filter((p) => p.kind === 'town');
const active = county.retailers.map((r, i) => ({ id: i, lat: r.lat, lng: r.lng, ok: r.status === 'active' })).filter((r) => r.ok);
const opts = { p: Number(args.p), maxKm: Number(args['max-km']), remoteKm: Number(args['remote-km']) };
const t1 = performance.now();
const delivery = proposeDeliveryPoints(active, towns, opts);
const heuristicSeconds = (performance.now() - t1) / 1000;
const t2 = performance.now();
const mip = await solveMip(pMedianLp(delivery.problem), 120);
const mipSeconds = (performance.now() - t2) / 1000;
const exact = fromMipColumns(delivery.problem, mip.columns);
const gap = exact.cost > 0 ? (delivery.solution.cost - exact.cost) / exact.cost : 0;
const kmText = (x: number) => x.toFixed(2);
console.log(
  `delivery: ${delivery.remote.length} remote retailers (> ${opts.remoteKm} km from every town centre), ${opts.p} points, max ${opts.maxKm} km`,
);
console.log(`  before (to nearest town centre): mean ${kmText(delivery.before.meanKm)} km, max ${kmText(delivery.before.maxKm)} km, within ${opts.maxKm} km ${(100 * delivery.before.coverage).toFixed(1)}%`);
console.log(`  after  (to nearest point):       mean ${kmText(delivery.after.meanKm)} km, max ${kmText(delivery.after.maxKm)} km, within ${opts.maxKm} km ${(100 * delivery.after.coverage).toFixed(1)}%`);
console.log(`  heuristic cost ${delivery.solution.cost.toFixed(3)} in ${heuristicSeconds.toFixed(2)} s; exact MIP (HiGHS ${mip.status}) ${exact.cost.toFixed(3)} in ${mipSeconds.toFixed(2)} s; gap ${(100 * gap).toFixed(2)}%`);
console.log(
  JSON.stringify({
    retailers: points.length,
    grids: f.grids,
    workload_max_min_ratio: round(f.maxMinRatio),
    workload_cv: round(f.cv),
    mean_radius_km: round(f.meanRadiusKm),
    kmeans_workload_max_min_ratio: round(km.maxMinRatio),
    kmeans_workload_cv: round(km.cv),
    kmeans_grids: km.grids,
    demo_workload_max_min_ratio: round(demo.maxMinRatio),
    seconds: round(seconds),
    delivery_remote_retailers: delivery.remote.length,
    delivery_points: delivery.points.length,
    delivery_mean_km_before: round(delivery.before.meanKm),
    delivery_mean_km_after: round(delivery.after.meanKm),
    delivery_coverage_after: round(delivery.after.coverage),
    delivery_heuristic_cost: round(delivery.solution.cost),
    delivery_mip_cost: round(exact.cost),
    delivery_mip_status: mip.status,
    delivery_gap: round(gap),
    delivery_heuristic_seconds: round(heuristicSeconds),
    delivery_mip_seconds: round(mipSeconds),
  }),
);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
