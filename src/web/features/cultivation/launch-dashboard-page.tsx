// A launch's dashboard: 上柜率 and 复购率 by lifecycle week against the band
// of the county's earlier launches, weekly requested and supplied quantity
// per 100 shops with its band, the below-band warning, tables by grid, tier
// and client manager, and the consumer-trial feedback beside the curves.
import { useMemo } from 'react';
import { useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Col, Descriptions, Row, Space, Statistic, Table, Tabs, Tag, Typography } from 'antd';
import type { launchDashboardSchema } from '../../../shared/cultivation.js';
import { formatDateTime } from '../../../shared/format.js';
import type { Wire } from '../../api/client.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { ErrorResult, errorText } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../shell/session.js';
import { useT } from '../../i18n/i18n.js';
import { cultivationApi } from './cultivation-api.js';
import { pct } from './launches-page.js';

type LaunchDashboard = Wire<typeof launchDashboardSchema>;
type Band = LaunchDashboard['bands']['listingRate'];
type Dim = LaunchDashboard['byGrid'][number];

/** The measure with its band as a shaded area (low, then high − low stacked on it) and the band's median dashed. */
function bandSeries(band: Band, weeks: number[], scale: number, names: { band: string; median: string }, colour: string) {
  const at = (w: number) => band.find((b) => b.week === w);
  const r = (v: number | undefined) => (v === undefined ? null : Math.round(v * scale * 10) / 10);
  return [
    { name: names.band, type: 'line' as const, stack: `band-${colour}`, symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: colour }, data: weeks.map((w) => r(at(w)?.low)), tooltip: { show: false } },
    {
      name: names.band, type: 'line' as const, stack: `band-${colour}`, symbol: 'none', lineStyle: { opacity: 0 }, itemStyle: { color: colour }, areaStyle: { color: colour, opacity: 0.18 },
      data: weeks.map((w) => { const b = at(w); return b ? Math.round((b.high - b.low) * scale * 10) / 10 : null; }),
    },
    { name: names.median, type: 'line' as const, symbol: 'none', lineStyle: { type: 'dashed' as const, color: colour, opacity: 0.6 }, itemStyle: { color: colour }, data: weeks.map((w) => r(at(w)?.median)) },
  ];
}

function RateChart({ d, measure, colour, testId }: { d: LaunchDashboard; measure: 'listingRate' | 'reorderRate'; colour: string; testId: string }) {
  const { t } = useT();
  const c = t.cultivation;
  const option = useMemo<ChartOption>(() => {
    const weeks = Array.from({ length: d.launch.weeks }, (_, i) => i + 1);
    const cur = new Map(d.curve.map((p) => [p.week, p[measure]]));
    const series: ChartOption['series'] = [
      ...bandSeries(d.bands[measure], weeks, 100, { band: c.band, median: c.bandMedian }, colour),
      { name: c[measure], type: 'line', symbolSize: 7, lineStyle: { width: 3, color: colour }, itemStyle: { color: colour },
        data: weeks.map((w) => { const v = cur.get(w); return v === undefined || v === null ? null : Math.round(v * 1000) / 10; }) },
    ];
    if (measure === 'listingRate') {
      const shelf = new Map(d.curve.map((p) => [p.week, p.shelfRate]));
      series.push({ name: c.shelfRate, type: 'line', symbolSize: 5, lineStyle: { width: 2, color: '#52c41a' }, itemStyle: { color: '#52c41a' },
        data: weeks.map((w) => { const v = shelf.get(w); return v === undefined || v === null ? null : Math.round(v * 1000) / 10; }) });
    }
    return {
      tooltip: { trigger: 'axis', valueFormatter: (v) => (v == null ? '—' : `${v}%`) },
      legend: { top: 0, data: measure === 'listingRate' ? [c.listingRate, c.shelfRate, c.band, c.bandMedian] : [c.reorderRate, c.band, c.bandMedian] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: weeks.map((w) => c.weekN(w)), boundaryGap: false },
      yAxis: { type: 'value', min: 0, axisLabel: { formatter: '{value}%' } },
      series,
    };
  }, [d, measure, colour, c]);
  return <EChart option={option} height={280} testId={testId} />;
}

