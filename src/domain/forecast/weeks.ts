// Weeks as integers: the number of whole weeks since Monday 1970-01-05, so a
// series is an array indexed from its first week and "52 weeks ago" is a subtraction.
const EPOCH_MONDAY = Date.UTC(1970, 0, 5);
const DAY = 86_400_000;

/** The week index of the Monday on or before `isoDate` (YYYY-MM-DD). */
export function weekIndex(isoDate: string): number {
  const t = Date.parse(`${isoDate}T00:00:00Z`);
  if (Number.isNaN(t)) throw new RangeError(`not a date: ${isoDate}`);
  return Math.floor((t - EPOCH_MONDAY) / DAY / 7);
}

/** The Monday (YYYY-MM-DD) of a week index. */
export function weekMonday(index: number): string {
  return new Date(EPOCH_MONDAY + index * 7 * DAY).toISOString().slice(0, 10);
}

/** Week of the year 0..52 by the Monday's day of year (a feature, not ISO numbering). */
export function weekOfYear(index: number): number {
  const d = new Date(EPOCH_MONDAY + index * 7 * DAY);
  const start = Date.UTC(d.getUTCFullYear(), 0, 1);
  return Math.min(52, Math.floor((d.getTime() - start) / DAY / 7));
}

export function yearOfWeek(index: number): number {
  return new Date(EPOCH_MONDAY + index * 7 * DAY).getUTCFullYear();
}
