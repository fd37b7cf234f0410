// The daily settlement report: the day's orders and amounts by settlement
// method and status, as figures, a stacked bar per method and a table.
import { formatMoney } from '../../../shared/format.js';
import { useMemo } from 'react';
import { Card, Col, Row, Statistic, Table } from 'antd';
import { labelOf } from '../../../shared/codes.js';
import type { SettlementReport } from '../../../shared/settlement.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import { useT } from '../../i18n/i18n.js';
import { totalsByMethod, type Cell, type MethodRow } from './settlement-totals.js';

const STATUS_COLORS = { deducted: '#389e0d', pending: '#d48806', failed: '#cf1322' } as const;
/** The one money form without its sign, for <Statistic prefix="¥">. */
const money = (n: number) => formatMoney(n).replace('¥', '');

export function SettlementReportCard({ report, loading }: { report: SettlementReport | undefined; loading: boolean }) {
  const { t, lang } = useT();
  const s = t.settlement;
  const totals = useMemo(() => totalsByMethod(report?.totals ?? []), [report]);

  const chart = useMemo<ChartOption>(
    () => ({
      tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
      legend: { top: 0 },
      grid: { left: 8, right: 16, top: 32, bottom: 8, containLabel: true },
      xAxis: { type: 'value' },
      yAxis: { type: 'category', data: totals.rows.map((r) => labelOf('settlementMethod', r.method, lang)), inverse: true },
      series: (['deducted', 'pending', 'failed'] as const).map((st) => ({
        name: labelOf('settlementStatus', st, lang),
        type: 'bar' as const,
        stack: 'amount',
        barMaxWidth: 28,
        itemStyle: { color: STATUS_COLORS[st] },
        data: totals.rows.map((r) => r[st].amount),
      })),
    }),
    [totals, lang, s],
  );

  const cell = (key: keyof Omit<MethodRow, 'method'>) => ({
    title: key === 'all' ? t.ordering.total : labelOf('settlementStatus', key, lang),
    align: 'right' as const,
    render: (_: unknown, r: MethodRow) => <CellText c={r[key]} />,
  });

  return (
    <Card size="small" title={s.report} loading={loading && !report} data-testid="settlement-report">
      <Row gutter={[12, 12]}>
        <Col xs={12} md={6}>
          <Statistic title={s.orders} value={totals.day.all.orders} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={s.totalAmount} value={money(totals.day.all.amount)} prefix="¥" />
        </Col>
        <Col xs={12} md={6}>
          <Statistic title={labelOf('settlementStatus', 'deducted', lang)} value={money(totals.day.deducted.amount)} prefix="¥" styles={{ content: { color: STATUS_COLORS.deducted } }} />
        </Col>
        <Col xs={12} md={6}>
          <Statistic
            title={`${labelOf('settlementStatus', 'failed', lang)} / ${labelOf('settlementStatus', 'pending', lang)}`}
            value={`${totals.day.failed.orders} / ${totals.day.pending.orders}`}
            styles={{ content: { color: totals.day.failed.orders ? STATUS_COLORS.failed : undefined } }}
            data-testid="report-failed-pending"
          />
        </Col>
        <Col xs={24} lg={10}>
          <EChart option={chart} height={180} testId="settlement-chart" />
        </Col>
        <Col xs={24} lg={14}>
          <Table<MethodRow>
            size="small"
            rowKey="method"
            pagination={false}
            scroll={{ x: 520 }}
            dataSource={totals.rows}
            data-testid="settlement-totals"
            summary={() => (
              <Table.Summary.Row>
                <Table.Summary.Cell index={0}>{t.ordering.total}</Table.Summary.Cell>
                {(['deducted', 'pending', 'failed', 'all'] as const).map((k, i) => (
                  <Table.Summary.Cell key={k} index={i + 1} align="right">
                    <CellText c={totals.day[k]} />
                  </Table.Summary.Cell>
                ))}
              </Table.Summary.Row>
            )}
            columns={[
              { title: s.method, dataIndex: 'method', render: (m: string) => labelOf('settlementMethod', m, lang) },
              cell('deducted'),
              cell('pending'),
              cell('failed'),
              cell('all'),
            ]}
          />
        </Col>
      </Row>
    </Card>
  );
}

function CellText({ c }: { c: Cell }) {
  const { t } = useT();
  if (!c.orders) return <span style={{ color: '#bfbfbf' }}>{t.common.dash}</span>;
  return (
    <span style={{ whiteSpace: 'nowrap' }}>
      {c.orders} · {formatMoney(c.amount)}
    </span>
  );
}
