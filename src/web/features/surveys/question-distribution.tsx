// Each question's answers in a round (decision 1742): bars of how many chose
// each option (single, multiple choice) or scale point, and a histogram of a
// number question's answers with their mean. Free text is not charted.
import { Card, Col, Row, Typography } from 'antd';
import { EChart, type ChartOption } from '../../components/echart.js';
import { useT } from '../../i18n/i18n.js';
import type { RoundResults } from './surveys-api.js';

type QuestionSpread = RoundResults['questions'][number];

function spreadChart(q: QuestionSpread, people: string): { option: ChartOption; height: number } {
  if (q.kind === 'number') {
    const labels = q.bins.map((b, i) => (i === q.bins.length - 1 || b.to - b.from !== 1 ? `${b.from}–${b.to}` : String(b.from)));
    return {
      height: 180,
      option: {
        tooltip: { trigger: 'axis' },
        grid: { left: 32, right: 8, top: 16, bottom: 40 },
        xAxis: { type: 'category', data: labels, axisLabel: { rotate: labels.length > 6 ? 35 : 0, fontSize: 10 } },
        yAxis: { type: 'value', minInterval: 1, name: people, nameTextStyle: { fontSize: 10 } },
        series: [{ type: 'bar', barCategoryGap: '2%', data: q.bins.map((b) => b.n), itemStyle: { color: '#13a8a8' } }],
      },
    };
  }
  if (q.kind === 'scale') {
    return {
      height: 160,
      option: {
        tooltip: { trigger: 'axis' },
        grid: { left: 32, right: 8, top: 16, bottom: 24 },
        xAxis: { type: 'category', data: q.counts.map((c) => c.label) },
        yAxis: { type: 'value', minInterval: 1 },
        series: [{ type: 'bar', data: q.counts.map((c) => ({ value: c.n, label: { show: c.n > 0, position: 'top' as const, fontSize: 11 } })), itemStyle: { color: '#1677ff' } }],
      },
    };
  }
  // Choices: horizontal bars, the options top to bottom in their order.
  const counts = [...q.counts].reverse();
  return {
    height: 40 + 28 * counts.length,
    option: {
      tooltip: { trigger: 'axis' },
      grid: { left: 8, right: 36, top: 8, bottom: 8, containLabel: true },
      xAxis: { type: 'value', minInterval: 1 },
      yAxis: { type: 'category', data: counts.map((c) => c.label), axisLabel: { width: 110, overflow: 'truncate' } },
      series: [{ type: 'bar', data: counts.map((c) => ({ value: c.n, label: { show: true, position: 'right' as const, fontSize: 11 } })), itemStyle: { color: '#722ed1' } }],
    },
  };
}

export function QuestionDistribution({ questions }: { questions: RoundResults['questions'] }) {
  const { t } = useT();
  const s = t.surveys;
  if (questions.length === 0) return null;
  return (
    <Card size="small" title={s.byQuestion} style={{ marginTop: 12 }} data-testid="question-distribution">
      <Row gutter={[12, 12]}>
        {questions.map((q, i) => {
          const { option, height } = spreadChart(q, s.people);
          return (
            <Col key={q.id} xs={24} md={12} data-testid={`question-spread-${q.id}`}>
              <Typography.Text strong style={{ fontSize: 13 }}>
                {i + 1}. {q.text}
              </Typography.Text>
              <div style={{ fontSize: 12, color: '#888' }}>
                {s.answeredBy(q.n)}
                {q.mean !== null ? ` · ${s.meanOf(q.mean)}` : ''}
                {q.kind === 'multi' ? ` · ${s.multiNote}` : ''}
              </div>
              {q.n > 0 ? <EChart option={option} height={height} /> : <div style={{ color: '#bbb', padding: 8 }}>{s.noAnswers}</div>}
            </Col>
          );
        })}
      </Row>
    </Card>
  );
}
