// A backtest the forecast job runs beside each forecast, so the screen can
// show how the model and the three baselines did over the last weeks from the
// first run on: one fit on targets up to `weeks` before the end, then
// forecasts from every origin after it (lags observed, targets never), scored
// per series and per horizon against what was stated (WAPE, percent).
import { BASELINES, baselineForecast, type BaselineName } from './baselines.js';
import { ErrorSum } from './metrics.js';
import { fitForecaster, forecastFrom, type FitOptions } from './model.js';
import type { Panel } from './types.js';

export type BacktestScores = { weeks: number; model: number | null } & Record<BaselineName, number | null>;
export type Backtest = { total: BacktestScores; byHorizon: (BacktestScores & { horizon: number })[]; bySeries: Map<string, BacktestScores> };

const scores = (weeks: number, model: ErrorSum, base: Record<BaselineName, ErrorSum>): BacktestScores => {
  const w = (e: ErrorSum) => (e.actual > 0 ? e.wapePct() : null);
  return { weeks, model: w(model), seasonal_naive: w(base.seasonal_naive), aligned_naive: w(base.aligned_naive), recent_mean: w(base.recent_mean) };
};
const sums = () => ({ model: new ErrorSum(), base: Object.fromEntries(BASELINES.map((b) => [b, new ErrorSum()])) as Record<BaselineName, ErrorSum> });

export function backtestPanel(panel: Panel, opts: Omit<FitOptions, 'horizons'>, weeks = 8, horizons = 4): Backtest | null {
  const last = panel.weeks - 1;
  const cutoff = last - weeks;
  if (cutoff < 8 || panel.series.length === 0) return null;
  const f = fitForecaster(panel, cutoff, { ...opts, horizons });
  const total = sums();
  const byH = Array.from({ length: horizons }, sums);
  const bySeries = panel.series.map(sums);
  for (let o = cutoff; o < last; o++) {
    const fc = forecastFrom(panel, f, o, Math.min(horizons, last - o));
    panel.series.forEach((s, si) => {
      for (const p of fc[si]) {
        const actual = s.values[p.position];
        if (Number.isNaN(actual) || Number.isNaN(s.values[o])) continue;
        for (const acc of [total, byH[p.horizon - 1], bySeries[si]]) {
          acc.model.add(p.value, actual);
          for (const b of BASELINES) acc.base[b].add(baselineForecast(b, s.values, panel.calendar, panel.firstWeek, o, p.horizon), actual);
        }
      }
    });
  }
  return {
    total: scores(weeks, total.model, total.base),
    byHorizon: byH.map((a, i) => ({ horizon: i + 1, ...scores(weeks, a.model, a.base) })),
    bySeries: new Map(panel.series.map((s, si) => [s.key, scores(weeks, bySeries[si].model, bySeries[si].base)])),
  };
}
