// Desk analysis: causes as a Pareto chart (bars and the cumulative share),
// deadline attainment by handler, station and category, the reopen rate,
// 回访 satisfaction and the monthly trend; a grid worker sees their own.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import { useT } from '../../i18n/i18n.js';
import { ApiError, toQuery, type Wire } from '../../api/client.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { useSession } from '../../shell/session.js';
import { causeLabel, type deskStatsSchema } from '../../../shared/desk.js';
import { deskApi } from './desk-api.js';
import { categoryLabel } from './desk-labels.js';

type Stats = Wire<typeof deskStatsSchema>;
type Row_ = Stats['byHandler'][number];

export function DeskStatsPage() {
  const { t, lang } = useT();
  const d = t.desk;
  const { message } = App.useApp();
  const session = useSession();
  const [s, setS] = useState<Stats | null>(null);
  useEffect(() => {
    deskApi
      .stats({ mine: session.me?.user.role === 'grid_worker' ? 'true' : undefined })
      .then(setS)
      .catch((e) => message.error(e instanceof ApiError ? e.text(lang) : String(e)));
  }, [lang, message, session.me]);

  const pareto = useMemo<ChartOption>(() => {
    const rows = s?.pareto ?? [];
    const total = rows.reduce((a, r) => a + r.count, 0) || 1;
    let run = 0;
    const cum = rows.map((r) => Math.round((100 * (run += r.count)) / total));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 40, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: rows.map((r) => `${categoryLabel(r.category, lang)}·${causeLabel(r.category, r.cause, lang)}`), axisLabel: { rotate: 40, fontSize: 10 } },
      yAxis: [{ type: 'value' }, { type: 'value', max: 100, axisLabel: { formatter: '{value}%' } }],
      series: [
        { name: d.count, type: 'bar', data: rows.map((r) => r.count), itemStyle: { color: '#1677ff' } },
        { name: d.cumulative, type: 'line', yAxisIndex: 1, data: cum, itemStyle: { color: '#cf1322' } },
      ],
    };
  }, [s, lang, d]);
  const trend = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'category', data: (s?.monthly ?? []).map((m) => m.month) },
      yAxis: { type: 'value' },
      series: [
        { name: d.opened, type: 'line', data: (s?.monthly ?? []).map((m) => m.opened) },
        { name: d.closed, type: 'line', data: (s?.monthly ?? []).map((m) => m.closed) },
        { name: d.breached, type: 'line', data: (s?.monthly ?? []).map((m) => m.breached) },
      ],
    }),
    [s, d],
  );
  if (!s) return null;
  const pct = (a: number, b: number) => (b ? `${Math.round((100 * a) / b)}%` : '—');
  const table = (title: string, rows: Row_[]) => (
    <Card size="small" title={`${d.attainment} · ${title}`}>
      <Table
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={rows}
        columns={[
          { title: '', dataIndex: 'label', render: (v: string, r: Row_) => (title === d.byCategory ? categoryLabel(r.key, lang) : v) },
          { title: d.total, dataIndex: 'total', width: 70 },
          { title: d.onTime, dataIndex: 'onTime', width: 70 },
          { title: d.rate, render: (_: unknown, r: Row_) => pct(r.onTime, r.total), width: 70 },
        ]}
      />
    </Card>
  );
  const exportHref = (format: 'xlsx' | 'csv') => `/api/desk/stats/export${toQuery({ from: s.from, to: s.to, mine: session.me?.user.role === 'grid_worker' ? 'true' : undefined, format, lang })}`;
  const surveyed = s.surveys.satisfied + s.surveys.basically + s.surveys.dissatisfied;
  return (
    <Row gutter={[12, 12]}>
      <Col span={24}>
        <Space wrap>
          <Typography.Text type="secondary">
            {s.from} – {s.to}
          </Typography.Text>
          <Button size="small" icon={<DownloadOutlined />} href={exportHref('xlsx')} data-testid="desk-stats-export">
            {d.export}
          </Button>
          <Button size="small" href={exportHref('csv')}>
            {d.exportCsv}
          </Button>
        </Space>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={d.total} value={s.byCategory.reduce((a, r) => a + r.total, 0)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={d.reopenRate} value={pct(s.reopened, s.closed + s.reopened)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={d.satisfaction} value={pct(s.surveys.satisfied + s.surveys.basically, surveyed)} />
        </Card>
      </Col>
      <Col xs={12} md={6}>
        <Card size="small">
          <Statistic title={d.breached} value={s.byCategory.reduce((a, r) => a + r.breached, 0)} />
        </Card>
      </Col>
      <Col xs={24} lg={14}>
        <Card size="small" title={d.pareto}>
          <EChart option={pareto} height={300} testId="desk-pareto" />
        </Card>
      </Col>
      <Col xs={24} lg={10}>
        <Card size="small" title={d.monthly}>
          <EChart option={trend} height={300} />
        </Card>
      </Col>
      <Col xs={24} lg={8}>
        {table(d.byHandler, s.byHandler)}
      </Col>
      <Col xs={24} lg={8}>
        {table(d.byStation, s.byStation)}
      </Col>
      <Col xs={24} lg={8}>
        {table(d.byCategory, s.byCategory)}
      </Col>
    </Row>
  );
}
