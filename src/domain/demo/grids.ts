// Grids (网格): compact runs of nearby retailers within one township, each
// with one responsible worker of the township's station (一网一员); a worker
// holds several neighbouring grids. Each grid has an order day, the day its
// delivery route runs, which most of its retailers follow.
import { hilbertKey, type LatLng } from './geometry.js';
import { STATIONS } from './places.js';
import type { Rng } from './random.js';
import { apportion, type Setting } from './retailer-sites.js';

export type GridPlan = {
  code: string;
  name: string;
  station: number;
  township: string;
  /** 0-based index into the workers. */
  worker: number;
  weekday: number;
  policy: string;
  targets: Record<string, number>;
};

export type WorkerSlot = { number: number; station: number };

type Placed = LatLng & { township: string; station: number; setting: Setting };

const POLICY: Record<Setting, string> = {
  city: '城区商圈网格：集中客户定点服务，每周走访重点客户，维护形象店与客户代表，推进高端品牌陈列。',
  town: '集镇网格：定点服务为主，逢集日加强走访，节假日前做好货源告知与应急补货。',
  village: '农村网格：零散客户流动服务，远端与年长客户以电话订货为主，配合委托代送户送货。',
};

/** How many workers each station gets: at least two, the rest by its number of retailers. */
export function workersPerStation(total: number, retailersByStation: readonly number[]): number[] {
  const min = 2;
  return apportion(total - min * retailersByStation.length, retailersByStation).map((n) => n + min);
}

export function planGrids(
  rng: Rng,
  placed: readonly Placed[],
  opts: { grids: number; workers: number },
): { grids: GridPlan[]; gridOf: number[]; weekdayOf: number[]; workers: WorkerSlot[] } {
  const box = {
    minLat: Math.min(...placed.map((p) => p.lat)),
    maxLat: Math.max(...placed.map((p) => p.lat)),
    minLng: Math.min(...placed.map((p) => p.lng)),
    maxLng: Math.max(...placed.map((p) => p.lng)),
  };
  const townships: { name: string; station: number; members: number[] }[] = [];
  const byName = new Map<string, (typeof townships)[number]>();
  placed.forEach((p, i) => {
    let t = byName.get(p.township);
    if (!t) {
      t = { name: p.township, station: p.station, members: [] };
      byName.set(p.township, t);
      townships.push(t);
    }
    t.members.push(i);
  });
  townships.sort((a, b) => a.station - b.station);

  const target = Math.max(opts.grids, townships.length);
  const perTownship = apportion(target - townships.length, townships.map((t) => t.members.length)).map((n) => n + 1);

  const byStation = STATIONS.map((_, s) => townships.filter((t) => t.station === s + 1).reduce((a, t) => a + t.members.length, 0));
  const workerCounts = workersPerStation(opts.workers, byStation);
  const workers: WorkerSlot[] = [];
  workerCounts.forEach((count, s) => {
    for (let k = 0; k < count; k++) workers.push({ number: workers.length + 1, station: s + 1 });
  });

  const grids: GridPlan[] = [];
  const gridOf: number[] = new Array(placed.length);
  townships.forEach((t, ti) => {
    const sorted = [...t.members].sort((a, b) => hilbertKey(placed[a], box) - hilbertKey(placed[b], box) || a - b);
    const sizes = apportion(sorted.length, new Array(Math.min(perTownship[ti], sorted.length)).fill(1));
    let at = 0;
    sizes.forEach((size, k) => {
      const members = sorted.slice(at, (at += size));
      const settings = members.map((m) => placed[m].setting);
      const setting = (['city', 'town', 'village'] as const).reduce((best, s) =>
        settings.filter((x) => x === s).length > settings.filter((x) => x === best).length ? s : best,
      );
      const gridIndex = grids.length;
      for (const m of members) gridOf[m] = gridIndex;
      const stationGrids = grids.filter((g) => g.station === t.station).length;
      grids.push({
        code: `${STATIONS[t.station - 1].code}-${String(stationGrids + 1).padStart(3, '0')}`,
        name: `${t.name}第${k + 1}网格`,
        station: t.station,
        township: t.name,
        worker: -1,
        weekday: 0,
        policy: POLICY[setting],
        targets: {
          visitsPerMonth: members.length * (setting === 'city' ? 2 : 1),
          eSettlementRate: setting === 'village' ? 0.85 : 0.95,
          newBrandListings: setting === 'village' ? 1 : 3,
        },
      });
    });
  });

  // Each station's grids, already in township and curve order, go to its workers in contiguous runs.
  STATIONS.forEach((_, s) => {
    const own = grids.filter((g) => g.station === s + 1);
    const staff = workers.filter((w) => w.station === s + 1);
    const runs = apportion(own.length, new Array(staff.length).fill(1));
    let at = 0;
    runs.forEach((count, k) => {
      own.slice(at, (at += count)).forEach((g, j) => {
        g.worker = staff[k].number - 1;
        g.weekday = ((j + k) % 5) + 1;
      });
    });
  });

  const weekdayOf = placed.map((_, i) => (rng.chance(0.85) ? grids[gridOf[i]].weekday : rng.range(1, 5)));
  return { grids, gridOf, weekdayOf, workers };
}
