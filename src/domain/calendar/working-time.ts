// Working time on the Chinese calendar, in Asia/Shanghai (UTC+8 all year, no
// DST): business periods on working days, minus intervals when the clock is
// stopped (waiting for the retailer). Pure: dates in, dates out.
//
// Time is continuous (milliseconds): working time is the union of
// [day + period.start, day + period.end) over working days; the result of
// addWorkingMinutes is the EARLIEST instant at which that many minutes have
// been worked, so a deadline that fills the morning ends at 12:00, not 13:30.
import {
  checkOverrides,
  checkPeriods,
  parseHhmm,
  type BusinessPeriod,
  type CalendarOverride,
} from './calendar-checks.js';
import { statutoryDay } from './statutory-days.js';

export { checkOverrides, checkPeriods };
export type { BusinessPeriod, CalendarOverride, CalendarProblem } from './calendar-checks.js';

export type Interval = { from: Date; to: Date }; // clock stopped (waiting for the retailer)

export interface WorkingCalendar {
  periods: readonly BusinessPeriod[];
  isWorkday(date: string): boolean;
}

/** The default business hours (the desk policy may set others per org). */
export const DEFAULT_BUSINESS_PERIODS: readonly BusinessPeriod[] = Object.freeze([
  { start: '08:30', end: '12:00' },
  { start: '13:30', end: '17:30' },
]);

const MINUTE = 60_000;
const DAY = 86_400_000;
const OFFSET = 8 * 3_600_000; // Asia/Shanghai
/** No calendar goes this many days without a working day; guards a loop. */
const MAX_IDLE_DAYS = 3_660;

export class CalendarInputError extends Error {
  constructor(readonly problems: { code: string; message: string }[]) {
    super(problems.map((p) => p.message).join('; '));
  }
}

export function makeWorkingCalendar(opts: {
  periods: BusinessPeriod[];
  overrides?: CalendarOverride[];
}): WorkingCalendar {
  const overrides = opts.overrides ?? [];
  const problems = [...checkPeriods(opts.periods), ...checkOverrides(overrides)];
  if (problems.length > 0) throw new CalendarInputError(problems);
  const byDate = new Map(overrides.map((o) => [o.date, o.workday]));
  const memo = new Map<string, boolean>();
  const periods = Object.freeze(opts.periods.map((p) => Object.freeze({ ...p })));
  return {
    periods,
    isWorkday(date: string): boolean {
      let v = memo.get(date);
      if (v === undefined) {
        v = byDate.get(date) ?? statutoryDay(date).workday;
        memo.set(date, v);
      }
      return v;
    },
  };
}

// ---- local-day arithmetic -------------------------------------------------

/** Days since 1970-01-01 in Shanghai local time. */
export function localDayIndex(t: number): number {
  return Math.floor((t + OFFSET) / DAY);
}

export function localDateOf(t: Date | number): string {
  return dateOfDayIndex(localDayIndex(typeof t === 'number' ? t : t.getTime()));
}

function dateOfDayIndex(idx: number): string {
  return new Date(idx * DAY).toISOString().slice(0, 10);
}

function dayStartUtc(idx: number): number {
  return idx * DAY - OFFSET;
}

type Span = [number, number]; // minutes after local midnight

const parsedPeriods = new WeakMap<readonly BusinessPeriod[], Span[]>();

function spansOf(cal: WorkingCalendar): Span[] {
  let spans = parsedPeriods.get(cal.periods);
  if (!spans) {
    const problems = checkPeriods([...cal.periods]);
    if (problems.length > 0) throw new CalendarInputError(problems);
    spans = cal.periods
      .map((p): Span => [parseHhmm(p.start)!, parseHhmm(p.end)!])
      .sort((a, b) => a[0] - b[0]);
    parsedPeriods.set(cal.periods, spans);
  }
  return spans;
}

/** Pauses as sorted, merged, non-empty [from, to) millisecond spans. */
function mergePauses(pauses: Interval[] | undefined): Span[] {
  if (!pauses || pauses.length === 0) return [];
  const list = pauses
    .map((p): Span => [p.from.getTime(), p.to.getTime()])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0]);
  const out: Span[] = [];
  for (const s of list) {
    const last = out[out.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else out.push([s[0], s[1]]);
  }
  return out;
}

