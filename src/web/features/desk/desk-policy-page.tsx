// 工单时限设置: the county edits the deadline policy — business hours, the
// warning share, and per category × customer segment the time to first
// contact, reply and close in working hours or working days. Saving makes a
// new version that applies to cases opened from then on; the server checks
// it and its refusals are shown beside the fields, in the user's language.
import { useEffect, useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Input, InputNumber, Select, Space, Table, Typography } from 'antd';
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { ApiError, type FieldDetail, type Wire } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { formatDateTime } from '../../../shared/format.js';
import { businessDayMinutes, CATEGORY_CODES, SEGMENTS, type deskPolicyRulesSchema } from '../../../shared/desk.js';
import { deskApi } from './desk-api.js';
import { categoryLabel, deskLabel } from './desk-labels.js';

type Rules = Wire<typeof deskPolicyRulesSchema>;
type Unit = 'm' | 'h' | 'd';
type Span = { value: number | null; unit: Unit };
const LIMITS = ['firstContactMinutes', 'replyMinutes', 'closeMinutes'] as const;
type Row = { key: number; category: string; segment: Rules['deadlines'][number]['segment'] } & Record<(typeof LIMITS)[number], Span>;

/** Minutes as whole working days when they are, else whole hours, else minutes under an hour, else hours. */
function spanOf(minutes: number, day: number): Span {
  if (day > 0 && minutes % day === 0) return { value: minutes / day, unit: 'd' };
  if (minutes % 60 === 0 || minutes >= 60) return { value: Math.round((minutes / 60) * 100) / 100, unit: 'h' };
  return { value: minutes, unit: 'm' };
}
const FACTOR = { m: 1, h: 60 } as const;
const minutesOf = (s: Span, day: number) => (s.value === null ? 0 : Math.round(s.value * (s.unit === 'd' ? day : FACTOR[s.unit])));

function SpanInput({ span, onChange, error, testId }: { span: Span; onChange: (s: Span) => void; error: boolean; testId?: string }) {
  const { t } = useT();
  return (
    <Space.Compact>
      <InputNumber value={span.value} step={span.unit === 'h' ? 0.5 : 1} status={error ? 'error' : undefined} style={{ width: 80 }} onChange={(v) => onChange({ ...span, value: v })} data-testid={testId} />
      <Select
        value={span.unit}
        style={{ width: 92 }}
        onChange={(unit: Unit) => onChange({ ...span, unit })}
        options={[
          { value: 'm', label: t.desk.policyMinutes },
          { value: 'h', label: t.desk.policyHours },
          { value: 'd', label: t.desk.policyDays },
        ]}
      />
    </Space.Compact>
  );
}

