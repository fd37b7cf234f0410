// Calendar events that move between years: the lunar festivals (from
// lunar-typescript), 清明 (a solar term) and National Day. A forecast aligns
// last year on them: the week two before this Spring Festival is compared with
// the week two before last year's, not with the same calendar week.
import { Lunar, Solar } from 'lunar-typescript';
import { weekIndex, weekMonday } from './weeks.js';

export const LUNAR_EVENTS = ['spring', 'lantern', 'qingming', 'dragonboat', 'midautumn', 'nationalday'] as const;
export type LunarEvent = (typeof LUNAR_EVENTS)[number];

export const EVENT_LABELS: Record<string, { zh: string; en: string }> = {
  spring: { zh: '春节', en: 'Spring Festival' },
  lantern: { zh: '元宵', en: 'Lantern Festival' },
  qingming: { zh: '清明', en: 'Qingming' },
  dragonboat: { zh: '端午', en: 'Dragon Boat' },
  midautumn: { zh: '中秋', en: 'Mid-Autumn' },
  nationalday: { zh: '国庆', en: 'National Day' },
};

/** Event kind → the week indices holding it, ascending. */
export type EventCalendar = { kinds: string[]; weeks: Map<string, number[]> };

/** How many weeks either side of an event count as "around" it. */
export const EVENT_WINDOW = 6;

function lunarDate(year: number, month: number, day: number): string {
  return Lunar.fromYmd(year, month, day).getSolar().toYmd();
}

/** Solar dates (YYYY-MM-DD) of each lunar event in `year` (the lunar year starting in it). */
export function lunarEventDates(year: number): Record<LunarEvent, string> {
  return {
    spring: lunarDate(year, 1, 1),
    lantern: lunarDate(year, 1, 15),
    qingming: Solar.fromYmd(year, 4, 1).getLunar().getJieQiTable()['清明'].toYmd(),
    dragonboat: lunarDate(year, 5, 5),
    midautumn: lunarDate(year, 8, 15),
    nationalday: `${year}-10-01`,
  };
}

/** The lunar calendar covering weeks from `firstWeek` to `lastWeek` (with a year of margin). */
export function lunarCalendar(firstWeek: number, lastWeek: number): EventCalendar {
  const y0 = Number(weekMonday(firstWeek).slice(0, 4)) - 1;
  const y1 = Number(weekMonday(lastWeek).slice(0, 4)) + 1;
  const weeks = new Map<string, number[]>(LUNAR_EVENTS.map((k) => [k, []]));
  for (let y = y0; y <= y1; y++) {
    const dates = lunarEventDates(y);
    for (const k of LUNAR_EVENTS) weeks.get(k)!.push(weekIndex(dates[k]));
  }
  for (const list of weeks.values()) list.sort((a, b) => a - b);
  return { kinds: [...LUNAR_EVENTS], weeks };
}

/** A calendar from labelled weeks (the CSV's `event` column); a run of consecutive weeks with one label counts from its first week. */
export function labelledCalendar(labelled: Iterable<[label: string, week: number]>): EventCalendar {
  const sets = new Map<string, Set<number>>();
  for (const [label, week] of labelled) {
    if (!label) continue;
    if (!sets.has(label)) sets.set(label, new Set());
    sets.get(label)!.add(week);
  }
  const weeks = new Map<string, number[]>();
  for (const [label, set] of sets) {
    const sorted = [...set].sort((a, b) => a - b);
    weeks.set(label, sorted.filter((w, i) => i === 0 || sorted[i - 1] !== w - 1));
  }
  return { kinds: [...weeks.keys()].sort(), weeks };
}

/** Weeks from the nearest occurrence of `kind` to `week` (negative = before it), or null when none is within the window. */
export function eventOffset(cal: EventCalendar, kind: string, week: number): number | null {
  let best: number | null = null;
  for (const w of cal.weeks.get(kind) ?? []) {
    const off = week - w;
    if (Math.abs(off) <= EVENT_WINDOW && (best === null || Math.abs(off) < Math.abs(best))) best = off;
  }
  return best;
}

/** The event a week is aligned on: the nearest within the window, earlier kinds winning ties (the Spring Festival first). */
export function nearestEvent(cal: EventCalendar, week: number): { kind: string; offset: number } | null {
  let best: { kind: string; offset: number } | null = null;
  for (const kind of cal.kinds) {
    const off = eventOffset(cal, kind, week);
    if (off !== null && (best === null || Math.abs(off) < Math.abs(best.offset))) best = { kind, offset: off };
  }
  return best;
}

/**
 * The same week last year, aligned on the nearest event: its offset from that
 * event's occurrence about a year earlier. Without an event near, 52 weeks back.
 */
export function alignedLastYear(cal: EventCalendar, week: number): { week: number; kind: string | null; offset: number } {
  const near = nearestEvent(cal, week);
  if (!near) return { week: week - 52, kind: null, offset: 0 };
  const last = alignedOn(cal, near.kind, week, near.offset);
  if (last === null) return { week: week - 52, kind: null, offset: 0 };
  return { week: last, kind: near.kind, offset: near.offset };
}

/**
 * The week last year at the same offset from `kind` as `week` is from this year's occurrence (`offset` weeks
 * after it), whatever other event is nearer; null when the calendar has no occurrence a year earlier.
 */
export function alignedOn(cal: EventCalendar, kind: string, week: number, offset: number): number | null {
  const thisOcc = week - offset;
  // Occurrences between 40 and 64 weeks earlier count as "last year's".
  const candidates = (cal.weeks.get(kind) ?? []).filter((w) => thisOcc - w >= 40 && thisOcc - w <= 64);
  if (candidates.length === 0) return null;
  const last = candidates.reduce((a, b) => (Math.abs(thisOcc - 52 - b) < Math.abs(thisOcc - 52 - a) ? b : a));
  return last + offset;
}
