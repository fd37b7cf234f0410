// Festival effects on weekly cigarette volume. Sales peak in the weeks before
// the Spring Festival (gifts, banquets, migrant workers coming home), fall the
// week of it (shops close, nobody restocks) and recover over a month. The
// smaller festivals (元宵, 清明, 端午) move a kind of shop or a price class a
// little rather than the whole county (minorFestivalEffects, decision 1816).
import { Lunar, Solar } from 'lunar-typescript';
import { addDays, daysBetween, isoDate } from './calendar.js';
import type { Setting } from './retailer-sites.js';

/** Solar date (YYYY-MM-DD) of 春节, the first day of the lunar year that starts in `year`. */
export function springFestival(year: number): string {
  const s = Lunar.fromYmd(year, 1, 1).getSolar();
  return isoDate(new Date(Date.UTC(s.getYear(), s.getMonth() - 1, s.getDay())));
}

/** Solar date of 中秋 (lunar 8/15) in `year`. */
export function midAutumn(year: number): string {
  const s = Lunar.fromYmd(year, 8, 15).getSolar();
  return isoDate(new Date(Date.UTC(s.getYear(), s.getMonth() - 1, s.getDay())));
}

function lunarSolar(year: number, month: number, day: number): string {
  const s = Lunar.fromYmd(year, month, day).getSolar();
  return isoDate(new Date(Date.UTC(s.getYear(), s.getMonth() - 1, s.getDay())));
}

/** Solar date of 元宵 (lunar 1/15) in `year`. */
export function lanternFestival(year: number): string {
  return lunarSolar(year, 1, 15);
}

/** Solar date of 端午 (lunar 5/5) in `year`. */
export function dragonBoat(year: number): string {
  return lunarSolar(year, 5, 5);
}

/** Solar date of 清明 (the solar term, 4–6 April) in `year`. */
export function qingming(year: number): string {
  const s = Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()['清明'];
  return isoDate(new Date(Date.UTC(s.getYear(), s.getMonth() - 1, s.getDay())));
}

/** Weeks relative to the Spring Festival week (0 = the week holding 春节) → volume multiplier. */
export const SPRING_FESTIVAL_PROFILE: Record<number, number> = {
  [-4]: 1.12,
  [-3]: 1.35,
  [-2]: 1.75,
  [-1]: 1.6,
  0: 0.45,
  1: 0.7,
  2: 0.85,
  3: 0.92,
};

export function weekOffset(monday: Date, festival: string): number {
  const festivalMonday = addDays(new Date(`${festival}T00:00:00Z`), -((new Date(`${festival}T00:00:00Z`).getUTCDay() + 6) % 7));
  return Math.round(daysBetween(festivalMonday, monday) / 7);
}

/**
 * Volume multiplier for the order week starting on `monday` (UTC midnight):
 * the Spring Festival profile, smaller peaks before 中秋 and 国庆, and a
 * slightly slower summer.
 */
export function weekFactor(monday: Date): number {
  const y = monday.getUTCFullYear();
  let f = 1;
  for (const year of [y, y + 1]) {
    const k = weekOffset(monday, springFestival(year));
    if (k in SPRING_FESTIVAL_PROFILE) f *= SPRING_FESTIVAL_PROFILE[k];
  }
  const ma = weekOffset(monday, midAutumn(y));
  if (ma === -1) f *= 1.15;
  else if (ma === 0) f *= 1.05;
  const nd = weekOffset(monday, `${y}-10-01`);
  if (nd === -1) f *= 1.1;
  else if (nd === 0) f *= 0.92;
  const m = monday.getUTCMonth();
  if (m === 6 || m === 7) f *= 0.95;
  return Math.round(f * 1000) / 1000;
}

/** A week's multipliers by the shop's setting and by the line's price class (index 0 = class 1, the dearest). */
export type MinorFestivalEffects = { setting: Record<Setting, number>; priceClass: number[] };

/**
 * The smaller festivals, modest and local (decision 1816):
 * - 元宵 week: villages ×1.12, towns ×1.06 (闹元宵 gatherings and temple fairs,
 *   the last festive week before migrant workers leave again);
 * - 清明: the week before, villages ×1.06; its week, villages ×1.15, towns ×1.05,
 *   the city ×0.96 (families go back to the villages to sweep the tombs, with
 *   cigarettes for the graves and the relatives; the city's holiday is quieter);
 * - 端午: gift brands (class 1) ×1.08 two weeks before and ×1.18 the week before,
 *   class 2 ×1.04 and ×1.08 (端午 gifts), nothing else.
 * 中秋 and 国庆 stay county-wide in weekFactor.
 */
export function minorFestivalEffects(monday: Date): MinorFestivalEffects {
  const y = monday.getUTCFullYear();
  const setting: Record<Setting, number> = { city: 1, town: 1, village: 1 };
  const priceClass = [1, 1, 1, 1, 1];
  if (weekOffset(monday, lanternFestival(y)) === 0) {
    setting.village *= 1.12;
    setting.town *= 1.06;
  }
  const qm = weekOffset(monday, qingming(y));
  if (qm === -1) setting.village *= 1.06;
  else if (qm === 0) {
    setting.village *= 1.15;
    setting.town *= 1.05;
    setting.city *= 0.96;
  }
  const db = weekOffset(monday, dragonBoat(y));
  if (db === -2) {
    priceClass[0] *= 1.08;
    priceClass[1] *= 1.04;
  } else if (db === -1) {
    priceClass[0] *= 1.18;
    priceClass[1] *= 1.08;
  }
  const r = (x: number) => Math.round(x * 1000) / 1000;
  return { setting: { city: r(setting.city), town: r(setting.town), village: r(setting.village) }, priceClass: priceClass.map(r) };
}
