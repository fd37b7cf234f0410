// Cycles of whole weeks counted from an anchor Monday, and their working days.
// Dates are plain 'YYYY-MM-DD' strings computed in UTC, so no time zone moves them.

const DAY_MS = 86_400_000;

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

/** ISO weekday, 1 = Monday … 7 = Sunday. */
export function isoWeekday(date: string): number {
  const d = new Date(`${date}T00:00:00Z`).getUTCDay();
  return d === 0 ? 7 : d;
}

/** The cycle holding `date`: its first and last day. */
export function cycleOf(date: string, anchor: string, weeks: number): { start: string; end: string } {
  const length = weeks * 7;
  const offset = daysBetween(anchor, date);
  const start = addDays(anchor, Math.floor(offset / length) * length);
  return { start, end: addDays(start, length - 1) };
}

export type WorkDay = { index: number; date: string; weekday: number };

export function workingDays(cycleStart: string, weeks: number, weekdays: readonly number[]): WorkDay[] {
  const days: WorkDay[] = [];
  for (let i = 0; i < weeks * 7; i++) {
    const date = addDays(cycleStart, i);
    const weekday = isoWeekday(date);
    if (weekdays.includes(weekday)) days.push({ index: days.length, date, weekday });
  }
  return days;
}

/** The local calendar date of an instant, for a fixed UTC offset in minutes (China: +480). */
export function localDate(at: Date, offsetMinutes = 480): string {
  return new Date(at.getTime() + offsetMinutes * 60_000).toISOString().slice(0, 10);
}

/** Minutes since local midnight of an instant. */
export function localMinutes(at: Date, offsetMinutes = 480): number {
  const ms = (at.getTime() + offsetMinutes * 60_000) % DAY_MS;
  return Math.floor(ms / 60_000);
}
