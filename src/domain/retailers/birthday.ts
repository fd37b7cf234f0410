// Next birthday as a solar date, for lunar (农历) and solar birthdays alike.
import { Lunar, LunarYear } from 'lunar-typescript';

function iso(y: number, m: number, d: number): string {
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

function lunarToSolar(year: number, month: number, day: number): string {
  // A lunar month may have 29 days in a given year; fall back to its last day.
  const monthDays = LunarYear.fromYear(year).getMonth(month)?.getDayCount() ?? 29;
  const s = Lunar.fromYmd(year, month, Math.min(day, monthDays)).getSolar();
  return iso(s.getYear(), s.getMonth(), s.getDay());
}

export function nextBirthday(birthday: string | null, calendar: string, today: Date): string | null {
  if (!birthday) return null;
  const [, m, d] = birthday.split('-').map(Number);
  const todayIso = iso(today.getUTCFullYear(), today.getUTCMonth() + 1, today.getUTCDate());
  if (calendar === 'lunar') {
    const lunarYear = Lunar.fromDate(today).getYear();
    for (const y of [lunarYear - 1, lunarYear, lunarYear + 1]) {
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
