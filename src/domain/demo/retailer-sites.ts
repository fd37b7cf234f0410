// Where the retailers are: clustered in the city's 街道, around each town
// centre and in villages, in proportion to population. Some larger villages
// are left without any shop within 2 km (空白村) for layout planning.
import { distanceKm, roundPosition, scatter, type LatLng } from './geometry.js';
import { STATIONS, type Town, type Village } from './places.js';
import type { Rng } from './random.js';

export type Setting = 'city' | 'town' | 'village';

export type Site = LatLng & {
  township: string;
  village: string | null;
  setting: Setting;
  network: 'urban' | 'rural';
  station: number;
};

/** Share of retailers in the city, in town centres and in villages. */
export const SETTING_SHARES = { city: 0.22, town: 0.33, village: 0.45 } as const;
export const BLANK_RADIUS_KM = 2;
/** Population above which an empty village counts as a gap in the network. */
export const BLANK_MIN_POPULATION = 800;

/** Larger villages well away from any town centre, which get no shop at all. */
export function chooseBlankVillages(rng: Rng, villages: readonly Village[], towns: readonly Town[]): Set<string> {
  const candidates = villages.filter(
    (v) => v.population > BLANK_MIN_POPULATION + 100 && towns.every((t) => distanceKm(v, t) > 3.2),
  );
  const want = Math.max(3, Math.round(villages.length * 0.06));
  const chosen = new Set<string>();
  const pool = [...candidates];
  while (chosen.size < want && pool.length) {
    const v = pool.splice(rng.int(pool.length), 1)[0];
    chosen.add(v.name);
  }
  return chosen;
}

/** Split `n` into parts proportional to `weights` (largest remainder). */
export function apportion(n: number, weights: readonly number[]): number[] {
  const total = weights.reduce((a, b) => a + b, 0);
  const exact = weights.map((w) => (total > 0 ? (n * w) / total : 0));
  const out = exact.map(Math.floor);
  let rest = n - out.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => [x - Math.floor(x), i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (let k = 0; rest > 0; k = (k + 1) % order.length, rest--) out[order[k][1]]++;
  return out;
}

export function placeRetailerSites(
  rng: Rng,
  n: number,
  towns: readonly Town[],
  villages: readonly Village[],
  blank: ReadonlySet<string>,
  inside: (p: LatLng) => boolean,
): Site[] {
  const blanks = villages.filter((v) => blank.has(v.name));
  const stationOf = new Map(towns.map((t) => [t.name, t.station]));
  const seats = new Set<string>(STATIONS.map((s) => s.seat));
  const allowed = (p: LatLng) => inside(p) && blanks.every((b) => distanceKm(p, b) > BLANK_RADIUS_KM + 0.05);
  const place = (centre: LatLng, sigmaKm: number, fallback: LatLng): LatLng => {
    for (let i = 0; i < 40; i++) {
      const p = scatter(rng, centre, sigmaKm);
      if (allowed(p)) return roundPosition(p);
    }
    // Crowded against the border or a blank village: fall back to the town centre.
    for (;;) {
      const p = scatter(rng, fallback, 0.3);
      if (allowed(p)) return roundPosition(p);
    }
  };

  const [nCity, nTown] = apportion(n, [SETTING_SHARES.city, SETTING_SHARES.town, SETTING_SHARES.village]);
  const nVillage = n - nCity - nTown;
  const streets = towns.filter((t) => t.kind === 'street');
  const rural = towns.filter((t) => t.kind !== 'street');
  const open = villages.filter((v) => !blank.has(v.name));
  const townByName = new Map(towns.map((t) => [t.name, t]));
  const sites: Site[] = [];

  apportion(nCity, streets.map((t) => t.population)).forEach((count, i) => {
    const t = streets[i];
    for (let k = 0; k < count; k++) {
      sites.push({ ...place(t, 0.9, t), township: t.name, village: null, setting: 'city', network: 'urban', station: t.station });
    }
  });
  apportion(nTown, rural.map((t) => t.population)).forEach((count, i) => {
    const t = rural[i];
    for (let k = 0; k < count; k++) {
      // In a station's seat town the shops on the main streets are served as urban network.
      const core = seats.has(t.name) && rng.chance(0.45);
      sites.push({
        ...place(t, core ? 0.35 : 0.7, t),
        township: t.name,
        village: null,
        setting: 'town',
        network: core ? 'urban' : 'rural',
        station: t.station,
      });
    }
  });
  // Villages: a draw per retailer, weighted by population, so small villages often have none.
  const weights = open.map((v) => v.population);
  for (let k = 0; k < nVillage; k++) {
    const v = rng.weighted(open, weights);
    const t = townByName.get(v.township)!;
    sites.push({ ...place(v, 0.45, t), township: v.township, village: v.name, setting: 'village', network: 'rural', station: stationOf.get(v.township)! });
  }
  // Group by station and township so that codes run by area, as they do in a real file.
  const townOrder = new Map(towns.map((t, i) => [t.name, i]));
  return sites
    .map((s, i) => ({ s, i }))
    .sort((a, b) => a.s.station - b.s.station || townOrder.get(a.s.township)! - townOrder.get(b.s.township)! || a.i - b.i)
    .map((x) => x.s);
}
