// Next birthday as a solar date, for lunar (农历) and solar birthdays alike.
import { Lunar, LunarYear } from 'lunar-typescript';
import { isCalendarDate } from '../../shared/primitives.js';

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

// Calendar conversions are pure and few (a few years × 12 months × 30 days), but
// lunar-typescript computes each from astronomy, about a millisecond apiece: a
// card view did it up to three times. Remember them.
const solarOfLunar = new Map<string, string>();
const lunarYearOf = new Map<string, number>();

function lunarToSolar(year: number, month: number, day: number): string {
  const key = `${year}-${month}-${day}`;
  let s = solarOfLunar.get(key);
  if (s === undefined) {
    // A lunar month may have 29 days in a given year; fall back to its last day.
    const monthDays = LunarYear.fromYear(year).getMonth(month)?.getDayCount() ?? 29;
    const solar = Lunar.fromYmd(year, month, Math.min(day, monthDays)).getSolar();
    s = iso(solar.getYear(), solar.getMonth(), solar.getDay());
    if (solarOfLunar.size < 20_000) solarOfLunar.set(key, s);
  }
  return s;
}

/** The lunar year of `today` (lunar-typescript reads the local calendar date). */
function lunarYear(today: Date): number {
  const key = `${today.getFullYear()}-${today.getMonth()}-${today.getDate()}`;
  let y = lunarYearOf.get(key);
  if (y === undefined) {
    y = Lunar.fromDate(today).getYear();
    if (lunarYearOf.size < 20_000) lunarYearOf.set(key, y);
  }
  return y;
}

export function nextBirthday(birthday: string | null, calendar: string, today: Date): string | null {
  if (!birthday) return null;
  const [, m, d] = birthday.split('-').map(Number);
  const todayIso = iso(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
  if (calendar === 'lunar') {
    const ly = lunarYear(today);
    for (const y of [ly - 1, ly, ly + 1]) {
      const s = lunarToSolar(y, m, d);
      if (s >= todayIso) return s;
    }
    return null;
  }
  for (const y of [today.getUTCFullYear(), today.getUTCFullYear() + 1]) {
    // 29 February falls on 28 February in common years.
    const day = m === 2 && d === 29 && new Date(Date.UTC(y, 1, 29)).getUTCMonth() !== 1 ? 28 : d;
    const s = iso(y, m, day);
    if (s >= todayIso) return s;
  }
  return null;
}

/**
 * Whether a stored birthday is a day of its calendar: a solar date must exist
 * (no 02-30); a lunar one (农历) has months 1–12 of up to 30 days, leap months
 * stored as their plain month.
 */
export function isValidBirthday(birthday: string, calendar: string): boolean {
  if (calendar !== 'lunar') return isCalendarDate(birthday);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthday);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return y >= 1900 && y <= 2200 && mo >= 1 && mo <= 12 && d >= 1 && d <= 30;
}
