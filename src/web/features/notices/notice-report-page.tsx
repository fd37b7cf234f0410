// 通知统计与费用: for the shops in the viewer's scope over a period, the SMS
// cost estimate (billed parts × the contracted price, decision 1134), the
// shops that turned SMS off or muted a kind of notice, the order-reminder
// effect, a chart of what went out by template and the table by template
// and channel.
import { useMemo, useState } from 'react';
import { Card, Col, Empty, Row, Segmented, Space, Statistic, Table, Tooltip, Typography } from 'antd';
import { EChart, type ChartOption } from '../../components/echart.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { fillMessage } from '../../../shared/plural.js';
import { formatNumber } from '../../../shared/format.js';
import { formatYuan } from '../../../shared/money.js';
import { templateLabels, type EditableTemplateCode } from '../../../shared/notice-templates.js';
import { noticesApi, type NoticeReport } from './notices-api.js';

type Row = NoticeReport['rows'][number];
const PERIODS = [7, 30, 90] as const;
const share = (v: number | null) => (v == null ? '—' : `${(v * 100).toFixed(1)}%`);

export function NoticeReportPage() {
  const { t, lang } = useT();
  const s = t.noticeReport;
  const [days, setDays] = useState<number>(30);
  const report = useLoad(() => noticesApi.report(days), [days]);
  const d = report.data;
  const nameOf = (c: string) => templateLabels[c as EditableTemplateCode]?.[lang] ?? (c === 'urgent' ? s.urgent : c);
  const channelOf = (c: string) => (c === 'sms' ? t.notices.channelSms : c === 'wechat' ? t.notices.channelWechat : t.notices.channelInapp);

  // Outside channels per template: what was sent, delivered, failed, and held back by an opt-out.
  const option = useMemo<ChartOption>(() => {
    const by = new Map<string, { sent: number; delivered: number; failed: number; optedOut: number }>();
    for (const r of d?.rows ?? []) {
      if (r.channel === 'inapp') continue;
      const x = by.get(r.template) ?? { sent: 0, delivered: 0, failed: 0, optedOut: 0 };
      by.set(r.template, { sent: x.sent + r.sent, delivered: x.delivered + r.delivered, failed: x.failed + r.failed, optedOut: x.optedOut + r.optedOut });
    }
    const codes = [...by.keys()];
    const bar = (name: string, color: string, pick: (x: { sent: number; delivered: number; failed: number; optedOut: number }) => number) =>
      ({ name, type: 'bar' as const, barMaxWidth: 14, itemStyle: { color }, data: codes.map((c) => pick(by.get(c)!)) });
    return {
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 24, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', inverse: true, data: codes.map(nameOf), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [bar(s.sent, '#1677ff', (x) => x.sent), bar(s.delivered, '#389e0d', (x) => x.delivered), bar(s.failed, '#cf1322', (x) => x.failed), bar(s.optedOut, '#8c8c8c', (x) => x.optedOut)],
    };
  }, [d, s, lang]);

  if (report.error) return <ErrorResult error={report.error} onRetry={report.reload} />;
  const chartRows = new Set((d?.rows ?? []).filter((r) => r.channel !== 'inapp').map((r) => r.template)).size;
  const e = d?.reminderEffect;

  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="notice-report">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>{s.title}</Typography.Title>
        <Segmented
          aria-label={s.days}
          value={days}
          onChange={(v) => setDays(Number(v))}
          options={PERIODS.map((n) => ({ value: n, label: fillMessage(s.lastDays, { n }) }))}
          data-testid="report-days"
        />
      </Space>
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Card size="small" loading={report.loading && !d}>
            <Statistic title={<Tooltip title={s.costHint}>{s.cost}</Tooltip>} value={d ? formatYuan(d.cost.yuan) : '—'} data-testid="report-cost" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={report.loading && !d}>
            <Statistic title={s.segments} value={formatNumber(d?.cost.segments ?? 0)} data-testid="report-segments" />
            <Typography.Text type="secondary">{fillMessage(s.price, { p: d?.cost.pricePerSegmentYuan ?? '—' })}</Typography.Text>
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={report.loading && !d}>
            <Statistic title={s.smsOff} value={d?.optOuts.smsOff ?? 0} data-testid="report-sms-off" />
          </Card>
        </Col>
        <Col xs={12} md={6}>
          <Card size="small" loading={report.loading && !d}>
            <Statistic title={s.muted} value={d?.optOuts.muted ?? 0} data-testid="report-muted" />
          </Card>
        </Col>
      </Row>
      {e && e.windows > 0 && (
        <Card size="small" title={s.effect}>
          {fillMessage(s.effectText, { reached: e.reached, ro: e.reachedOrdered, rs: share(e.reachedShare), nr: e.notReached, nro: e.notReachedOrdered, ns: share(e.notReachedShare) })}
        </Card>
      )}
      <Card size="small" title={s.chartTitle}>
        {chartRows ? <EChart option={option} height={Math.max(200, 56 + chartRows * 40)} testId="report-chart" /> : <Empty description={s.empty} />}
      </Card>
      <Card size="small" styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey={(r) => `${r.template}|${r.channel}`}
          size="small"
          loading={report.loading}
          dataSource={d?.rows ?? []}
          pagination={false}
          scroll={{ x: 820 }}
          locale={{ emptyText: s.empty }}
          data-testid="report-table"
          columns={[
            { title: s.template, dataIndex: 'template', render: (c: string) => nameOf(c), fixed: 'left' },
            { title: s.channel, dataIndex: 'channel', render: channelOf },
            { title: s.notices, dataIndex: 'notices', align: 'right' },
            { title: s.sent, dataIndex: 'sent', align: 'right' },
            { title: s.delivered, dataIndex: 'delivered', align: 'right' },
            { title: s.failed, dataIndex: 'failed', align: 'right' },
            { title: s.read, dataIndex: 'read', align: 'right' },
            { title: s.optedOut, dataIndex: 'optedOut', align: 'right' },
            { title: s.segments, dataIndex: 'segments', align: 'right' },
            { title: s.costCol, key: 'cost', align: 'right', render: (_, r) => (r.channel === 'sms' && d ? formatYuan(r.segments * d.cost.pricePerSegmentYuan) : '—') },
          ]}
        />
      </Card>
    </Space>
  );
}
