import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { alignedLastYear, eventOffset, lunarCalendar, lunarEventDates } from './events.js';
import { alignedNaive, levelRatio, recentMean, seasonalNaive } from './baselines.js';
import { weekIndex, weekMonday } from './weeks.js';
import { reconcile, reconcileWhole } from './reconcile.js';
import { parseSeriesFile, splitHoldout, SeriesFileError } from './csv-series.js';
import { predictGbt, trainGbt } from './gbt.js';
import { fitForecaster, forecastFrom } from './model.js';
import { whyText } from './explain.js';
import { ErrorSum } from './metrics.js';
import { suggestOrder } from './suggested-order.js';
import type { Panel } from './types.js';

describe('weeks and lunar events', () => {
  it('numbers weeks by their Monday', () => {
    expect(weekMonday(weekIndex('2026-02-18'))).toBe('2026-02-16');
    expect(weekIndex('2026-02-23') - weekIndex('2026-02-16')).toBe(1);
  });

  it('finds the festivals that move between years', () => {
    expect(lunarEventDates(2025).spring).toBe('2025-01-29');
    expect(lunarEventDates(2026).spring).toBe('2026-02-17');
    expect(lunarEventDates(2026).lantern).toBe('2026-03-03');
    expect(lunarEventDates(2026).qingming).toBe('2026-04-05');
    expect(lunarEventDates(2026).dragonboat).toBe('2026-06-19');
    expect(lunarEventDates(2025).midautumn).toBe('2025-10-06');
  });

  it('aligns the week two before the 2026 Spring Festival with the week two before the 2025 one, not 52 weeks back', () => {
    const cal = lunarCalendar(weekIndex('2024-06-03'), weekIndex('2026-12-28'));
    const twoBefore2026 = weekIndex('2026-02-17') - 2; // week of 2026-02-02
    const a = alignedLastYear(cal, twoBefore2026);
    expect(a).toMatchObject({ kind: 'spring', offset: -2 });
    expect(weekMonday(a.week)).toBe('2025-01-13'); // two weeks before the week of 2025-01-29
    expect(twoBefore2026 - 52).not.toBe(a.week); // 52 weeks back is 2025-02-03, after last year's festival
    // A quiet week in summer has no event near: 52 weeks back.
    const july = weekIndex('2026-08-03');
    expect(alignedLastYear(cal, july)).toEqual({ week: july - 52, kind: null, offset: 0 });
  });
});

/** Two years and a bit of weekly demand: 10 a week, 30 two weeks before each Spring Festival, 2 in its week. */
function festivalSeries(firstMonday: string, weeks: number): { panel: Panel; v: Float64Array } {
  const first = weekIndex(firstMonday);
  const cal = lunarCalendar(first, first + weeks + 12);
  const v = new Float64Array(weeks).fill(10);
  for (const w of cal.weeks.get('spring')!) {
    if (w - 2 - first >= 0 && w - 2 - first < weeks) v[w - 2 - first] = 30;
    if (w - first >= 0 && w - first < weeks) v[w - first] = 2;
  }
  return { panel: { firstWeek: first, weeks, series: [{ key: 's', values: v }], calendar: cal }, v };
}

