// The State Council's published calendar, as packaged by `chinese-days`:
// statutory holidays and make-up workdays (调休). Its data ends with
// STATUTORY_DATA_LAST_YEAR; later years fall back to Monday–Friday until an
// override table supplies them.
import chineseDays from 'chinese-days';

export const STATUTORY_DATA_LAST_YEAR = 2026;

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup';

export type StatutoryDay = {
  date: string;
  workday: boolean;
  /** holiday: a statutory holiday; makeup: a weekend made a workday (调休). */
  kind: DayKind;
  nameZh: string | null;
  nameEn: string | null;
};

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const cache = new Map<string, StatutoryDay>();

/** 'YYYY-MM-DD' that exists in the Gregorian calendar. */
export function isCalendarDate(date: string): boolean {
  const m = DATE_RE.exec(date);
  if (!m) return false;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = Number(m[3]);
  const t = new Date(Date.UTC(y, mo - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === mo - 1 && t.getUTCDate() === d;
}

/** 0 = Sunday … 6 = Saturday, independent of the process time zone. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

export function statutoryDay(date: string): StatutoryDay {
  const hit = cache.get(date);
  if (hit) return hit;
  if (!isCalendarDate(date)) throw new RangeError(`not a date: ${date}`);
  const [y, m, d] = date.split('-').map(Number);
  // chinese-days reads a Date with local getters but parses 'YYYY-MM-DD'
  // strings as UTC, so in a time zone west of UTC a string gives the day
  // before. A local noon Date is read back as the same day in every zone.
  const detail = chineseDays.getDayDetail(new Date(y, m - 1, d, 12));
  const weekend = weekdayOf(date) === 0 || weekdayOf(date) === 6;
  const [en, zh] = detail.name.includes(',') ? detail.name.split(',') : [null, null];
  let kind: DayKind;
  if (en === null) kind = weekend ? 'weekend' : 'workday';
  else kind = detail.work ? 'makeup' : 'holiday';
  // Make-up days are weekends; a named weekday workday (none so far) is plain.
  if (kind === 'makeup' && !weekend) kind = 'workday';
  const day: StatutoryDay = {
    date,
    workday: detail.work,
    kind,
    nameZh: zh ?? null,
    nameEn: en ?? null,
  };
  cache.set(date, day);
  return day;
}
