// The learned forecaster: one gradient-boosted tree model over all series of a
// panel (direct multi-horizon: the horizon is a feature), trained on scaled
// targets, weighted by scale so big shops count as they do in WAPE.
// Deterministic given the seed: rows are sampled and trees grown from it.
import { alignedNaive, meanOf } from './baselines.js';
import { alignedOn } from './events.js';
import { featureNames, MAX_HORIZON, panelCalendar, seriesScale, writeFeatures, type PanelCalendar } from './features.js';
import { mulberry32, predictGbt, trainGbt, type GbtModel, type GbtParams } from './gbt.js';
import type { Panel } from './types.js';

export type FitOptions = {
  horizons: number;
  seed: number;
  /** How many weeks of origins before the training cut-off to learn from. */
  originWeeks?: number;
  /** Cap on training rows (sampled with the seed). */
  maxRows?: number;
  gbt?: Partial<GbtParams>;
  /**
   * What a week around an event gets when the model never trained on that (event, offset, horizon) — the weeks
   * before the first festival of a history: 'pooled' (default) its own 13-week level × the panel's pooled event
   * effect last year, 'aligned' the aligned naive, 'model' the trees anyway (they extrapolate the nearest offset).
   */
  unseenEvent?: 'pooled' | 'aligned' | 'model';
  /**
   * What a week gets when two events are close to it (±OVERLAP_WINDOW) in a combination of offsets the trees never
   * trained on — 中秋 and 国庆 a week apart in 2026 after sharing a week in 2025: 'split' (default) the trees'
   * forecasts of that week scaled by one factor so that the panel's total is its 13-week level × the geometric mean
   * of the panel's pooled effect last year at each event's own offset (last year's shared weeks shared between the
   * two events, none given whole to one), 'model' the trees as they are (decision 1817).
   */
  overlap?: 'split' | 'model';
};

export type Forecaster = {
  model: GbtModel;
  cal: PanelCalendar;
  names: string[];
  horizons: number;
  /** Per horizon: the 10th and 90th percentile of scaled residuals on the training rows (the band). */
  band: { lo: number; hi: number }[];
  /** (nearest event, offset) keys of target weeks trained with last year's value present (see lastYearKey). */
  lastYearSeen: Set<number>;
  /** (event, offset, horizon) keys of target weeks trained at all, one per event within the window (see seenKeys). */
  eventSeen: Set<number>;
  unseenEvent: 'pooled' | 'aligned' | 'model';
  /** Keys of the combinations of close events trained on (see overlapKey). */
  overlapSeen: Set<string>;
  overlap: 'split' | 'model';
};

/** Weeks either side of a target week within which two events share it (decision 1817). */
export const OVERLAP_WINDOW = 2;

const LAST_YEAR_FEATURES = ['same_week_last_year', 'aligned_last_year', 'aligned_prev', 'aligned_next', 'aligned_naive'];

/** Key of a target week's place around its nearest event (−1: none near). */
function lastYearKey(cal: PanelCalendar, pos: number): number {
  const k = cal.nearestKind[pos];
  return Number.isNaN(k) ? -1 : k * 100 + cal.nearestOffset[pos] + 50;
}

/** Keys of a target week's place around each event within the window, with the horizon (none: an ordinary week). */
function seenKeys(cal: PanelCalendar, pos: number, h: number): number[] {
  const keys: number[] = [];
  cal.offsets.forEach((o, k) => {
    if (!Number.isNaN(o[pos])) keys.push((k * 100 + o[pos] + 50) * 16 + h);
  });
  return keys;
}

/**
 * Key of the events within ±OVERLAP_WINDOW of a target week with their offsets, and the horizon; null when fewer
 * than two events are that close (then each event's own offset is what the trees need, and they have it).
 */
