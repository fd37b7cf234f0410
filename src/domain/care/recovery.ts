// Recovery after a disaster: each week's orders as a share of the average
// week of the eight weeks before the event's week. A shop (or the area, the
// sums of its shops) is recovered in the first complete week at or over the
// level; the case closes on the latest complete week being over it.
export const BASELINE_WEEKS = 8;

export type WeekQty = { week: string; qty: number };
export type RecoveryPoint = { week: string; share: number | null };
export type Curve = { baseline: number; points: RecoveryPoint[] };

const DAY = 86_400_000;

/** The Monday (YYYY-MM-DD) of the ISO week holding this date. */
export function mondayOf(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  const back = (d.getUTCDay() + 6) % 7;
  return new Date(d.getTime() - back * DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + days * DAY).toISOString().slice(0, 10);
}

/** The weeks the curve shows: from the event's week to the last week that ended before `today`. */
export function curveWeeks(eventDate: string, today: string): string[] {
  const out: string[] = [];
  for (let w = mondayOf(eventDate); addDays(w, 7) <= today; w = addDays(w, 7)) out.push(w);
  return out;
}

/** The eight Mondays before the event's week. */
export function baselineWeeks(eventDate: string): string[] {
  const first = addDays(mondayOf(eventDate), -7 * BASELINE_WEEKS);
  return Array.from({ length: BASELINE_WEEKS }, (_, i) => addDays(first, 7 * i));
}

/** One shop's (or the area's) curve from its weekly quantities (missing weeks are 0). */
export function recoveryCurve(weekly: WeekQty[], eventDate: string, today: string): Curve {
  const byWeek = new Map(weekly.map((w) => [w.week, w.qty]));
  const baseline = baselineWeeks(eventDate).reduce((s, w) => s + (byWeek.get(w) ?? 0), 0) / BASELINE_WEEKS;
  const points = curveWeeks(eventDate, today).map((week) => ({ week, share: baseline > 0 ? round3((byWeek.get(week) ?? 0) / baseline) : null }));
  return { baseline: round3(baseline), points };
}

/** The area's curve: summed shops; shops with no orders before the event do not count. */
export function areaCurve(shops: WeekQty[][], eventDate: string, today: string): Curve {
  const base = new Set(baselineWeeks(eventDate));
  const sums = new Map<string, number>();
  for (const weekly of shops) {
    if (!weekly.some((w) => base.has(w.week) && w.qty > 0)) continue;
    for (const w of weekly) sums.set(w.week, (sums.get(w.week) ?? 0) + w.qty);
  }
  return recoveryCurve([...sums].map(([week, qty]) => ({ week, qty })), eventDate, today);
}

/** The first week after which the curve stays at or over the level to its end, or null. */
export function recoveredWeek(points: RecoveryPoint[], level: number): string | null {
  let found: string | null = null;
  for (const p of points) {
    if (p.share !== null && p.share >= level) found ??= p.week;
    else found = null;
  }
  return found;
}

/** Closed when the latest complete week is at or over the level. */
export function isRecovered(points: RecoveryPoint[], level: number): boolean {
  const last = points[points.length - 1];
  return !!last && last.share !== null && last.share >= level;
}

function round3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
