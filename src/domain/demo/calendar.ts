// Dates as UTC midnights, one per calendar day in China (UTC+8), so that the
// generated history does not depend on the machine's time zone.

const DAY = 86_400_000;

export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

export function addDays(d: Date, days: number): Date {
  return new Date(d.getTime() + days * DAY);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY);
}

/** The calendar day in China at instant `now`, as a UTC midnight. */
export function chinaDay(now: Date): Date {
  const shifted = new Date(now.getTime() + 8 * 3_600_000);
  return new Date(Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()));
}

/** Monday of the ISO week holding `day` (a UTC midnight). */
export function mondayOf(day: Date): Date {
  return addDays(day, -((day.getUTCDay() + 6) % 7));
}

/**
 * Mondays of the `count` order weeks that end with the week before the one
 * holding `today`, oldest first.
 */
export function orderWeekMondays(today: Date, count: number): Date[] {
  const last = addDays(mondayOf(chinaDay(today)), -7);
  return Array.from({ length: count }, (_, i) => addDays(last, -7 * (count - 1 - i)));
}