function overlapKey(cal: PanelCalendar, pos: number, h: number): string | null {
  const parts: string[] = [];
  cal.offsets.forEach((o, k) => {
    if (!Number.isNaN(o[pos]) && Math.abs(o[pos]) <= OVERLAP_WINDOW) parts.push(`${k}:${o[pos]}`);
  });
  return parts.length >= 2 ? `${parts.join(',')}@${h}` : null;
}

/**
 * A model that has only seen this festival week without last year's value
 * (the first festival of a history) must not get one at forecast time: the
 * trees learnt the festival from its weeks-to-event features, in branches for
 * a missing last year. So last year's features are hidden for such weeks.
 */
function hideUnseenLastYear(f: Forecaster, x: Float64Array, offset: number, pos: number): void {
  if (f.lastYearSeen.has(lastYearKey(f.cal, pos))) return;
  for (const name of LAST_YEAR_FEATURES) x[offset + f.names.indexOf(name)] = NaN;
}

/** Trains on targets at positions ≤ `cutoff` only. */
export function fitForecaster(panel: Panel, cutoff: number, opts: FitOptions, cal = panelCalendar(panel)): Forecaster {
  if (opts.horizons < 1 || opts.horizons > MAX_HORIZON) throw new RangeError(`horizons must be 1..${MAX_HORIZON}`);
  const names = featureNames(panel);
  const F = names.length;
  const firstOrigin = Math.max(4, cutoff - (opts.originWeeks ?? 104));
  // Two passes: count the (series, origin, horizon) rows, then keep a seeded sample of them.
  const eachRow = (visit: (si: number, o: number, h: number) => void) => {
    for (let si = 0; si < panel.series.length; si++) {
      const v = panel.series[si].values;
      for (let o = firstOrigin; o < cutoff; o++) {
        if (Number.isNaN(v[o])) continue;
        for (let h = 1; h <= opts.horizons && o + h <= cutoff; h++) if (!Number.isNaN(v[o + h])) visit(si, o, h);
      }
    }
  };
  let total = 0;
  eachRow(() => total++);
  const rand = mulberry32(opts.seed);
  const keep = Math.min(1, (opts.maxRows ?? 120_000) / Math.max(1, total));
  const chosen: [number, number, number][] = [];
  eachRow((si, o, h) => {
    if (keep >= 1 || rand() < keep) chosen.push([si, o, h]);
  });
  const x = new Float64Array(chosen.length * F);
  const y = new Float64Array(chosen.length);
  const weight = new Float64Array(chosen.length);
  const censored = new Uint8Array(chosen.length);
  const horizonOf = new Uint8Array(chosen.length);
  const lastYearSeen = new Set<number>();
  const eventSeen = new Set<number>();
  const overlapSeen = new Set<string>();
  const alignedAt = names.indexOf('aligned_last_year');
  let n = 0;
  for (const [si, o, h] of chosen) {
    const s = panel.series[si];
    const scale = seriesScale(s.values, o);
    if (scale <= 0) continue;
    writeFeatures(panel, cal, s, o, h, x, n * F, scale);
    y[n] = s.values[o + h] / scale;
    weight[n] = scale;
    censored[n] = s.censored?.[o + h] ?? 0;
    horizonOf[n] = h;
    if (!Number.isNaN(x[n * F + alignedAt])) lastYearSeen.add(lastYearKey(cal, o + h));
    for (const key of seenKeys(cal, o + h, h)) eventSeen.add(key);
    const ok = overlapKey(cal, o + h, h);
    if (ok !== null) overlapSeen.add(ok);
    n++;
  }
  const data = { x: x.subarray(0, n * F), features: F, y: y.subarray(0, n), weight: weight.subarray(0, n), censored: censored.subarray(0, n) };
  const model = trainGbt(data, { seed: opts.seed, ...opts.gbt });
  const pred = predictGbt(model, data.x);
  const band: { lo: number; hi: number }[] = [];
  for (let h = 1; h <= opts.horizons; h++) {
    const res: number[] = [];
    for (let r = 0; r < n; r++) if (horizonOf[r] === h) res.push(data.y[r] - pred[r]);
    res.sort((a, b) => a - b);
    const q = (p: number) => (res.length ? res[Math.floor(p * (res.length - 1))] : 0);
    band.push({ lo: q(0.1), hi: q(0.9) });
  }
  return {
    model,
    cal,
    names,
    horizons: opts.horizons,
    band,
    lastYearSeen,
    eventSeen,
    unseenEvent: opts.unseenEvent ?? 'pooled',
    overlapSeen,
    overlap: opts.overlap ?? 'split',
  };
}