export function DeskPolicyPage() {
  const { t, lang } = useT();
  const d = t.desk;
  const { message } = App.useApp();
  const loaded = useLoad(() => deskApi.policy(), []);
  const [rules, setRules] = useState<Rules | null>(null);
  const [rows, setRows] = useState<Row[]>([]);
  const [county, setCounty] = useState<Span>({ value: 1, unit: 'd' });
  const [errors, setErrors] = useState<FieldDetail[]>([]);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    const p = loaded.data;
    if (!p) return;
    const day = businessDayMinutes(p.rules.periods);
    setRules(p.rules);
    setCounty(spanOf(p.rules.countyAfterMinutes, day));
    setRows(p.rules.deadlines.map((r, i) => ({ key: i, category: r.category, segment: r.segment, ...Object.fromEntries(LIMITS.map((k) => [k, spanOf(r[k], day)])) }) as Row));
    setErrors([]);
  }, [loaded.data]);

  if (loaded.error) return <ErrorResult error={loaded.error} onRetry={loaded.reload} />;
  if (!rules || !loaded.data) return null;
  const day = businessDayMinutes(rules.periods);
  const bad = (field: string) => errors.some((e) => e.field === field || e.field.startsWith(`${field}.`));
  const setRow = (key: number, patch: Partial<Row>) => setRows(rows.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const fieldName = (field: string) => {
    const m = /^deadlines\.(\d+)/.exec(field);
    if (m) return d.policyRow(Number(m[1]) + 1);
    const names: Record<string, string> = { periods: d.policyPeriods, warnShare: d.policyWarn, countyAfterMinutes: d.policyCounty, surveyWorkingDays: d.policySurvey };
    return names[field.split('.')[0]] ?? field;
  };

  const save = async () => {
    setSaving(true);
    setErrors([]);
    try {
      const next: Rules = {
        ...rules,
        countyAfterMinutes: minutesOf(county, day),
        deadlines: rows.map((r) => ({ category: r.category, segment: r.segment, ...Object.fromEntries(LIMITS.map((k) => [k, minutesOf(r[k], day)])) }) as Rules['deadlines'][number]),
      };
      const saved = await deskApi.savePolicy(next);
      message.success(d.policySaved(saved.version));
      loaded.reload();
    } catch (e) {
      if (e instanceof ApiError && e.details.length) setErrors(e.details);
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Space direction="vertical" style={{ width: '100%' }} data-testid="desk-policy">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {d.policyTitle}
      </Typography.Title>
      <Alert
        type="info"
        showIcon
        message={loaded.data.createdAt ? d.policyVersion(loaded.data.version, formatDateTime(loaded.data.createdAt)) : d.policyDefault}
        description={d.policyNewCasesOnly}
        data-testid="policy-version"
      />
      {loaded.data.inheritedFrom && (
        <Alert
          type={loaded.data.inheritedFrom.overridable ? 'info' : 'warning'}
          showIcon
          data-testid="policy-inherited"
          message={d.policyInherited(
            loaded.data.inheritedFrom.orgName,
            loaded.data.inheritedFrom.version,
            loaded.data.inheritedFrom.fields
              .map((f) => ({ deadlines: d.policyLimitsTitle, periods: d.policyPeriods, warnShare: d.policyWarn, countyAfterMinutes: d.policyCounty, surveyWorkingDays: d.policySurvey })[f] ?? f)
              .join(t.punct.listSep),
            !loaded.data.inheritedFrom.overridable,
          )}
        />
      )}
      {errors.length > 0 && (
        <Alert
          type="error"
          showIcon
          data-testid="policy-errors"
          message={d.policyHasErrors}
          description={
            <ul style={{ margin: 0, paddingLeft: 18 }}>
              {errors.map((e, i) => (
                <li key={i}>
                  {fieldName(e.field)}{t.punct.colon}{lang === 'en' ? e.messageEn : e.message}
                </li>
              ))}
            </ul>
          }
        />
      )}
      <Card size="small" title={d.policyHoursTitle}>
        <Descriptions size="small" column={1} bordered>
          <Descriptions.Item label={d.policyPeriods}>
            <Space wrap>
              {rules.periods.map((p, i) => (
                <Space.Compact key={i}>
                  {(['start', 'end'] as const).map((k) => (
                    <Input
                      key={k}
                      value={p[k]}
                      style={{ width: 70 }}
                      status={bad('periods') ? 'error' : undefined}
                      aria-label={`${d.policyPeriods} ${i + 1} ${k}`}
                      data-testid={`period-${i}-${k}`}
                      onChange={(e) => setRules({ ...rules, periods: rules.periods.map((q, j) => (j === i ? { ...q, [k]: e.target.value } : q)) })}
                    />
                  ))}
                  <Button icon={<DeleteOutlined />} aria-label={d.policyRemove} disabled={rules.periods.length <= 1} onClick={() => setRules({ ...rules, periods: rules.periods.filter((_, j) => j !== i) })} />
                </Space.Compact>
              ))}
              <Button icon={<PlusOutlined />} disabled={rules.periods.length >= 6} onClick={() => setRules({ ...rules, periods: [...rules.periods, { start: '18:00', end: '20:00' }] })}>
                {d.policyAddPeriod}
              </Button>
              <Typography.Text type="secondary">{d.policyDayLength(Math.round((day / 60) * 100) / 100)}</Typography.Text>
            </Space>
          </Descriptions.Item>
          <Descriptions.Item label={d.policyWarn}>
            <InputNumber min={1} max={99} value={Math.round(rules.warnShare * 100)} addonAfter="%" onChange={(v) => setRules({ ...rules, warnShare: (v ?? 75) / 100 })} />
          </Descriptions.Item>
          <Descriptions.Item label={d.policyCounty}>
            <SpanInput span={county} onChange={setCounty} error={bad('countyAfterMinutes')} />
          </Descriptions.Item>
          <Descriptions.Item label={d.policySurvey}>
            <InputNumber min={0} max={30} precision={0} value={rules.surveyWorkingDays} status={bad('surveyWorkingDays') ? 'error' : undefined} addonAfter={d.policyDays} onChange={(v) => setRules({ ...rules, surveyWorkingDays: v ?? 0 })} />
          </Descriptions.Item>
        </Descriptions>
      </Card>
      <Card size="small" title={d.policyLimitsTitle} extra={<Typography.Text type="secondary">{d.policySpecific}</Typography.Text>}>
        <Table<Row>
          size="small"
          rowKey="key"
          pagination={false}
          scroll={{ x: 860 }}
          dataSource={rows}
          onRow={(_, i) => ({ style: bad(`deadlines.${i}`) ? { background: '#fff1f0' } : undefined, 'data-testid': `policy-row-${i}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            {
              title: d.category,
              key: 'category',
              render: (_, r) => (
                <Select style={{ width: 150 }} value={r.category} onChange={(category) => setRow(r.key, { category })} options={[{ value: '*', label: d.policyAny }, ...CATEGORY_CODES.map((c) => ({ value: c, label: categoryLabel(c, lang) }))]} />
              ),
            },
            {
              title: d.policySegment,
              key: 'segment',
              render: (_, r) => (
                <Select style={{ width: 120 }} value={r.segment} onChange={(segment) => setRow(r.key, { segment })} options={[{ value: '*', label: d.policyAny }, ...SEGMENTS.map((s) => ({ value: s, label: deskLabel('segment', s, lang) }))]} />
              ),
            },
            ...LIMITS.map((k) => ({
              title: d.policyLimit[k],
              key: k,
              render: (_: unknown, r: Row, i: number) => <SpanInput span={r[k]} onChange={(s) => setRow(r.key, { [k]: s } as Partial<Row>)} error={bad(`deadlines.${i}.${k}`) || errors.some((e) => e.field === `deadlines.${i}`)} testId={`limit-${i}-${k}`} />,
            })),
            {
              title: '',
              key: 'x',
              render: (_, r) => <Button icon={<DeleteOutlined />} aria-label={d.policyRemove} disabled={rows.length <= 1} onClick={() => setRows(rows.filter((x) => x.key !== r.key))} />,
            },
          ]}
        />
        <Button
          icon={<PlusOutlined />}
          style={{ marginTop: 8 }}
          onClick={() =>
            setRows([...rows, { key: Math.max(0, ...rows.map((r) => r.key)) + 1, category: CATEGORY_CODES[0], segment: '*', firstContactMinutes: { value: 4, unit: 'h' }, replyMinutes: { value: 1, unit: 'd' }, closeMinutes: { value: 3, unit: 'd' } }])
          }
        >
          {d.policyAddRow}
        </Button>
      </Card>
      <Space>
        <Button type="primary" loading={saving} onClick={() => void save()} data-testid="policy-save">
          {d.policySave}
        </Button>
        <Button onClick={loaded.reload}>{d.policyReset}</Button>
      </Space>
    </Space>
  );
}