/**
 * Calls `visit` with each stretch of working, unpaused time from `from`
 * onwards, in order, until it returns true or `until` is reached.
 */
function walkWorkingTime(
  cal: WorkingCalendar,
  from: number,
  until: number,
  pauses: Span[],
  visit: (a: number, b: number) => boolean,
): void {
  const spans = spansOf(cal);
  if (spans.length === 0) return;
  let pi = 0;
  let idle = 0;
  for (let idx = localDayIndex(from); dayStartUtc(idx) < until; idx++) {
    if (!cal.isWorkday(dateOfDayIndex(idx))) {
      if (++idle > MAX_IDLE_DAYS) throw new RangeError('no working day in ten years');
      continue;
    }
    idle = 0;
    const base = dayStartUtc(idx);
    for (const [ps, pe] of spans) {
      let a = Math.max(base + ps * MINUTE, from);
      const b = Math.min(base + pe * MINUTE, until);
      if (a >= b) continue;
      while (pi < pauses.length && pauses[pi][1] <= a) pi++;
      // Cut [a, b) by the pauses that start before b.
      let j = pi;
      while (a < b) {
        const p = pauses[j];
        if (p && p[0] < b) {
          if (p[0] > a && visit(a, p[0])) return;
          a = Math.max(a, p[1]);
          if (p[1] <= b) j++;
          else break;
        } else {
          if (visit(a, b)) return;
          break;
        }
      }
    }
  }
}

/** The earliest instant at which `minutes` of working time have passed since `start`. */
export function addWorkingMinutes(
  cal: WorkingCalendar,
  start: Date,
  minutes: number,
  pauses?: Interval[],
): Date {
  if (!Number.isFinite(minutes) || minutes < 0) throw new RangeError(`minutes must be ≥ 0, got ${minutes}`);
  let need = minutes * MINUTE;
  if (need === 0) return new Date(start.getTime());
  let result: number | null = null;
  walkWorkingTime(cal, start.getTime(), Infinity, mergePauses(pauses), (a, b) => {
    if (b - a >= need) {
      result = a + need;
      return true;
    }
    need -= b - a;
    return false;
  });
  if (result === null) throw new RangeError('calendar has no working time');
  return new Date(result);
}

/** Working minutes in [from, to) minus the pauses; negative when to < from. */
export function workingMinutesBetween(
  cal: WorkingCalendar,
  from: Date,
  to: Date,
  pauses?: Interval[],
): number {
  const a = from.getTime();
  const b = to.getTime();
  if (b < a) return -workingMinutesBetween(cal, to, from, pauses);
  let ms = 0;
  walkWorkingTime(cal, a, b, mergePauses(pauses), (x, y) => {
    ms += y - x;
    return false;
  });
  return ms / MINUTE;
}

/**
 * The end of the business day `days` working days after the day of `start`
 * (days ≥ 1: the day of `start` itself does not count, so a licence recorded
 * on Monday with 2 days is due Wednesday at closing). days = 0: closing time
 * of the first working day on or after the day of `start`.
 */
export function addWorkingDays(cal: WorkingCalendar, start: Date, days: number): Date {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  const spans = spansOf(cal);
  const close = Math.max(...spans.map((s) => s[1]));
  let idx = localDayIndex(start.getTime());
  let left = days;
  let idle = 0;
  if (days === 0) idx--; // look at the start day itself first
  for (;;) {
    idx++;
    if (cal.isWorkday(dateOfDayIndex(idx))) {
      idle = 0;
      if (left <= 1) return new Date(dayStartUtc(idx) + close * MINUTE);
      left--;
    } else if (++idle > MAX_IDLE_DAYS) throw new RangeError('no working day in ten years');
  }
}

/** Working days strictly after the day of `from` up to and including the day of `to`. */
export function workingDaysBetween(cal: WorkingCalendar, from: Date, to: Date): number {
  const a = localDayIndex(from.getTime());
  const b = localDayIndex(to.getTime());
  let n = 0;
  for (let idx = a + 1; idx <= b; idx++) if (cal.isWorkday(dateOfDayIndex(idx))) n++;
  return n;
}
