// Festival effects on weekly cigarette volume. Sales peak in the weeks before
// the Spring Festival (gifts, banquets, migrant workers coming home), fall the
// week of it (shops close, nobody restocks) and recover over a month.
import { Lunar } from 'lunar-typescript';
import { addDays, daysBetween, isoDate } from './calendar.js';

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

function weekOffset(monday: Date, festival: string): number {
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
