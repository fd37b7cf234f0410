// What drives each retailer's weekly orders: a base volume from its format and
// place, a yearly trend, how often it skips a week or fails the bank
// deduction, and the specs it stocks with their shares. The order lines are
// generated from these by set-based SQL, so the database does the heavy work.
import { addDays, isoDate, orderWeekMondays } from './calendar.js';
import type { Product } from './products.js';
import type { Rng } from './random.js';
import type { RetailerFile } from './retailers.js';
import { minorFestivalEffects, weekFactor, type MinorFestivalEffects } from './spring-festival.js';

/** `factor` moves the whole county; `effects` one kind of shop or price class (the smaller festivals). */
export type OrderWeek = { week: number; monday: string; factor: number; effects: MinorFestivalEffects };

export type RetailerOrderParams = {
  retailer: number;
  weekday: number;
  /** Cartons a week at the end of the history, before noise and festivals. */
  base: number;
  /** Log growth per year (0.2 ≈ +22% a year). */
  growth: number;
  /** First and last week (0-based, inclusive) with orders; last < first means none. */
  firstWeek: number;
  lastWeek: number;
  skipRate: number;
  failRate: number;
  /** Chance that a stocked spec other than the main one is in a given order. */
  lineRate: number;
  channel: 'phone' | 'self' | 'visit';
  settlementMethod: string;
  /** 0..1: how far the shop leans to expensive specs. */
  upscale: number;
};

export type AssortmentItem = { retailer: number; product: number; share: number; rank: number; launchWeek: number };

const MEDIAN_BASE: Record<string, number> = { Z: 18, B: 32, S: 75, N: 150, Y: 65, F: 16, Q: 8 };
const STOCKED: Record<string, [number, number]> = { Z: [6, 11], B: [9, 16], S: [16, 30], N: [25, 40], Y: [18, 32], F: [5, 10], Q: [3, 7] };
/** Weeks before the reference date that new specs were launched. */
export const NEW_SPEC_WEEKS = 14;

export function orderWeeks(today: Date, count: number): OrderWeek[] {
  return orderWeekMondays(today, count).map((monday, week) => ({ week, monday: isoDate(monday), factor: weekFactor(monday), effects: minorFestivalEffects(monday) }));
}

function weekOf(weeks: readonly OrderWeek[], day: string): number {
  // Index of the first week whose Monday is on or after `day`.
  const i = weeks.findIndex((w) => w.monday >= day);
  return i === -1 ? weeks.length : i;
}

/** Class weights 1..5 for a shop with the given lean to expensive specs. */
export function classWeights(upscale: number): number[] {
  return [0.08 + 0.36 * upscale, 0.14 + 0.12 * upscale, 0.35 - 0.1 * upscale, 0.25 - 0.18 * upscale, 0.18 - 0.17 * upscale];
}

export function retailerOrderParams(rng: Rng, index: number, r: RetailerFile, weekday: number, weeks: readonly OrderWeek[]): RetailerOrderParams {
  const settingBoost = r.setting === 'city' ? 1.35 : r.setting === 'town' ? 1.1 : 0.85;
  const imageBoost = { A: 1.35, B: 1.1, C: 0.95, D: 0.75 }[r.storeImage] ?? 1;
  const base = Math.max(2, MEDIAN_BASE[r.businessFormat] * settingBoost * imageBoost * Math.exp(rng.normal() * 0.5));

  const closing = r.closedOn !== null;
  const kind = closing ? 'decline' : rng.weighted(['steady', 'grow', 'decline'] as const, [76, 12, 12]);
  const growth = kind === 'grow' ? 0.25 + rng.next() * 0.35 : kind === 'decline' ? -(0.25 + rng.next() * 0.3) : rng.normal() * 0.1;

  const last = weeks.length - 1;
  // A new licensee starts ordering about a week after opening (onboarding takes 7 working days).
  const firstWeek = Math.min(weekOf(weeks, isoDate(addDays(new Date(`${r.openedOn}T00:00:00Z`), 9))), weeks.length);
  // The last week whose order day falls on or before the closing day.
  const lastWeek = r.closedOn ? weekOf(weeks, isoDate(addDays(new Date(`${r.closedOn}T00:00:00Z`), 2 - weekday))) - 1 : last;

  const upscale = Math.min(
    1,
    Math.max(
      0,
      { city: 0.55, town: 0.35, village: 0.15 }[r.setting] +
        ({ S: 0.2, N: 0.3, Y: 0.3, B: 0.1, F: 0.15 }[r.businessFormat] ?? 0) +
        ({ A: 0.15, B: 0.05, C: 0, D: -0.1 }[r.storeImage] ?? 0) +
        (rng.next() - 0.5) * 0.2,
    ),
  );
  const troubled = r.eSettlement && rng.chance(0.06);
  return {
    retailer: index,
    weekday,
    base: Math.round(base * 100) / 100,
    growth: Math.round(growth * 1000) / 1000,
    firstWeek,
    lastWeek,
    skipRate: Math.round((r.setting === 'village' ? 0.06 + rng.next() * 0.2 : 0.02 + rng.next() * 0.1) * 1000) / 1000,
    failRate: !r.eSettlement ? 0 : troubled ? Math.round((0.08 + rng.next() * 0.12) * 1000) / 1000 : rng.chance(0.3) ? 0.01 : 0,
    lineRate: Math.round((0.45 + rng.next() * 0.25) * 1000) / 1000,
    channel: rng.weighted(['phone', 'self', 'visit'] as const, r.setting === 'village' ? [60, 25, 15] : [25, 65, 10]),
    settlementMethod: r.settlementMethod,
    upscale: Math.round(upscale * 1000) / 1000,
  };
}

/** The specs a retailer stocks (weighted draw without replacement) and each one's share of its volume. */
export function assortment(rng: Rng, p: RetailerOrderParams, format: string, products: readonly Product[], weeks: number): AssortmentItem[] {
  const [lo, hi] = STOCKED[format];
  const size = Math.min(products.length, Math.round((lo + rng.next() * (hi - lo)) * Math.min(1.4, Math.max(0.8, Math.sqrt(p.base / MEDIAN_BASE[format])))));
  const cw = classWeights(p.upscale);
  const perClass = [0, 0, 0, 0, 0];
  for (const x of products) perClass[x.priceClass - 1]++;
  // Efraimidis–Spirakis: key u^(1/w), keep the largest.
  const keyed = products.map((x, i) => {
    const w = (cw[x.priceClass - 1] / perClass[x.priceClass - 1]) * x.popularity * (x.scarce ? 0.6 : 1) * (x.isNew ? 0.7 : 1);
    return { i, w, key: Math.log(Math.max(rng.next(), 1e-12)) / w };
  });
  keyed.sort((a, b) => b.key - a.key || a.i - b.i);
  const chosen = keyed.slice(0, size).map((k) => ({ i: k.i, share: k.w * Math.exp(rng.normal() * 0.5) }));
  chosen.sort((a, b) => b.share - a.share || a.i - b.i);
  // The main spec is always ordered, so it must be one that has been on sale all along.
  const main = chosen.findIndex((c) => !products[c.i].isNew);
  if (main > 0) chosen.unshift(...chosen.splice(main, 1));
  const total = chosen.reduce((a, c) => a + c.share, 0);
  return chosen.map((c, rank) => ({
    retailer: p.retailer,
    product: c.i,
    share: Math.round((c.share / total) * 10_000) / 10_000,
    rank: rank + 1,
    launchWeek: products[c.i].isNew ? Math.max(0, weeks - NEW_SPEC_WEEKS) : 0,
  }));
}
