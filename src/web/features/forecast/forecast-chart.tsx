// One product's weekly demand: stated demand (history), the forecast in force
// and the model's band, and the three baselines, with festivals marked.
import { useMemo } from 'react';
import { EChart, type ChartOption } from '../../components/echart.js';
import { useT } from '../../i18n/i18n.js';
import type { ForecastSeries } from '../../../shared/forecast.js';

export function ForecastChart({ series }: { series: ForecastSeries }) {
  const { t, lang } = useT();
  const f = t.forecast;
  const option = useMemo<ChartOption>(() => {
    const weeks = [...series.history.map((h) => h.weekStart), ...series.forecast.map((p) => p.weekStart)];
    const at = (w: string) => weeks.indexOf(w);
    const hist = weeks.map((w) => series.history.find((h) => h.weekStart === w)?.qty ?? null);
    // The forecast lines start at the last observed week, so they join the history.
    const last = series.history[series.history.length - 1];
    const fc = (pick: (p: ForecastSeries['forecast'][number]) => number) =>
      weeks.map((w) => {
        if (last && w === last.weekStart) return last.qty;
        const p = series.forecast.find((x) => x.weekStart === w);
        return p ? Math.round(pick(p) * 10) / 10 : null;
      });
    const dashed = (name: string, data: (number | null)[], color: string) => ({
      name,
      type: 'line' as const,
      data,
      symbol: 'none',
      lineStyle: { type: 'dashed' as const, width: 1, color },
      itemStyle: { color },
      connectNulls: false,
    });
    const events = series.events.filter((e) => at(e.weekStart) >= 0);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, type: 'scroll' },
      grid: { left: 44, right: 16, top: 48, bottom: 28 },
      xAxis: { type: 'category', data: weeks.map((w) => w.slice(2)), axisLabel: { hideOverlap: true } },
      yAxis: { type: 'value' },
      series: [
        {
          name: f.history,
          type: 'line',
          data: hist,
          symbol: 'none',
          lineStyle: { width: 2, color: '#595959' },
          itemStyle: { color: '#595959' },
          markLine: {
            symbol: 'none',
            label: { formatter: '{b}', position: 'end', fontSize: 10 },
            lineStyle: { color: '#d4380d', type: 'dotted' },
            data: events.map((e) => ({ name: lang === 'zh' ? e.label.zh : e.label.en, xAxis: at(e.weekStart) })),
          },
        },
        { name: f.inForce, type: 'line', data: fc((p) => p.qty), symbol: 'circle', lineStyle: { width: 2, color: '#1677ff' }, itemStyle: { color: '#1677ff' } },
        dashed(`${f.band} ↓`, fc((p) => p.low), '#91caff'),
        dashed(`${f.band} ↑`, fc((p) => p.high), '#91caff'),
        dashed(f.baselines.seasonal_naive, fc((p) => p.seasonal_naive), '#faad14'),
        dashed(f.baselines.aligned_naive, fc((p) => p.aligned_naive), '#52c41a'),
        dashed(f.baselines.recent_mean, fc((p) => p.recent_mean), '#9254de'),
      ],
    } as ChartOption;
  }, [series, f, lang]);
  return <EChart option={option} height={320} testId="forecast-chart" />;
}
