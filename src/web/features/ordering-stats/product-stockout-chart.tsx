// Bar chart per product: the products with the highest stock-out rate this
// week, each with its 动销率 beside it.
import { useMemo } from 'react';
import type { OrderCycleStats } from '../../../shared/ordering-stats.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { useT } from '../../i18n/i18n.js';

export const CHART_PRODUCTS = 15;

export function topStockoutProducts(products: OrderCycleStats['products'], n = CHART_PRODUCTS) {
  return products
    .filter((p) => p.demandLines > 0)
    .sort((a, b) => (b.stockoutRatePct ?? 0) - (a.stockoutRatePct ?? 0) || b.demandLines - a.demandLines)
    .slice(0, n);
}

export function ProductStockoutChart({ products }: { products: OrderCycleStats['products'] }) {
  const { t } = useT();
  const s = t.orderingStats;
  const top = useMemo(() => topStockoutProducts(products), [products]);
  const option = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' }, valueFormatter: (v) => (v == null ? t.common.dash : `${v}%`) },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } },
      yAxis: { type: 'category', inverse: true, data: top.map((p) => p.name), axisLabel: { width: 96, overflow: 'truncate' } },
      series: [
        { name: s.stockoutRate, type: 'bar', barMaxWidth: 14, itemStyle: { color: '#cf1322' }, data: top.map((p) => p.stockoutRatePct) },
        { name: s.sellThrough, type: 'bar', barMaxWidth: 14, itemStyle: { color: '#1677ff' }, data: top.map((p) => p.sellThroughPct) },
      ],
    }),
    [top, s, t],
  );
  return <EChart option={option} height={Math.max(200, 56 + top.length * 30)} testId="stockout-chart" />;
}
