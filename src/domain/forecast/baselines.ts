// The three baselines every forecast is measured against in the same run.
// Each reads only positions ≤ origin of a series (no peeking) and forecasts
// position origin + h.
import { alignedLastYear, type EventCalendar } from './events.js';

const val = (v: Float64Array, i: number) => (i >= 0 && i < v.length && !Number.isNaN(v[i]) ? v[i] : NaN);

/** Mean of the observed values in [from, to] (positions), NaN when none. */
export function meanOf(v: Float64Array, from: number, to: number): number {
  let s = 0;
  let n = 0;
  for (let i = Math.max(0, from); i <= to && i < v.length; i++) {
    if (!Number.isNaN(v[i])) {
      s += v[i];
      n++;
    }
  }
  return n ? s / n : NaN;
}

/** Mean of the last `k` weeks up to the origin (0 when the series has none yet). */
export function recentMean(v: Float64Array, origin: number, k = 4): number {
  const m = meanOf(v, origin - k + 1, origin);
  return Number.isNaN(m) ? 0 : m;
}

/** The same calendar week last year (52 weeks back); the recent mean when the series is younger. */
export function seasonalNaive(v: Float64Array, origin: number, h: number): number {
  const x = val(v, origin + h - 52);
  return Number.isNaN(x) ? recentMean(v, origin) : x;
}

/** Position of the event-aligned week a year before position `pos`. */
export function alignedPosition(cal: EventCalendar, firstWeek: number, pos: number): number {
  return alignedLastYear(cal, firstWeek + pos).week - firstWeek;
}

/**
 * Level ratio: the last `k` weeks against the event-aligned same weeks a year
 * earlier, clamped to [1/3, 3]; 1 when last year is missing or empty.
 */
export function levelRatio(v: Float64Array, cal: EventCalendar, firstWeek: number, origin: number, k = 13, aligned?: Int32Array): number {
  let now = 0;
  let then = 0;
  for (let j = 0; j < k; j++) {
    const a = val(v, origin - j);
    const b = val(v, aligned && origin - j >= 0 ? aligned[origin - j] : alignedPosition(cal, firstWeek, origin - j));
    if (Number.isNaN(a) || Number.isNaN(b)) continue;
    now += a;
    then += b;
  }
  if (then <= 0 || now <= 0) return 1;
  return Math.min(3, Math.max(1 / 3, now / then));
}

/** Last year's event-aligned week times the level ratio; the recent mean when last year is missing. */
export function alignedNaive(v: Float64Array, cal: EventCalendar, firstWeek: number, origin: number, h: number): number {
  const x = val(v, alignedPosition(cal, firstWeek, origin + h));
  if (Number.isNaN(x)) return recentMean(v, origin);
  return x * levelRatio(v, cal, firstWeek, origin);
}

export const BASELINES = ['seasonal_naive', 'aligned_naive', 'recent_mean'] as const;
export type BaselineName = (typeof BASELINES)[number];

export function baselineForecast(name: BaselineName, v: Float64Array, cal: EventCalendar, firstWeek: number, origin: number, h: number): number {
  if (name === 'seasonal_naive') return seasonalNaive(v, origin, h);
  if (name === 'aligned_naive') return alignedNaive(v, cal, firstWeek, origin, h);
  return recentMean(v, origin);
}
