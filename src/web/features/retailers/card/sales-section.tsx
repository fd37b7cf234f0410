// 销售: last 12 months' cartons (bars) and amount (line), monthly average,
// trend and last order date.
import { formatMoney } from '../../../../shared/format.js';
import { useMemo } from 'react';
import { Card } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, MinusOutlined } from '@ant-design/icons';
import type { RetailerCard } from '../../../../shared/retailer.js';
import { EChart, type ChartOption } from '../../../components/echart.js';
import { useT } from '../../../i18n/i18n.js';

/** Below this slope (cartons/month) the trend reads as flat. */
const FLAT = 0.05;

export function SalesSection({ card }: { card: RetailerCard }) {
  const { t } = useT();
  const { months, trendPerMonth, avgMonthlyQty, lastOrderDate } = card.sales;
  const option = useMemo<ChartOption>(
    () => ({
      grid: { left: 44, right: 56, top: 36, bottom: 28 },
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [t.card.qtySeries, t.card.amountSeries] },
      xAxis: { type: 'category', data: months.map((m) => m.month.slice(2).replace('-', '/')) },
      // The legend names the units; axis titles would collide with it on a phone.
      yAxis: [
        { type: 'value', minInterval: 1 },
        { type: 'value', splitLine: { show: false } },
      ],
      series: [
        { type: 'bar', name: t.card.qtySeries, data: months.map((m) => m.qty), itemStyle: { color: '#3d85c6' }, barMaxWidth: 22 },
        { type: 'line', name: t.card.amountSeries, yAxisIndex: 1, data: months.map((m) => m.amount), smooth: true, tooltip: { valueFormatter: (v: unknown) => formatMoney(Number(v)) }, itemStyle: { color: '#fa8c16' } },
      ],
    }),
    [months, t],
  );
  const up = trendPerMonth > FLAT;
  const down = trendPerMonth < -FLAT;
  const trendIcon = up ? <ArrowUpOutlined /> : down ? <ArrowDownOutlined /> : <MinusOutlined />;
  const trendText = up ? t.card.trendUp : down ? t.card.trendDown : t.card.trendFlat;

  return (
    <Card size="small" title={t.card.sales} data-testid="section-sales">
      <div className="zy-figures" data-testid="sales-figures">
        <div>
          <div className="zy-figure-label">{t.card.avgMonthly}</div>
          <div className="zy-figure-value">{t.card.cartonsPerMonth(avgMonthlyQty)}</div>
        </div>
        <div>
          <div className="zy-figure-label">{t.card.trend}</div>
          <div className={`zy-figure-value ${up ? 'zy-up' : down ? 'zy-down' : ''}`} data-testid="sales-trend">
            {trendIcon} {trendText} {Math.abs(trendPerMonth)}
          </div>
        </div>
        <div>
          <div className="zy-figure-label">{t.card.lastOrder}</div>
          <div className="zy-figure-value">{lastOrderDate ?? t.card.noOrders}</div>
        </div>
      </div>
      <EChart option={option} height={240} testId="sales-chart" />
    </Card>
  );
}