function QuantityChart({ d }: { d: LaunchDashboard }) {
  const { t } = useT();
  const c = t.cultivation;
  const option = useMemo<ChartOption>(() => {
    const weeks = Array.from({ length: d.launch.weeks }, (_, i) => i + 1);
    const cur = new Map(d.curve.map((p) => [p.week, p]));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0, data: [c.requestedPer100, c.suppliedPer100, c.band] },
      grid: { left: 8, right: 16, top: 40, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: weeks.map((w) => c.weekN(w)) },
      yAxis: { type: 'value', min: 0 },
      series: [
        ...bandSeries(d.bands.requestedPer100, weeks, 1, { band: c.band, median: c.bandMedian }, '#fa8c16'),
        { name: c.requestedPer100, type: 'bar', barMaxWidth: 14, itemStyle: { color: '#fa8c16' }, data: weeks.map((w) => cur.get(w)?.requestedPer100 ?? null) },
        { name: c.suppliedPer100, type: 'bar', barMaxWidth: 14, itemStyle: { color: '#1677ff' }, data: weeks.map((w) => cur.get(w)?.suppliedPer100 ?? null) },
      ],
    };
  }, [d, c]);
  return <EChart option={option} height={240} testId="launch-quantity-chart" />;
}

function DimTable({ rows, label, testId }: { rows: Dim[]; label: string; testId: string }) {
  const { t } = useT();
  const c = t.cultivation;
  return (
    <Table<Dim>
      rowKey="key"
      size="small"
      dataSource={rows}
      pagination={rows.length > 15 ? { pageSize: 15 } : false}
      scroll={{ x: 760 }}
      data-testid={testId}
      columns={[
        { title: label, dataIndex: 'label' },
        { title: c.targets, dataIndex: 'targets', align: 'right' },
        { title: c.listingRate, dataIndex: 'listingRate', align: 'right', render: pct, sorter: (a, b) => (a.listingRate ?? 0) - (b.listingRate ?? 0) },
        { title: c.shelfRate, dataIndex: 'shelfRate', align: 'right', render: pct },
        { title: c.reorderRate, dataIndex: 'reorderRate', align: 'right', render: pct },
        { title: c.distributionRate, dataIndex: 'distributionRate', align: 'right', render: pct },
        { title: c.requested, dataIndex: 'requested', align: 'right' },
        { title: c.supplied, dataIndex: 'supplied', align: 'right' },
      ]}
    />
  );
}

function Feedback({ f }: { f: LaunchDashboard['feedback'] }) {
  const { t } = useT();
  const c = t.cultivation;
  const share = (m: Record<string, number>, labels: Record<string, string>) => {
    const total = Object.values(m).reduce((a, b) => a + b, 0);
    return Object.entries(labels).map(([k, l]) => (
      <Tag key={k}>{l} {total ? Math.round(((m[k] ?? 0) * 100) / total) : 0}%</Tag>
    ));
  };
  return (
    <Card title={c.feedback} size="small" data-testid="launch-feedback">
      <Space wrap size="large">
        <Statistic title={c.checks} value={f.checks} />
        <Statistic title={c.shopsChecked} value={f.shopsChecked} />
        <Statistic title={c.onShelf} value={f.onShelf} />
        <Statistic title={c.tasteAvg} value={f.tasteAvg ?? '—'} suffix={f.tasteAvg === null ? '' : '/ 5'} />
        <Statistic title={c.packAvg} value={f.packAvg ?? '—'} suffix={f.packAvg === null ? '' : '/ 5'} />
        <Statistic title={c.samples} value={f.samples} />
      </Space>
      <Descriptions size="small" column={1} style={{ marginTop: 12 }}>
        <Descriptions.Item label={c.price}>{share(f.price, c.priceLabels)}</Descriptions.Item>
        <Descriptions.Item label={c.rebuy}>{share(f.rebuy, c.rebuyLabels)}</Descriptions.Item>
      </Descriptions>
      {f.byWeek.length > 0 && (
        <Table
          size="small"
          rowKey="week"
          pagination={false}
          dataSource={f.byWeek}
          columns={[
            { title: c.week, dataIndex: 'week', render: (w: number) => c.weekN(w) },
            { title: c.checks, dataIndex: 'checks', align: 'right' },
            { title: c.tasteAvg, dataIndex: 'tasteAvg', align: 'right', render: (v: number | null) => v ?? '—' },
            { title: c.rebuyLabels.yes, dataIndex: 'rebuyYes', align: 'right' },
          ]}
        />
      )}
    </Card>
  );
}

