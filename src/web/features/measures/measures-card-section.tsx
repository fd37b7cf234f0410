// The four measures on the retailer card: each value with its parts, the
// trend by month, and why a measure fell (as the star "why" does).
import { formatYuan } from '../../../shared/money.js';
import { Card, Col, Empty, Progress, Row, Skeleton, Space, Typography } from 'antd';
import { MEASURES, partLabels, type MeasureId } from '../../../shared/measures.js';
import { EChart } from '../../components/echart.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { getRetailerMeasures, type RetailerMeasures } from './measures-api.js';
import { MeasureValue, measureName } from './measure-view.js';

type Latest = NonNullable<RetailerMeasures['latest']>;

function Parts({ parts, lang }: { parts: Latest['loyaltyParts']; lang: 'zh' | 'en' }) {
  return (
    <div style={{ fontSize: 12 }}>
      {parts.map((p) => (
        <div key={p.id} style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <span style={{ width: 110, flex: 'none' }}>{partLabels[p.id][lang]}</span>
          <Progress percent={Math.round(p.value * 100)} size="small" style={{ margin: 0, flex: 1 }} />
          <span style={{ width: 40, flex: 'none', color: '#888' }}>×{Math.round(p.weight * 100)}%</span>
        </div>
      ))}
    </div>
  );
}

export function MeasuresCardSection({ retailerId }: { retailerId: number }) {
  const { t, lang } = useT();
  const m = t.measures;
  const loaded = useLoad(() => getRetailerMeasures(retailerId), [retailerId]);
  const data = loaded.data;
  const latest = data?.latest;
  const f = latest?.facts;
  const sub = (id: MeasureId) => {
    if (!latest || !f) return null;
    if (id === 'satisfaction') return latest.satisfaction === null ? null : m.answers(latest.satAnswers);
    if (id === 'dependence') return f.depReportedOn ? m.reportedOn(f.depReportedOn, f.depSource) : null;
    if (id === 'loyalty') return [m.facts.weeks(f.orderWeeks, f.eligibleWeeks), m.facts.tenure(f.tenureMonths), m.facts.bad(f.badOrders, f.allOrders)].join(t.punct.semicolon);
    return [m.facts.sales(formatYuan(f.salesAmount)), m.facts.share(f.countySharePct.toFixed(3))].join(t.punct.semicolon);
  };
  return (
    <Card size="small" title={m.cardTitle} data-testid="section-measures" extra={latest ? <Typography.Text type="secondary">{m.asOf(latest.asOf)}</Typography.Text> : null}>
      {loaded.error ? (
        <Empty description={t.common.unknownError} />
      ) : !data ? (
        <Skeleton active />
      ) : !latest ? (
        <Empty description={m.none} />
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          <Row gutter={[8, 8]}>
            {MEASURES.map((id) => (
              <Col key={id} xs={12} md={6}>
                <div style={{ color: '#666', fontSize: 12 }}>{measureName(id, lang)}</div>
                <MeasureValue measure={id} value={latest[id]} />
                <div style={{ color: '#999', fontSize: 11 }}>{sub(id)}</div>
              </Col>
            ))}
          </Row>
          <Row gutter={16}>
            <Col xs={24} md={12}>
              <Typography.Text strong>{measureName('loyalty', lang)} · {m.parts}</Typography.Text>
              <Parts parts={latest.loyaltyParts} lang={lang} />
            </Col>
            <Col xs={24} md={12}>
              <Typography.Text strong>{measureName('contribution', lang)} · {m.parts}</Typography.Text>
              <Parts parts={latest.contributionParts} lang={lang} />
            </Col>
          </Row>
          <div data-testid="measures-why">
            <Typography.Text strong>{m.why}</Typography.Text>
            {data.why.length === 0 ? (
              <div style={{ color: '#888' }}>{m.noDrop}</div>
            ) : (
              data.why.map((w) => (
                <div key={w.measure} style={{ marginTop: 4 }}>
                  <b>
                    {measureName(w.measure, lang)} {w.from.toFixed(1)} → {w.to.toFixed(1)}
                  </b>
                  <ul style={{ margin: 0, paddingLeft: 18 }}>
                    {w.texts.map((x, i) => (
                      <li key={i}>{x[lang]}</li>
                    ))}
                  </ul>
                </div>
              ))
            )}
          </div>
          {data.trend.length > 1 && (
            <EChart
              height={200}
              testId="measures-trend"
              option={{
                tooltip: { trigger: 'axis' },
                legend: { top: 0 },
                grid: { left: 32, right: 12, top: 28, bottom: 24 },
                xAxis: { type: 'category', data: data.trend.map((p) => p.asOf.slice(2)) },
                yAxis: { type: 'value', min: 0, max: 100 },
                series: MEASURES.map((id) => ({ type: 'line' as const, name: measureName(id, lang), connectNulls: false, data: data.trend.map((p) => p[id]) })),
              }}
            />
          )}
        </Space>
      )}
    </Card>
  );
}