export type ForecastPoint = {
  /** Position on the panel's axis (origin + horizon). */
  position: number;
  horizon: number;
  value: number;
  low: number;
  high: number;
  /** The parts a worker reads: recent level × event effect × trend × model adjustment ≈ value. */
  parts: { baseline: number; event: number; trend: number; adjustment: number };
};

/** Forecasts of every series of the panel from `origin` for horizons 1..forecaster.horizons. */
export function forecastFrom(panel: Panel, f: Forecaster, origin: number, horizons = f.horizons): ForecastPoint[][] {
  const F = f.names.length;
  const H = Math.min(horizons, f.horizons);
  const rows = new Float64Array(panel.series.length * H * F);
  const scales = panel.series.map((s) => seriesScale(s.values, origin));
  panel.series.forEach((s, si) => {
    for (let h = 1; h <= H; h++) {
      if (scales[si] <= 0) continue;
      writeFeatures(panel, f.cal, s, origin, h, rows, (si * H + h - 1) * F, scales[si]);
      hideUnseenLastYear(f, rows, (si * H + h - 1) * F, origin + h);
    }
  });
  const pred = predictGbt(f.model, rows);
  // Weeks at an offset from an event that the trees never trained on (at this horizon): last year's event, not the
  // trees' extrapolation from the nearest offset they know.
  const replaced = new Set<number>();
  for (let h = 1; h <= H && f.unseenEvent !== 'model'; h++) {
    if (seenKeys(f.cal, origin + h, h).every((key) => f.eventSeen.has(key))) continue;
    replaced.add(h);
    const effect = f.unseenEvent === 'pooled' ? pooledEventEffect(panel, f.cal, origin, h) : NaN;
    panel.series.forEach((s, si) => {
      if (scales[si] <= 0) return;
      const i = si * H + h - 1;
      if (f.unseenEvent === 'aligned') {
        if (!Number.isNaN(at(s.values, f.cal.aligned[origin + h]))) pred[i] = alignedNaive(s.values, panel.calendar, panel.firstWeek, origin, h) / scales[si];
      } else if (!Number.isNaN(effect)) pred[i] = effect;
    });
  }
  // Weeks two events share in a way the trees never saw (decision 1817): the trees learnt last year's shared weeks
  // under both events' offsets at once and give this year's week one event's whole share of the pair. The panel's
  // total for the week is set to its level × the split effect; each series keeps the trees' part of it (a shop's
  // own lags, zeros and kind, which its 13-week level alone would lose).
  for (let h = 1; h <= H && f.overlap === 'split'; h++) {
    if (replaced.has(h)) continue;
    const key = overlapKey(f.cal, origin + h, h);
    if (key === null || f.overlapSeen.has(key)) continue;
    const effect = splitEventEffect(panel, f.cal, origin, h);
    if (Number.isNaN(effect)) continue;
    let level = 0;
    let trees = 0;
    panel.series.forEach((_, si) => {
      if (scales[si] <= 0) return;
      level += scales[si];
      trees += Math.max(0, pred[si * H + h - 1]) * scales[si];
    });
    if (!(trees > 0)) continue;
    const r = (effect * level) / trees;
    panel.series.forEach((_, si) => {
      if (scales[si] > 0) pred[si * H + h - 1] *= r;
    });
  }
  return panel.series.map((s, si) => {
    const out: ForecastPoint[] = [];
    const scale = scales[si];
    for (let h = 1; h <= H; h++) {
      if (scale <= 0) {
        out.push({ position: origin + h, horizon: h, value: 0, low: 0, high: 0, parts: { baseline: 0, event: 1, trend: 1, adjustment: 1 } });
        continue;
      }
      const value = Math.max(0, pred[si * H + h - 1] * scale);
      out.push({
        position: origin + h,
        horizon: h,
        value,
        low: Math.max(0, value + f.band[h - 1].lo * scale),
        high: Math.max(value, value + f.band[h - 1].hi * scale),
        parts: explainParts(panel, f.cal, s.values, origin, h, scale, value),
      });
    }
    return out;
  });
}