describe('baselines on hand-computed series', () => {
  it('recent mean and seasonal naive', () => {
    const v = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(recentMean(v, 5, 4)).toBe(4.5); // (3+4+5+6)/4
    expect(seasonalNaive(v, 5, 1)).toBe(4.5); // younger than a year: the recent mean
    const year = Float64Array.from({ length: 60 }, (_, i) => i);
    expect(seasonalNaive(year, 55, 2)).toBe(5); // position 57 − 52
  });

  it('aligned naive catches a Spring Festival that moved; seasonal naive misses it', () => {
    const { panel, v } = festivalSeries('2024-06-03', 90); // up to late Feb 2026
    const first = panel.firstWeek;
    const peak2026 = weekIndex('2026-02-17') - 2 - first;
    const origin = peak2026 - 2; // forecasting two weeks ahead
    expect(v[peak2026]).toBe(30);
    // Last year's peak was 2 weeks before 2025-01-29: level ratio is 1 (flat 10s).
    expect(levelRatio(v, panel.calendar, first, origin)).toBeCloseTo(1, 6);
    expect(alignedNaive(v, panel.calendar, first, origin, 2)).toBeCloseTo(30, 6);
    expect(seasonalNaive(v, origin, 2)).toBe(10); // 52 weeks back lands after last year's festival
    // The festival week itself: 2 last year, 2 forecast.
    expect(alignedNaive(v, panel.calendar, first, origin, 4)).toBeCloseTo(2, 6);
  });

  it('the level adjustment scales last year by this year against last year', () => {
    const { panel, v } = festivalSeries('2024-06-03', 90);
    const first = panel.firstWeek;
    const peak2026 = weekIndex('2026-02-17') - 2 - first;
    const origin = peak2026 - 1;
    // Every week of the last 13 doubled: the ratio is 2 and the peak forecast 60.
    const w = Float64Array.from(v);
    for (let j = 0; j < 13; j++) w[origin - j] *= 2;
    expect(levelRatio(w, panel.calendar, first, origin)).toBeCloseTo(2, 6);
    expect(alignedNaive(w, panel.calendar, first, origin, 1)).toBeCloseTo(60, 6);
  });
});

describe('gradient-boosted trees', () => {
  it('learns a step and is deterministic given the seed', () => {
    const n = 400;
    const x = new Float64Array(n * 2);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      x[i * 2] = i / n;
      x[i * 2 + 1] = (i * 7919) % 13;
      y[i] = x[i * 2] < 0.5 ? 1 : 5;
    }
    const a = trainGbt({ x, y, features: 2 }, { trees: 60, seed: 7, minLeaf: 5 });
    const b = trainGbt({ x, y, features: 2 }, { trees: 60, seed: 7, minLeaf: 5 });
    const probe = Float64Array.from([0.1, 3, 0.9, 3]);
    const pa = predictGbt(a, probe);
    expect(pa[0]).toBeCloseTo(1, 1);
    expect(pa[1]).toBeCloseTo(5, 1);
    expect([...predictGbt(b, probe)]).toEqual([...pa]);
  });

  it('a censored row pulls a prediction up but never down', () => {
    const n = 200;
    const x = new Float64Array(n).map((_, i) => i % 2);
    const y = new Float64Array(n).fill(4);
    const censored = new Uint8Array(n);
    for (let i = 0; i < n; i += 2) {
      y[i] = 1; // rationed weeks: demand was at least 1
      censored[i] = 1;
    }
    const m = trainGbt({ x, y, features: 1, censored }, { trees: 80, seed: 1, minLeaf: 5, subsample: 1 });
    const [p0] = predictGbt(m, Float64Array.from([0]));
    expect(p0).toBeGreaterThan(1); // not pulled down to the lower bound
  });
});

