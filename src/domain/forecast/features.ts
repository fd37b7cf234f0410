// The model's features for one (series, origin, horizon): everything is read
// at positions ≤ origin, divided by the series' scale (its mean over the last
// 13 weeks), so shops of every size share one model.
import { eventOffset, nearestEvent } from './events.js';
import { alignedPosition, levelRatio, meanOf } from './baselines.js';
import type { Panel, WeeklySeries } from './types.js';
import { weekOfYear } from './weeks.js';

export const SCALE_WEEKS = 13;
/** Longest horizon the panel's calendar tables cover. */
export const MAX_HORIZON = 12;

/** Per-position calendar facts of a panel, computed once. */
export type PanelCalendar = {
  aligned: Int32Array;
  offsets: Float64Array[];
  nearestKind: Float64Array;
  nearestOffset: Float64Array;
  weekOfYear: Float64Array;
};

export function panelCalendar(panel: Panel): PanelCalendar {
  const len = panel.weeks + MAX_HORIZON;
  const kinds = panel.calendar.kinds;
  const aligned = new Int32Array(len);
  const offsets = kinds.map(() => new Float64Array(len));
  const nearestKind = new Float64Array(len);
  const nearestOffset = new Float64Array(len);
  const woy = new Float64Array(len);
  for (let pos = 0; pos < len; pos++) {
    const week = panel.firstWeek + pos;
    aligned[pos] = alignedPosition(panel.calendar, panel.firstWeek, pos);
    kinds.forEach((k, i) => {
      const o = eventOffset(panel.calendar, k, week);
      offsets[i][pos] = o === null ? NaN : o;
    });
    const near = nearestEvent(panel.calendar, week);
    nearestKind[pos] = near ? kinds.indexOf(near.kind) : NaN;
    nearestOffset[pos] = near ? near.offset : NaN;
    woy[pos] = weekOfYear(week);
  }
  return { aligned, offsets, nearestKind, nearestOffset, weekOfYear: woy };
}

const at = (v: Float64Array, i: number) => (i >= 0 && i < v.length ? v[i] : NaN);

/** The series' scale at an origin: its mean over the last 13 weeks; 0 when it had nothing. */
export function seriesScale(v: Float64Array, origin: number): number {
  const m = meanOf(v, origin - SCALE_WEEKS + 1, origin);
  return Number.isNaN(m) ? 0 : m;
}

export function featureNames(panel: Panel): string[] {
  return [
    'horizon',
    'lag1',
    'lag2',
    'lag3',
    'lag4',
    'mean4',
    'mean26',
    'mean52',
    'same_week_last_year',
    'aligned_last_year',
    'aligned_prev',
    'aligned_next',
    'level_ratio',
    'aligned_naive',
    'last_year_level',
    ...panel.calendar.kinds.map((k) => `weeks_to_${k}`),
    'nearest_event',
    'nearest_event_offset',
    'bound_share',
    'zero_share',
    'log_scale',
    ...(panel.attrNames ?? []),
  ];
}

/** Writes the features of (series, origin, h) into `out` at `offset`; returns the scale used. */
export function writeFeatures(
  panel: Panel,
  cal: PanelCalendar,
  s: WeeklySeries,
  origin: number,
  h: number,
  out: Float64Array,
  offset: number,
  scale: number,
): void {
  const v = s.values;
  const t = origin + h;
  const inv = 1 / scale;
  let i = offset;
  out[i++] = h;
  for (let j = 0; j < 4; j++) out[i++] = at(v, origin - j) * inv;
  out[i++] = meanOf(v, origin - 3, origin) * inv;
  // Longer means only over a full window: a young series' partial mean is another feature.
  out[i++] = Number.isNaN(at(v, origin - 25)) ? NaN : meanOf(v, origin - 25, origin) * inv;
  out[i++] = Number.isNaN(at(v, origin - 51)) ? NaN : meanOf(v, origin - 51, origin) * inv;
  out[i++] = at(v, t - 52) * inv;
  const a = cal.aligned[t];
  out[i++] = at(v, a) * inv;
  out[i++] = at(v, a - 1) * inv;
  out[i++] = at(v, a + 1) * inv;
  const ratio = levelRatio(v, panel.calendar, panel.firstWeek, origin, 13, cal.aligned);
  out[i++] = ratio;
  out[i++] = at(v, a) * inv * ratio;
  out[i++] = meanOf(v, origin - 52 - SCALE_WEEKS + 1, origin - 52) * inv;
  for (const o of cal.offsets) out[i++] = o[t];
  out[i++] = cal.nearestKind[t];
  out[i++] = cal.nearestOffset[t];
  let bound = 0;
  let nb = 0;
  for (let j = 0; j < 4; j++) {
    if (origin - j < 0) break;
    nb++;
    bound += s.bound?.[origin - j] ?? 0;
  }
  out[i++] = nb ? bound / nb : NaN;
  let zeros = 0;
  for (let j = 0; j < SCALE_WEEKS; j++) if (at(v, origin - j) === 0) zeros++;
  out[i++] = zeros / SCALE_WEEKS;
  out[i++] = Math.log(scale);
  for (const x of s.attrs ?? []) out[i++] = x;
}