const at = (v: Float64Array, i: number) => (i >= 0 && i < v.length ? v[i] : NaN);

/**
 * The panel's event effect last year for the target week origin + h: the sum over series of last year's aligned
 * week against the sum of their 13-week levels a year before the origin (aligned), over series that have both.
 * NaN when none has.
 */
export function pooledEventEffect(panel: Panel, cal: PanelCalendar, origin: number, h: number): number {
  return pooledEffectAt(panel, cal.aligned[origin + h], cal.aligned[origin]);
}

/**
 * The event effect of target week origin + h taken from each event near it at its own offset, not from the
 * nearest one: the geometric mean over the events within the window of the panel's pooled effect at the week that
 * stood at that event's offset last year (`pooledEffectAt`). When last year the two events shared the weeks this
 * year's week is aligned to, each of last year's weeks is shared between this year's weeks rather than given whole
 * to two of them: the split of a combined week that one year of history cannot tell apart, with the season's total
 * kept. NaN when no event near has last year.
 */
export function splitEventEffect(panel: Panel, cal: PanelCalendar, origin: number, h: number): number {
  const pos = origin + h;
  const week = panel.firstWeek + pos;
  let logSum = 0;
  let n = 0;
  panel.calendar.kinds.forEach((kind, k) => {
    const off = cal.offsets[k][pos];
    if (Number.isNaN(off)) return;
    const a = alignedOn(panel.calendar, kind, week, off);
    if (a === null) return;
    const e = pooledEffectAt(panel, a - panel.firstWeek, cal.aligned[origin]);
    if (!(e > 0)) return;
    logSum += Math.log(e);
    n++;
  });
  return n ? Math.exp(logSum / n) : NaN;
}

/** Σ over series of the value at position `a` against Σ of their 13-week levels ending at `ao`, over series with both. */
function pooledEffectAt(panel: Panel, a: number, ao: number): number {
  let num = 0;
  let den = 0;
  for (const s of panel.series) {
    const ly = at(s.values, a);
    const level = meanOf(s.values, ao - 12, ao);
    if (Number.isNaN(ly) || Number.isNaN(level)) continue;
    num += ly;
    den += level;
  }
  return den > 0 ? num / den : NaN;
}

/**
 * Splits a forecast into what a worker can check: the recent level (mean of 13
 * weeks), the event effect (last year's aligned week against last year's level
 * then), the trend (aligned level ratio) and what the model adds on top.
 */
export function explainParts(panel: Panel, cal: PanelCalendar, v: Float64Array, origin: number, h: number, scale: number, value: number) {
  const a = cal.aligned[origin + h];
  const lastYearLevel = meanOf(v, cal.aligned[origin] - 12, cal.aligned[origin]);
  const ly = a >= 0 && a < v.length ? v[a] : NaN;
  const event = lastYearLevel > 0 && !Number.isNaN(ly) ? ly / lastYearLevel : 1;
  const naive = alignedNaive(v, panel.calendar, panel.firstWeek, origin, h);
  const trend = lastYearLevel > 0 && !Number.isNaN(ly) && ly > 0 ? naive / ly : 1;
  const product = scale * event * trend;
  return { baseline: scale, event, trend, adjustment: product > 0 ? value / product : 1 };
}