describe('the learned model', () => {
  it('beats the baselines on a small noisy panel with a moving Spring Festival, same result for the same seed', () => {
    const first = weekIndex('2023-06-05');
    const weeks = 140;
    const cal = lunarCalendar(first, first + weeks + 12);
    let s = 12345;
    const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648), s / 2147483648);
    const series = Array.from({ length: 20 }, (_, k) => {
      const size = 5 + k * 2;
      const v = new Float64Array(weeks);
      for (let p = 0; p < weeks; p++) {
        let f = 1;
        for (const w of cal.weeks.get('spring')!) {
          const off = first + p - w;
          f *= ({ [-3]: 1.4, [-2]: 1.8, [-1]: 1.6, 0: 0.45, 1: 0.7 } as Record<number, number>)[off] ?? 1;
        }
        v[p] = Math.round(size * f * (0.7 + 0.6 * rnd()));
      }
      return { key: `s${k}`, values: v, attrs: [k % 3] };
    });
    const panel: Panel = { firstWeek: first, weeks, series, calendar: cal, attrNames: ['tier'] };
    const origins = [weekIndex('2025-01-13') - first - 4, weekIndex('2025-01-27') - first - 3];
    const fit = () => fitForecaster(panel, origins[0], { horizons: 4, seed: 3, gbt: { trees: 40 } });
    const f = fit();
    const model = new ErrorSum();
    const aligned = new ErrorSum();
    for (const origin of origins) {
      const fc = forecastFrom(panel, f, origin);
      series.forEach((sr, i) => {
        for (const pt of fc[i]) {
          model.add(pt.value, sr.values[pt.position]);
          aligned.add(alignedNaive(sr.values, cal, first, origin, pt.horizon), sr.values[pt.position]);
        }
      });
    }
    expect(model.wapePct()).toBeLessThan(aligned.wapePct());
    expect(forecastFrom(panel, fit(), origins[0])[0][0].value).toBe(forecastFrom(panel, f, origins[0])[0][0].value);
    const pt = forecastFrom(panel, f, origins[0])[5][1];
    expect(pt.low).toBeLessThanOrEqual(pt.value);
    expect(pt.high).toBeGreaterThanOrEqual(pt.value);
    const { baseline, event, trend, adjustment } = pt.parts;
    expect(baseline * event * trend * adjustment).toBeCloseTo(pt.value, 6);
  });

  it('forecasts a festival week it never trained on from last year\'s pooled effect × the series\' own level (decision 1816)', () => {
    // History from six weeks before the 2025 Spring Festival: its weeks −6…−3 are only ever lags (training
    // targets start after the fourth week), so the trees never learnt them as targets.
    const sf25 = weekIndex('2025-01-29');
    const first = sf25 - 6;
    const weeks = weekIndex('2026-01-05') - first + 1;
    const cal = lunarCalendar(first, first + weeks + 12);
    const profile: Record<number, number> = { [-5]: 1.5, [-2]: 1.8, [-1]: 1.6, 0: 0.5, 1: 0.7 };
    const series = Array.from({ length: 12 }, (_, k) => {
      const size = 4 + 3 * k;
      const v = Float64Array.from({ length: weeks }, (_, p) => {
        let f = 1;
        for (const w of cal.weeks.get('spring')!) f *= profile[first + p - w] ?? 1;
        return size * f;
      });
      return { key: `s${k}`, values: v };
    });
    const panel: Panel = { firstWeek: first, weeks, series, calendar: cal };
    const origin = weeks - 1; // the week of 2026-01-05, six before the 2026 festival; h 1 is its week −5
    const f = fitForecaster(panel, origin, { horizons: 2, seed: 1, gbt: { trees: 30, minLeaf: 5 } });
    const pooled = forecastFrom(panel, f, origin);
    const trees = forecastFrom(panel, { ...f, unseenEvent: 'model' }, origin);
    series.forEach((s, k) => {
      const size = 4 + 3 * k;
      // Last year's week −5 was 1.5 × the level of the weeks before it; this year's level is `size`.
      expect(pooled[k][0].value).toBeCloseTo(1.5 * size, 6);
    });
    expect(trees[0][0].value).not.toBeCloseTo(1.5 * 4, 1);
  });

  it('does not give 2026\'s 国庆 week the lift of 2025\'s, which held 中秋\'s eve: each festival brings its own share of last year\'s shared weeks (decision 1817)', () => {
    // 2025: 国庆 1 Oct and 中秋 6 Oct, so the week of 29 Sep is both 国庆's week and the week before 中秋.
    // 2026: 中秋 25 Sep, 国庆 1 Oct, a week apart the other way round. Effects as the demo county's: the week
    // before 中秋 ×1.15, its week ×1.05, the week before 国庆 ×1.10, its week ×0.92 (holiday), multiplied.
    const first = weekIndex('2024-12-02');
    const origin = weekIndex('2026-09-07') - first; // forecasting 14, 21, 28 Sep and 5 Oct 2026
    const weeks = origin + 1;
    const cal = lunarCalendar(first, first + weeks + 12);
    const factor = (week: number) => {
      const ma = eventOffset(cal, 'midautumn', week);
      const nd = eventOffset(cal, 'nationalday', week);
      return (ma === -1 ? 1.15 : ma === 0 ? 1.05 : 1) * (nd === -1 ? 1.1 : nd === 0 ? 0.92 : 1);
    };
    expect(factor(weekIndex('2025-09-29'))).toBeCloseTo(1.058, 9); // last year's shared week
    const series = Array.from({ length: 6 }, (_, k) => ({
      key: `s${k}`,
      values: Float64Array.from({ length: weeks }, (_, p) => 100 * (k + 1) * factor(first + p)),
    }));
    const panel: Panel = { firstWeek: first, weeks, series, calendar: cal };
    const f = fitForecaster(panel, origin, { horizons: 4, seed: 1, gbt: { trees: 30, minLeaf: 5 } });
    const split = forecastFrom(panel, f, origin);
    const before = forecastFrom(panel, { ...f, overlap: 'model' }, origin);
    // The level a year before the origin (13 weeks to 22 Sep 2025, the week before 国庆 ×1.10 among them) and now (flat).
    const lastYearLevel = (12 + 1.1) / 13;
    const level = series.reduce((a, _, k) => a + 100 * (k + 1), 0);
    const [sep14, sep21, sep28, oct5] = [0, 1, 2, 3].map((h) => split.reduce((a, fc) => a + fc[h].value, 0) / level);
    // 国庆's week (中秋 +1): half of last year's 国庆 week (×1.058, 中秋's eve in it) with last year's 中秋 +1 (×1), geometric.
    expect(sep28).toBeCloseTo(Math.sqrt(1.058 * 1) / lastYearLevel, 6);
    expect(sep28).toBeLessThan(1.058 / lastYearLevel - 0.02);
    // 中秋's week (国庆 −1): last year's 中秋 week (×1.05) with last year's week before 国庆 (×1.10).
    expect(sep21).toBeCloseTo(Math.sqrt(1.05 * 1.1) / lastYearLevel, 6);
    // The week before 中秋 (国庆 −2): last year's week before 中秋 (×1.058, the same shared week) with 国庆 −2 (×1).
    expect(sep14).toBeCloseTo(Math.sqrt(1.058 * 1) / lastYearLevel, 6);
    expect(oct5).toBeCloseTo(Math.sqrt(1 * 1.05) / lastYearLevel, 6);
    // Each series keeps the trees' part of the week (here all alike: the same shape at six sizes).
    series.forEach((_, k) => expect(split[k][2].value / (100 * (k + 1))).toBeCloseTo(sep28, 2));
    // Before: the trees learnt the shared week under 国庆 week 0 and gave it whole to 2026's 国庆 week.
    expect(before[0][2].value / 100).toBeGreaterThan(split[0][2].value / 100 + 0.015);
  });

  it('leaves to the trees the weeks whose festivals keep last year\'s spacing (decision 1817)', () => {
    const { panel } = festivalSeries('2024-06-03', 100); // to April 2026
    const origin = weekIndex('2026-02-09') - panel.firstWeek; // forecasting 春节's week (元宵 −2) … 春节 +3 (元宵 +1)
    const f = fitForecaster(panel, origin, { horizons: 4, seed: 1, gbt: { trees: 20, minLeaf: 3 } });
    // 春节 and 元宵 are always two weeks apart: the same combinations were trained on in 2025, so nothing is replaced.
    expect([...f.overlapSeen]).toContain('0:0,1:-2@1'); // 春节 week 0 with 元宵 −2, horizon 1
    const trees = forecastFrom(panel, { ...f, overlap: 'model' }, origin);
    expect(forecastFrom(panel, f, origin)).toEqual(trees);
    expect(trees[0][0].value).toBeLessThan(8); // 春节's week is low (2 a year ago, 10 otherwise): the trees know it
  });

  it('says why in both languages', () => {
    const w = whyText({ baseline: 12, event: 1.62, trend: 1.04, adjustment: 0.97, eventKind: 'spring', eventOffset: -2 });
    expect(w.zh).toContain('去年春节前第2周 ×1.62');
    expect(w.zh).toContain('近期走势 ×1.04');
    expect(w.en).toContain("2 weeks before last year's Spring Festival ×1.62");
  });
});