export function LaunchDashboardPage() {
  const { id } = useParams();
  const { t, lang } = useT();
  const c = t.cultivation;
  const { can } = useSession();
  const { message } = App.useApp();
  const dash = useLoad(() => cultivationApi.dashboard(Number(id)), [id]);
  if (dash.error) return <ErrorResult error={dash.error} onRetry={dash.reload} />;
  const d = dash.data;
  if (!d) return <Card loading />;
  const l = d.launch;
  const last = d.curve[d.curve.length - 1];
  const recompute = async () => {
    try {
      await cultivationApi.recompute(l.id);
      message.success(c.recomputing);
    } catch (e) {
      message.error(errorText(e, lang, t.common.unknownError));
    }
  };
  const fmt = (m: string, v: number) => (m.endsWith('Rate') ? pct(v) : v.toFixed(1));
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size="middle">
      <Card
        title={<Space wrap><span data-testid="launch-title">{l.name}</span><Tag>{c.scope[d.scope]}</Tag>{l.warning && <Tag color="error" data-testid="launch-warning-flag">{c.warning}</Tag>}</Space>}
        extra={can('launch.manage') && <Button onClick={recompute}>{c.recompute}</Button>}
      >
        <Space wrap size="large">
          <Statistic title={c.product} value={`${l.productName}`} />
          <Statistic title={c.launchWeek} value={l.launchWeek} />
          <Statistic title={c.week} value={l.status === 'finished' ? c.status.finished : `${c.weekN(l.currentWeek)} / ${l.weeks}`} />
          <Statistic title={c.targets} value={last?.listingRate === undefined ? l.targets : l.targets} />
          <Statistic title={c.listingRate} value={pct(last?.listingRate)} />
          <Statistic title={c.reorderRate} value={pct(last?.reorderRate)} />
          <Statistic title={c.distributionRate} value={pct(last?.distributionRate)} />
        </Space>
        {d.warnings.map((w) => (
          <Alert key={`${w.week}-${w.measure}`} type="error" showIcon style={{ marginTop: 12 }} data-testid="launch-warning"
            title={c.warningText(w.week, c[w.measure], fmt(w.measure, w.value), fmt(w.measure, w.low))} />
        ))}
        {d.bands.listingRate.length === 0 && <Alert type="info" showIcon style={{ marginTop: 12 }} title={c.noBand} />}
        {l.computedAt && <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>{c.computedAt} {formatDateTime(l.computedAt)}</Typography.Text>}
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <Space orientation="vertical" style={{ width: '100%' }} size="middle">
            <Card size="small" title={c.listingRate}><RateChart d={d} measure="listingRate" colour="#1677ff" testId="launch-listing-chart" /></Card>
            <Card size="small" title={c.reorderRate}><RateChart d={d} measure="reorderRate" colour="#722ed1" testId="launch-reorder-chart" /></Card>
            <Card size="small" title={`${c.requestedPer100} / ${c.suppliedPer100}`}><QuantityChart d={d} /></Card>
          </Space>
        </Col>
        <Col xs={24} xl={8}>
          <Feedback f={d.feedback} />
        </Col>
      </Row>
      <Card size="small">
        <Tabs
          items={[
            { key: 'grid', label: c.byGrid, children: <DimTable rows={d.byGrid} label={c.grids} testId="launch-by-grid" /> },
            { key: 'tier', label: c.byTier, children: <DimTable rows={d.byTier.map((r) => ({ ...r, label: c.tierN(r.key) }))} label={c.tierRange} testId="launch-by-tier" /> },
            { key: 'worker', label: c.byWorker, children: <DimTable rows={d.byWorker} label={c.byWorker} testId="launch-by-worker" /> },
          ]}
        />
      </Card>
    </Space>
  );
}
