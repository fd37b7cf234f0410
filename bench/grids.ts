// bench:grids — partition the demo county (seed 430281, 3,000 retailers) into
// as many grids as the demo has (about 298), balanced by monthly workload
// within station boundaries, and compare with plain k-means on the same
// points and the same grid count per station. Last line: one JSON object.
//
//   npm run bench:grids [-- --retailers 3000 --seed 430281 --grids N]
import { parseArgs } from 'node:util';
import { generateCounty, gridCount } from '../src/domain/demo/index.js';
import { demoBoundary, DEFAULT_SEED } from '../src/db/demo-seed.js';
import { kMeans } from '../src/domain/grids/kmeans.js';
import { measureGrids, partitionFigures, partitionGrids, type PartitionPoint } from '../src/domain/grids/partition.js';
import { serviceMinutes, visitsPerMonth } from '../src/domain/grids/workload.js';

const { values: args } = parseArgs({
  options: { retailers: { type: 'string', default: '3000' }, seed: { type: 'string', default: String(DEFAULT_SEED) }, grids: { type: 'string' } },
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
  }),
);

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