describe('reconciliation', () => {
  it('shop forecasts add up to the county forecast, shares kept (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e4, noNaN: true }), { minLength: 1, maxLength: 50 }), fc.double({ min: 0, max: 1e6, noNaN: true }), (parts, total) => {
        const r = reconcile(parts, total);
        const sum = r.reduce((a, b) => a + b, 0);
        expect(Math.abs(sum - total)).toBeLessThanOrEqual(1e-6 * Math.max(1, total));
        expect(r.every((x) => x >= 0)).toBe(true);
        const whole = reconcileWhole(parts, total);
        expect(whole.reduce((a, b) => a + b, 0)).toBe(Math.round(total));
        expect(whole.every((x) => Number.isInteger(x) && x >= 0)).toBe(true);
      }),
    );
  });

  it('keeps each shop\u2019s share', () => {
    expect(reconcile([1, 3], 8)).toEqual([2, 6]);
    expect(reconcile([0, 0], 6)).toEqual([3, 3]);
    expect(reconcileWhole([1, 1, 1], 10)).toEqual([4, 3, 3]);
  });
});

describe('the weekly file', () => {
  const ok = 'series,week,value,event\na,2026-01-05,3,\na,2026-01-12,4,spring\na,2026-01-19,5,\nb,2026-01-05,1,\nb,2026-01-12,0,spring\nb,2026-01-19,2,';
  const code = (text: string, h = 1) => {
    try {
      splitHoldout(parseSeriesFile(text).rows, h);
      return 'ok';
    } catch (e) {
      return e instanceof SeriesFileError ? e.code : String(e);
    }
  };

  it('splits off the last H weeks of each series before anything reads them', () => {
    const { panel, holdout } = splitHoldout(parseSeriesFile(ok).rows, 1);
    expect(panel.series.map((s) => [...s.values])).toEqual([
      [3, 4, NaN],
      [1, 0, NaN],
    ]);
    expect(holdout.get('a')).toEqual({ origin: 1, horizons: [1], values: [5] });
    expect(panel.calendar.weeks.get('spring')).toEqual([weekIndex('2026-01-12')]);
  });

  it('refuses bad files with a clear reason', () => {
    expect(code('series,value\na,1')).toBe('missing_column');
    expect(code('series,week,value\na,2026-13-01,1')).toBe('bad_week');
    expect(code('series,week,value\na,last week,1')).toBe('bad_week');
    expect(code('series,week,value\na,2026-01-05,1\na,2026-01-07,2')).toBe('duplicate_week');
    expect(code('series,week,value\na,2026-01-05,-1')).toBe('bad_value');
    expect(code('series,week,value\na,2026-01-05,x')).toBe('bad_value');
    expect(code(ok, 3)).toBe('horizon_too_long');
    expect(code(ok, 2)).toBe('ok');
  });
});

