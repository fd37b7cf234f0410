// 缺货率与动销率: for one order week, the company stock-out rate and 动销率 in
// the viewer's scope (county, station or own grids), a bar chart of the
// products that ran out most, and sortable tables per product and per grid.
import { useState } from 'react';
import { Button, Card, Col, Empty, Input, Row, Select, Space, Statistic, Tabs, Tooltip, Typography } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { orderingApi } from '../ordering/ordering-api.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { ProductStockoutChart, CHART_PRODUCTS } from './product-stockout-chart.js';
import { GridStatsTable, ProductStatsTable } from './stats-tables.js';
import { addWeeks, mondayOf } from './week-start.js';
import { labelOf } from '../../../shared/codes.js';

const pct = (v: number | null | undefined) => (v == null ? '—' : v.toFixed(1));

export function OrderingStatsPage() {
  const { t, lang } = useT();
  const s = t.orderingStats;
  const [week, setWeek] = useState<string | undefined>();
  const stats = useLoad(() => orderingApi.stats({ weekStart: week }), [week]);
  const plans = useLoad(() => orderingApi.plans().catch(() => ({ items: [] })), []);

  if (stats.error) return <ErrorResult error={stats.error} onRetry={stats.reload} />;
  const d = stats.data;
  const shown = week ?? d?.weekStart;
  const empty = d && d.products.length === 0 && d.grids.length === 0;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="ordering-stats">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title}
        </Typography.Title>
        <Space wrap>
          <Tooltip title={s.prevWeek}>
            <Button icon={<LeftOutlined />} aria-label={s.prevWeek} disabled={!shown} onClick={() => shown && setWeek(addWeeks(shown, -1))} />
          </Tooltip>
          <Input
            type="date"
            aria-label={s.week}
            value={shown ?? ''}
            onChange={(e) => e.target.value && setWeek(mondayOf(e.target.value))}
            style={{ width: 160 }}
            data-testid="stats-week"
          />
          <Tooltip title={s.nextWeek}>
            <Button icon={<RightOutlined />} aria-label={s.nextWeek} disabled={!shown} onClick={() => shown && setWeek(addWeeks(shown, 1))} />
          </Tooltip>
          {!!plans.data?.items.length && (
            <Select
              style={{ minWidth: 150 }}
              placeholder={s.plans}
              value={plans.data.items.some((p) => p.weekStart === shown) ? shown : undefined}
              onChange={(v: string) => setWeek(v)}
              options={plans.data.items.map((p) => ({ value: p.weekStart, label: `${p.weekStart} · ${labelOf('planStatus', p.status, lang)}` }))}
            />
          )}
        </Space>
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.loading && !d}>
            <Statistic title={<Tooltip title={s.stockoutHint}>{s.stockoutRate}</Tooltip>} value={pct(d?.stockoutRatePct)} suffix="%" data-testid="stat-stockout" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.loading && !d}>
            <Statistic title={<Tooltip title={s.sellThroughHint}>{s.sellThrough}</Tooltip>} value={pct(d?.sellThroughPct)} suffix="%" data-testid="stat-sell-through" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.loading && !d}>
            <Statistic title={s.demandLines} value={d?.grids.reduce((n, g) => n + g.demandLines, 0) ?? 0} />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={stats.loading && !d}>
            <Statistic title={s.stockoutLines} value={d?.grids.reduce((n, g) => n + g.stockoutLines, 0) ?? 0} />
          </Card>
        </Col>
      </Row>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {s.stockoutRate}{t.punct.colon}{s.stockoutHint}{t.punct.semicolon}{s.sellThrough}{t.punct.colon}{s.sellThroughHint}
      </Typography.Text>
      {empty ? (
        <Card size="small">
          <Empty description={s.noData} />
        </Card>
      ) : (
        d && (
          <>
            <Card size="small" title={s.chartTitle(Math.min(CHART_PRODUCTS, d.products.filter((p) => p.demandLines > 0).length))}>
              <ProductStockoutChart products={d.products} />
            </Card>
            <Card size="small" styles={{ body: { paddingTop: 0 } }}>
              <Tabs
                items={[
                  { key: 'grid', label: `${s.byGrid} (${d.grids.length})`, children: <GridStatsTable grids={d.grids} /> },
                  { key: 'product', label: `${s.byProduct} (${d.products.length})`, children: <ProductStatsTable products={d.products} /> },
                ]}
              />
            </Card>
          </>
        )
      )}
    </Space>
  );
}
