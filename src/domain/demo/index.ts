// The demo county, modelled on 醴陵市: everything except the order lines,
// which the database generates from `orders` (see order-params.ts). Pure and
// deterministic: the same seed, reference day and size give the same county.
import { centroid } from '@turf/centroid';
import { chinaDay } from './calendar.js';
import { insideTest, offsetKm, pullInside, roundPosition, type Boundary } from './geometry.js';
import { planGrids, type GridPlan } from './grids.js';
import { initialRatings } from './initial-rating.js';
import { assortment, orderWeeks, retailerOrderParams, type AssortmentItem, type OrderWeek, type RetailerOrderParams } from './order-params.js';
import { COUNTY, STATIONS, generateVillages, placeTowns } from './places.js';
import { productCatalogue, type Product } from './products.js';
import { streamFor } from './random.js';
import { chooseBlankVillages, placeRetailerSites } from './retailer-sites.js';
import { generateRetailer, type RetailerFile } from './retailers.js';
import { demoStaff, retailerAccount, type DemoUser } from './staff.js';

export type { Boundary } from './geometry.js';
export type { DemoUser } from './staff.js';
export { DEMO_PASSWORDS } from './staff.js';

export const DEMO_DEFAULTS = { retailers: 3000, weeks: 104, grids: 298, workers: 22 } as const;

export type DemoPlace = { name: string; kind: 'town' | 'village'; township: string; population: number; lat: number; lng: number };
export type DemoRetailer = RetailerFile & { grid: number; orderWeekday: number; star: number; tier: number; classCode: string };

export type DemoCounty = {
  org: { code: string; name: string; adcode: string; boundary: Boundary; centerLat: number; centerLng: number };
  stations: { code: string; name: string; address: string; lat: number; lng: number }[];
  places: DemoPlace[];
  /** Names of the villages left without any retailer within 2 km. */
  blankVillages: string[];
  users: DemoUser[];
  grids: GridPlan[];
  retailers: DemoRetailer[];
  products: Product[];
  orders: { weeks: OrderWeek[]; retailers: RetailerOrderParams[]; assortment: AssortmentItem[] };
};

export type GenerateOptions = { seed: number; today: Date; boundary: Boundary; retailers?: number; weeks?: number };

/** About 298 grids for 3,000 retailers; small counties keep enough grids for every worker to hold a couple. */
export function gridCount(retailers: number): number {
  return Math.min(Math.floor(retailers / 3), Math.max(60, Math.round((DEMO_DEFAULTS.grids * retailers) / DEMO_DEFAULTS.retailers)));
}

export function generateCounty(opts: GenerateOptions): DemoCounty {
  const n = opts.retailers ?? DEMO_DEFAULTS.retailers;
  const today = chinaDay(opts.today);
  const inside = insideTest(opts.boundary);
  const [centerLng, centerLat] = centroid(opts.boundary).geometry.coordinates;
  const centre = roundPosition({ lat: centerLat, lng: centerLng });

  const towns = placeTowns(inside, centre);
  const villages = generateVillages(streamFor(opts.seed, 'villages'), towns, inside);
  const blank = chooseBlankVillages(streamFor(opts.seed, 'blank'), villages, towns);
  const sites = placeRetailerSites(streamFor(opts.seed, 'sites'), n, towns, villages, blank, inside);

  const rng = streamFor(opts.seed, 'retailers');
  const phones = new Set<string>();
  const ctx = { today, phones, names: new Set<string>() };
  const files = sites.map((site, i) => generateRetailer(rng, i, site, ctx));

  const plan = planGrids(streamFor(opts.seed, 'grids'), files, { grids: gridCount(n), workers: DEMO_DEFAULTS.workers });

  const weeks = orderWeeks(today, opts.weeks ?? DEMO_DEFAULTS.weeks);
  const products = productCatalogue();
  const orderRng = streamFor(opts.seed, 'orders');
  const params = files.map((f, i) => retailerOrderParams(orderRng, i, f, plan.weekdayOf[i], weeks));
  const items = params.map((p, i) => assortment(orderRng, p, files[i].businessFormat, products, weeks.length));
  const ratings = initialRatings(files, params, items, products);

  const retailers: DemoRetailer[] = files.map((f, i) => ({
    ...f,
    grid: plan.gridOf[i],
    orderWeekday: plan.weekdayOf[i],
    star: ratings[i].star,
    tier: ratings[i].tier,
    classCode: ratings[i].classCode,
  }));

  const staffRng = streamFor(opts.seed, 'staff');
  const users = demoStaff(staffRng, STATIONS.length, plan.workers, phones);
  // The retailer account is an active, e-settled shop in one of worker1's grids.
  const own = retailers.findIndex((r) => plan.grids[r.grid].worker === 0 && r.status === 'active' && r.eSettlement);
  const mine = own >= 0 ? own : retailers.findIndex((r) => plan.grids[r.grid].worker === 0);
  if (mine >= 0) users.push(retailerAccount(mine, retailers[mine].legalPerson, retailers[mine].phone));

  const stations = STATIONS.map((s) => {
    const seat = towns.find((t) => t.name === s.seat)!;
    const p = roundPosition(pullInside(offsetKm(seat, 0.25, 0.15), seat, inside));
    return { code: s.code, name: s.name, address: `${COUNTY.short}${seat.name}${seat.roads[0]}${staffRng.range(10, 120)}号`, ...p };
  });

  const places: DemoPlace[] = [
    ...towns.map((t) => ({ name: t.name, kind: 'town' as const, township: t.name, population: t.population, lat: t.lat, lng: t.lng })),
    ...villages.map((v) => ({ name: v.name, kind: 'village' as const, township: v.township, population: v.population, lat: v.lat, lng: v.lng })),
  ];

  return {
    org: { code: COUNTY.code, name: COUNTY.name, adcode: COUNTY.adcode, boundary: opts.boundary, centerLat: centre.lat, centerLng: centre.lng },
    stations,
    places,
    blankVillages: [...blank],
    users,
    grids: plan.grids,
    retailers,
    products,
    orders: { weeks, retailers: params, assortment: items.flat() },
  };
}