describe('the suggested order', () => {
  const base = { baseline: 10, event: 1.5, trend: 1.1, adjustment: 1, eventKind: 'spring', eventOffset: -2, override: null };
  it('is the forecast in whole cartons with its reason, within the limit', () => {
    const s = suggestOrder({ ...base, forecast: 16.6, remaining: null });
    expect(s).toMatchObject({ qty: 17, capped: false });
    expect(s.reason.zh).toContain('去年春节前第2周 ×1.50');
    const c = suggestOrder({ ...base, forecast: 16.6, remaining: 5 });
    expect(c).toMatchObject({ qty: 5, capped: true });
    expect(c.reason.zh).toContain('限量内最多 5 条');
  });
  it('follows a worker\u2019s override and says so', () => {
    const s = suggestOrder({ ...base, forecast: 16.6, remaining: 30, override: { qty: 25, reason: '婚宴订货' } });
    expect(s.qty).toBe(25);
    expect(s.reason.zh).toContain('客户经理调整：婚宴订货');
  });
  it('says when the figure is marketing’s county override, still within the limit', () => {
    const s = suggestOrder({ ...base, forecast: 16.6, remaining: 4, override: { qty: 7.4, reason: '春节备货', by: 'county' } });
    expect(s).toMatchObject({ qty: 4, capped: true });
    expect(s.reason.zh).toBe('营销部调整全县预测：春节备货；预计 7 条，限量内最多 4 条');
    expect(s.reason.en).toContain('county forecast adjusted by marketing');
  });
});
