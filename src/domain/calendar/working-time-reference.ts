// A deliberately naive minute-by-minute model of working time, the oracle for
// the property tests and `bench:desk`. Inputs must be whole minutes. A minute
// [t, t+1) counts when its Shanghai date is a working day, its 'HH:MM' lies in
// a period (start ≤ HH:MM < end, compared as text) and no pause covers it.
import type { Interval, WorkingCalendar } from './working-time.js';

const MINUTE = 60_000;

function minuteCounts(cal: WorkingCalendar, t: number, pauses: Interval[]): boolean {
  const local = new Date(t + 8 * 3_600_000).toISOString(); // 'YYYY-MM-DDTHH:MM…'
  if (!cal.isWorkday(local.slice(0, 10))) return false;
  const hhmm = local.slice(11, 16);
  if (!cal.periods.some((p) => p.start <= hhmm && hhmm < p.end)) return false;
  return !pauses.some((p) => p.from.getTime() <= t && t + MINUTE <= p.to.getTime());
}

function assertWholeMinute(d: Date): void {
  if (d.getTime() % MINUTE !== 0) throw new RangeError('reference needs whole minutes');
}

export function referenceAddWorkingMinutes(
  cal: WorkingCalendar,
  start: Date,
  minutes: number,
  pauses: Interval[] = [],
): Date {
  assertWholeMinute(start);
  if (minutes === 0) return start;
  let t = start.getTime();
  let worked = 0;
  for (;;) {
    if (minuteCounts(cal, t, pauses) && ++worked === minutes) return new Date(t + MINUTE);
    t += MINUTE;
  }
}

export function referenceWorkingMinutesBetween(
  cal: WorkingCalendar,
  from: Date,
  to: Date,
  pauses: Interval[] = [],
): number {
  assertWholeMinute(from);
  assertWholeMinute(to);
  let n = 0;
  for (let t = from.getTime(); t < to.getTime(); t += MINUTE) if (minuteCounts(cal, t, pauses)) n++;
  return n;
}
