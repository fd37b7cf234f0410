// The county's (or the station's) four measures: distribution in bands of ten
// and the largest falls, with the definition and its weights beside; marketing
// edits the weights (a new version) and can compute now.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Col, Descriptions, Empty, Form, InputNumber, Row, Skeleton, Space, Table, Typography, message } from 'antd';
import { MEASURES, partLabels, type MeasureId } from '../../../shared/measures.js';
import { ApiError } from '../../api/client.js';
import { EChart } from '../../components/echart.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { getCountyMeasures, getMeasureDefinition, runMeasuresNow, saveMeasureDefinition, type MeasureWeights } from './measures-api.js';
import { MeasureRules, measureName } from './measure-view.js';

function WeightsEditor({ weights, onSaved }: { weights: MeasureWeights; onSaved: () => void }) {
  const { t, lang } = useT();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [form] = Form.useForm();
  const pct = (x: number) => Math.round(x * 1000) / 10;
  const initial = {
    ...Object.fromEntries(Object.entries(weights.loyalty).map(([k, v]) => [`loyalty.${k}`, pct(v)])),
    ...Object.fromEntries(Object.entries(weights.contribution).map(([k, v]) => [`contribution.${k}`, pct(v)])),
    tenureFullMonths: weights.tenureFullMonths,
  };
  const submit = async (v: Record<string, number>) => {
    const pick = (group: string, keys: readonly string[]) => Object.fromEntries(keys.map((k) => [k, (v[`${group}.${k}`] ?? 0) / 100]));
    setSaving(true);
    setError(null);
    try {
      await saveMeasureDefinition({
        loyalty: pick('loyalty', Object.keys(weights.loyalty)) as MeasureWeights['loyalty'],
        contribution: pick('contribution', Object.keys(weights.contribution)) as MeasureWeights['contribution'],
        tenureFullMonths: v.tenureFullMonths,
      });
      message.success(t.measures.weightsSaved);
      onSaved();
    } catch (e) {
      setError(e instanceof ApiError ? ((lang === 'zh' ? e.body.message : e.body.messageEn) ?? e.code) : String(e));
    } finally {
      setSaving(false);
    }
  };
  return (
    <Form form={form} layout="inline" initialValues={initial} onFinish={submit} data-testid="weights-form">
      {(['loyalty', 'contribution'] as const).map((g) =>
        Object.keys(weights[g]).map((k) => (
          <Form.Item key={`${g}.${k}`} name={`${g}.${k}`} label={`${measureName(g, lang)}·${partLabels[k as keyof typeof partLabels][lang]} %`}>
            <InputNumber min={0} max={100} style={{ width: 80 }} data-testid={`weight-${g}-${k}`} />
          </Form.Item>
        )),
      )}
      <Form.Item name="tenureFullMonths" label={t.measures.tenureFull}>
        <InputNumber min={1} max={240} style={{ width: 80 }} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={saving} data-testid="weights-save">
        {t.measures.saveWeights}
      </Button>
      {error && <Alert type="error" showIcon title={error} style={{ width: '100%', marginTop: 8 }} data-testid="weights-error" />}
    </Form>
  );
}

export function MeasuresPage() {
  const { t, lang } = useT();
  const m = t.measures;
  const { can } = useSession();
  const county = useLoad(() => getCountyMeasures(), []);
  const def = useLoad(() => getMeasureDefinition(), []);
  const [editing, setEditing] = useState(false);
  const c = county.data;
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle">
      <Typography.Title level={3} style={{ margin: 0 }}>
        {m.title}
      </Typography.Title>
      <Card
        size="small"
        title={`${m.definition}${def.data ? ` · ${m.version(def.data.version)}` : ''}`}
        extra={
          can('measure.manage') ? (
            <Space>
              <Button size="small" onClick={() => setEditing((x) => !x)} data-testid="weights-edit">
                {m.editWeights}
              </Button>
              <Button size="small" onClick={() => runMeasuresNow().then(() => message.info(m.runQueued))}>
                {m.runNow}
              </Button>
            </Space>
          ) : null
        }
      >
        <MeasureRules />
        {def.data && (
          <Descriptions size="small" column={{ xs: 1, md: 2 }} style={{ marginTop: 8 }}>
            <Descriptions.Item label={measureName('loyalty', lang)}>
              {Object.entries(def.data.weights.loyalty).map(([k, v]) => `${partLabels[k as keyof typeof partLabels][lang]} ${Math.round(v * 100)}%`).join(' + ')}
            </Descriptions.Item>
            <Descriptions.Item label={measureName('contribution', lang)}>
              {Object.entries(def.data.weights.contribution).map(([k, v]) => `${partLabels[k as keyof typeof partLabels][lang]} ${Math.round(v * 100)}%`).join(' + ')}
            </Descriptions.Item>
          </Descriptions>
        )}
        {editing && def.data && (
          <WeightsEditor
            weights={def.data.weights}
            onSaved={() => {
              setEditing(false);
              def.reload();
            }}
          />
        )}
      </Card>
      {county.error ? (
        <Empty description={t.common.unknownError} />
      ) : !c ? (
        <Skeleton active />
      ) : !c.asOf ? (
        <Empty description={m.none} />
      ) : (
        <>
          <Typography.Text type="secondary">
            {m.asOf(c.asOf)} · {m.shops(c.shops)} {c.compareTo ? `· ${m.compareTo(c.compareTo)}` : ''}
          </Typography.Text>
          <Row gutter={[12, 12]}>
            {c.distribution.map((d) => (
              <Col key={d.measure} xs={24} md={12}>
                <Card size="small" title={`${measureName(d.measure, lang)} · ${m.mean} ${d.mean ?? '—'}`} extra={d.missing ? `${m.missing} ${d.missing}` : null} data-testid={`dist-${d.measure}`}>
                  <EChart
                    height={180}
                    option={{
                      tooltip: { trigger: 'axis' },
                      grid: { left: 40, right: 8, top: 12, bottom: 24 },
                      xAxis: { type: 'category', data: d.bands.map((_, i) => `${i * 10}–${i * 10 + 9}`) },
                      yAxis: { type: 'value' },
                      series: [{ type: 'bar', data: d.bands, itemStyle: { color: '#1677ff' } }],
                    }}
                  />
                </Card>
              </Col>
            ))}
          </Row>
          <Card size="small" title={m.movers}>
            <Table
              size="small"
              rowKey={(r) => `${r.measure}-${r.retailerId}`}
              pagination={{ pageSize: 10 }}
              dataSource={c.movers}
              data-testid="movers"
              columns={[
                { title: t.measures.title, dataIndex: 'measure', render: (x: MeasureId) => measureName(x, lang), filters: MEASURES.map((x) => ({ text: measureName(x, lang), value: x })), onFilter: (v, r) => r.measure === v },
                { title: m.shop, dataIndex: 'shopName', render: (x: string, r) => <Link to={`/retailers/${r.retailerId}`}>{x}</Link> },
                { title: m.from, dataIndex: 'from' },
                { title: m.to, dataIndex: 'to' },
                { title: m.change, dataIndex: 'delta', render: (x: number) => <span style={{ color: '#cf1322' }}>{x}</span> },
              ]}
            />
          </Card>
        </>
      )}
    </Space>
  );
}
