// bench:grid-tiles — grid areas that tile the county (decision 1440): the demo
// county's shops (seed 430281, 3,000 retailers, ~298 grids) as Voronoi cells
// merged per grid and clipped to the boundary, against the convex hulls the map
// drew before; and the overlap check of drawn areas. Last line: one JSON object.
//
//   npm run bench:grid-tiles [-- --retailers 3000]
import { parseArgs } from 'node:util';
import { area, featureCollection, intersect } from '@turf/turf';
import type { Polygon } from 'geojson';
import { generateCounty } from '../src/domain/demo/index.js';
import { demoBoundary, DEFAULT_SEED } from '../src/app/demo/demo-seed.js';
import { memberHull } from '../src/domain/grids/member-hull.js';
import { findOverlaps, tileGrids } from '../src/domain/grids/grid-tiles.js';

const { values: args } = parseArgs({ options: { retailers: { type: 'string', default: '3000' } } });
const county = generateCounty({ seed: DEFAULT_SEED, today: new Date('2026-11-24T02:00:00Z'), boundary: demoBoundary(), retailers: Number(args.retailers), weeks: 1 });
const points = county.retailers.map((r) => ({ lat: r.lat, lng: r.lng, gridId: r.grid }));
const boundary = demoBoundary() as Polygon;

// CPU time as well as wall time: on a shared machine the wall clock mostly measures the neighbours.
const cpuMs = () => process.cpuUsage().user / 1000;
let t = performance.now();
let c = cpuMs();
const tiles = tileGrids(boundary, points, []);
const tileMs = performance.now() - t;
const tileCpuMs = cpuMs() - c;

const byGrid = new Map<number, { lat: number; lng: number }[]>();
for (const p of points) byGrid.set(p.gridId, [...(byGrid.get(p.gridId) ?? []), p]);
t = performance.now();
const hulls = [...byGrid].map(([gridId, own]) => ({ gridId, area: memberHull(own)! }));
const hullMs = performance.now() - t;
t = performance.now();
const hullOverlaps = findOverlaps(hulls, 0.02);
const overlapMs = performance.now() - t;
const tileOverlaps = findOverlaps([...tiles.areas].map(([gridId, a]) => ({ gridId, area: a as Polygon })), 0.0001);
const county_km2 = area(boundary) / 1e6;
const tiled_km2 = [...tiles.areas.values()].reduce((s, a) => s + area(a), 0) / 1e6;
const outside = [...tiles.areas.values()].filter((a) => !intersect(featureCollection([{ type: 'Feature', properties: {}, geometry: a }, { type: 'Feature', properties: {}, geometry: boundary }]))).length;
const bytes = JSON.stringify([...tiles.areas.values()]).length;

console.log(`grids ${byGrid.size}, retailers ${points.length}`);
console.log(`tiles: ${tileMs.toFixed(0)} ms (CPU ${tileCpuMs.toFixed(0)} ms), cover ${tiled_km2.toFixed(1)} of ${county_km2.toFixed(1)} km², overlapping pairs ${tileOverlaps.length}, ${(bytes / 1024).toFixed(0)} kB`);
console.log(`hulls (before): ${hullMs.toFixed(0)} ms, overlapping pairs (≥ 2 % of the smaller) ${hullOverlaps.length}; overlap check ${overlapMs.toFixed(0)} ms`);
console.log(JSON.stringify({ grids: byGrid.size, retailers: points.length, tile_ms: Math.round(tileMs), tile_cpu_ms: Math.round(tileCpuMs), tiled_km2: Math.round(tiled_km2 * 10) / 10, county_km2: Math.round(county_km2 * 10) / 10, tile_overlaps: tileOverlaps.length, tiles_kb: Math.round(bytes / 1024), hull_overlaps: hullOverlaps.length, overlap_check_ms: Math.round(overlapMs), outside }));
