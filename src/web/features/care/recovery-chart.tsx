// The recovery curve: the area's weekly orders as a share of before, the
// level as a dashed line, and one chosen shop beside it.
import { useMemo, useState } from 'react';
import { Select, Space, Typography } from 'antd';
import { EChart, type ChartOption } from '../../components/echart.js';
import { useT } from '../../i18n/i18n.js';
import type { Recovery } from './care-api.js';

export function RecoveryChart({ data }: { data: Recovery }) {
  const { t } = useT();
  const [shopId, setShopId] = useState<number | undefined>();
  const shop = data.shops.find((s) => s.retailerId === shopId);
  const option = useMemo<ChartOption>(() => {
    const weeks = data.area.map((p) => p.week.slice(5));
    const asPct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v === null || v === undefined ? '—' : `${String(v)}%`) },
      legend: { top: 0 },
      grid: { left: 40, right: 12, top: 32, bottom: 28 },
      xAxis: { type: 'category', data: weeks },
      yAxis: { type: 'value', axisLabel: { formatter: '{value}%' }, min: 0 },
      series: [
        { name: t.care.area, type: 'line', data: data.area.map((p) => asPct(p.share)), lineStyle: { width: 3 } },
        { name: t.care.level, type: 'line', data: data.area.map(() => data.level * 100), lineStyle: { type: 'dashed', color: '#cf1322' }, itemStyle: { color: '#cf1322' }, symbol: 'none' },
        ...(shop ? [{ name: shop.shopName, type: 'line' as const, data: shop.points.map((p) => asPct(p.share)) }] : []),
      ],
    };
  }, [data, shop, t]);
  return (
    <div data-testid="recovery-chart" data-weeks={data.area.length}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Select allowClear placeholder={t.care.pickShop} style={{ width: 220 }} value={shopId} onChange={setShopId} showSearch optionFilterProp="label"
          options={data.shops.map((s) => ({ value: s.retailerId, label: s.shopName }))} />
        {data.recoveredWeek && <Typography.Text type="success">{t.care.recoveredWeek.replace('{w}', data.recoveredWeek)}</Typography.Text>}
      </Space>
      <EChart option={option} height={260} testId="recovery-echart" />
    </div>
  );
}
