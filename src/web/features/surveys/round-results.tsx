// A round's results: overall and by dimension with sample size and the 95 %
// margin of error beside the last round, then by grid and client manager,
// then each question's answers.
import { useMemo } from 'react';
import { Card, Col, Empty, Row, Statistic, Table, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { EChart, type ChartOption } from '../../components/echart.js';
import type { RoundResults } from './surveys-api.js';
import { surveyLabel } from '../../../shared/surveys.js';
import { QuestionDistribution } from './question-distribution.js';

type Est = { n: number; mean: number | null; moe: number | null };
const fmt = (e: Est | null) => (e && e.mean !== null ? `${e.mean.toFixed(1)}${e.moe !== null ? ` ± ${e.moe.toFixed(1)}` : ''}` : '—');

function Change({ now, before }: { now: Est; before: Est | null }) {
  if (!before || before.mean === null || now.mean === null) return <span>—</span>;
  const d = now.mean - before.mean;
  // Coloured only when the change is larger than the margin of the difference, √(m₁² + m₂²).
  const clear = now.moe !== null && before.moe !== null && Math.abs(d) > Math.hypot(now.moe, before.moe);
  return <Tag color={!clear ? 'default' : d > 0 ? 'green' : 'red'}>{`${d > 0 ? '+' : ''}${d.toFixed(1)}`}</Tag>;
}

export function RoundResultsView({ r }: { r: RoundResults }) {
  const { t, lang } = useT();
  const s = t.surveys;
  const chart = useMemo<ChartOption>(() => {
    const labelOf = (e: Est) => (e.mean === null ? '' : e.moe === null ? e.mean.toFixed(1) : `${e.mean.toFixed(1)}±${e.moe.toFixed(1)}`);
    return {
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: 40, right: 10, top: 30, bottom: 30 },
      xAxis: { type: 'category', data: r.dimensions.map((d) => d.label) },
      yAxis: { type: 'value', min: 0, max: 100 },
      series: [
        { name: r.round.name, type: 'bar', data: r.dimensions.map((d) => ({ value: d.mean ?? 0, label: { show: true, position: 'top', formatter: labelOf(d), fontSize: 11 } })) },
        ...(r.previousRound
          ? [{ name: r.previousRound.name, type: 'bar' as const, data: r.dimensions.map((d) => ({ value: d.previous?.mean ?? 0, label: { show: true, position: 'top' as const, formatter: d.previous ? labelOf(d.previous) : '', fontSize: 11 } })) }]
          : []),
      ],
    };
  }, [r]);
  if (r.overall.n === 0) return <Empty description={s.noAnswers} />;
  const cols = (nameTitle: string, nameKey: 'gridName' | 'workerName') => [
    { title: nameTitle, dataIndex: nameKey, render: (v: string | null, x: { workerName?: string | null }) => (nameKey === 'gridName' ? `${v ?? ''}${x.workerName ? ` · ${x.workerName}` : ''}` : v) },
    { title: s.sampled, dataIndex: 'sampled', width: 70 },
    { title: s.n, dataIndex: 'n', width: 70 },
    { title: s.score, key: 'score', render: (_: unknown, x: Est) => fmt(x) },
    { title: s.previous, key: 'prev', render: (_: unknown, x: Est & { previous: Est | null }) => fmt(x.previous), responsive: ['md' as const] },
    { title: s.change, key: 'chg', render: (_: unknown, x: Est & { previous: Est | null }) => <Change now={x} before={x.previous} /> },
  ];
  return (
    <div data-testid="round-results">
      <Row gutter={[12, 12]}>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={s.overall} value={fmt(r.overall)} data-testid="overall-score" />
            <Typography.Text type="secondary" data-testid="overall-n">
              {s.n} {r.overall.n} / {s.population} {r.population} · 95%
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={r.previousRound ? `${s.previous}${t.punct.colon}${r.previousRound.name}` : s.noPrevious} value={fmt(r.overall.previous)} />
            <Typography.Text type="secondary">
              {s.change} <Change now={r.overall} before={r.overall.previous} />
            </Typography.Text>
          </Card>
        </Col>
        <Col xs={24} md={8}>
          <Card size="small">
            <Statistic title={`${s.answered} / ${s.sampled}`} value={`${r.round.answered} / ${r.round.sampled}`} />
            <Typography.Text type="secondary" data-testid="by-channel">
              {(['app', 'sms', 'agent'] as const).map((c) => `${surveyLabel('channel', c, lang)} ${r.round.byChannel[c]}`).join(' · ')}
            </Typography.Text>
          </Card>
        </Col>
      </Row>
      <Card size="small" title={s.byDimension} style={{ marginTop: 12 }}>
        <EChart option={chart} height={280} testId="dimension-chart" />
      </Card>
      <Card size="small" title={s.byGrid} style={{ marginTop: 12 }}>
        <Table size="small" rowKey="gridId" dataSource={r.byGrid} columns={cols(s.grid, 'gridName')} pagination={{ pageSize: 10 }} data-testid="results-by-grid" />
      </Card>
      <Card size="small" title={s.byWorker} style={{ marginTop: 12 }}>
        <Table size="small" rowKey={(x) => String(x.workerId ?? x.workerName)} dataSource={r.byWorker} columns={cols(s.worker, 'workerName')} pagination={{ pageSize: 10 }} />
      </Card>
      <QuestionDistribution questions={r.questions} />
    </div>
  );
}
