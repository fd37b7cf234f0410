// Before publishing: how much this month moves the tiers, against last month's
// run — tiers changed, moved more than two, held by the monthly limit — and a
// chart of the moves (decision 1420).
import { useMemo } from 'react';
import { Card, Table, Typography } from 'antd';
import { EChart, type ChartOption } from '../../components/echart.js';
import { useT } from '../../i18n/i18n.js';
import type { RatingRun, RunSummary } from './rating-api.js';

type Churn = NonNullable<RunSummary['churn']>;
const ROWS = ['tierChanged', 'movedOver2', 'heldByCap', 'overCapWithCause', 'starChanged'] as const;

export function TierChurnCard({ run, summary, previous }: { run: RatingRun; summary: RunSummary; previous?: RatingRun }) {
  const { t } = useT();
  const churn = summary.churn as Churn;
  const prev = previous && 'churn' in previous.summary ? (previous.summary as RunSummary).churn ?? null : null;
  const option = useMemo<ChartOption>(() => {
    const labels = churn.moves.map((_, i) => i - churn.range).map((d) => (Math.abs(d) === churn.range ? `${t.rating.moveLabel(d)}+` : t.rating.moveLabel(d)));
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 44, right: 10, top: 30, bottom: 24 },
      xAxis: { type: 'category', data: labels },
      yAxis: { type: 'value' },
      series: [
        { name: run.month, type: 'bar', data: churn.moves, itemStyle: { color: '#1f5f9e' } },
        ...(prev && prev.moves.length === churn.moves.length ? [{ name: previous!.month, type: 'bar' as const, data: prev.moves, itemStyle: { color: '#bfbfbf' } }] : []),
      ],
    };
  }, [churn, prev, previous, run.month, t]);
  const rows = ROWS.map((k) => ({ key: k, label: t.rating.churnRows[k], now: t.rating.churnValue(churn[k], churn.compared), prev: prev ? t.rating.churnValue(prev[k], prev.compared) : t.rating.churnNoPrev }));
  return (
    <Card size="small" title={`${t.rating.churnTitle} · ${run.month}`} data-testid="tier-churn">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
        {t.rating.churnHint(summary.tierWindowMonths ?? 1, summary.maxMonthlyMove ?? null)}
      </Typography.Paragraph>
      <div className="zy-card-grid">
        <Table
          size="small"
          pagination={false}
          dataSource={rows}
          columns={[
            { title: t.rating.churnCol.metric, dataIndex: 'label' },
            { title: `${t.rating.churnCol.now} (${run.month})`, dataIndex: 'now', align: 'right' },
            { title: `${t.rating.churnCol.prev}${previous ? ` (${previous.month})` : ''}`, dataIndex: 'prev', align: 'right' },
          ]}
        />
        <div>
          <Typography.Text strong>{t.rating.movesChart}</Typography.Text>
          <EChart option={option} height={200} testId="chart-tier-moves" />
        </div>
      </div>
    </Card>
  );
}
