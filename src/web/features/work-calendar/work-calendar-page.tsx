// 工作日历: the year at a glance — statutory holidays, make-up workdays (调休)
// and this org's overrides — and the override table managers keep, since the
// built-in statutory data ends with 2026.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, Col, Form, Input, InputNumber, Popconfirm, Radio, Row, Space, Table, Tag, Typography } from 'antd';
import type { CalendarDay } from '../../../shared/calendar.js';
import { ErrorResult, errorText } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { workCalendarApi } from './work-calendar-api.js';

const colours: Record<CalendarDay['kind'], { bg: string; fg: string }> = {
  holiday: { bg: '#fff1f0', fg: '#cf1322' },
  makeup: { bg: '#fff7e6', fg: '#d46b08' },
  weekend: { bg: '#fafafa', fg: '#8c8c8c' },
  workday: { bg: '#ffffff', fg: '#262626' },
};

function MonthGrid({ month, days }: { month: number; days: CalendarDay[] }) {
  const { t } = useT();
  const s = t.workCalendar;
  const first = new Date(`${days[0].date}T00:00:00Z`).getUTCDay();
  const blanks = (first + 6) % 7; // Monday first
  return (
    <Card size="small" title={s.month(month)} styles={{ body: { padding: 8 } }}>
      <div style={{ display: 'grid', gridTemplateColumns: 'repeat(7, 1fr)', gap: 2, fontSize: 12, textAlign: 'center' }}>
        {s.weekdays.map((w) => (
          <div key={w} style={{ color: '#8c8c8c' }}>
            {w}
          </div>
        ))}
        {Array.from({ length: blanks }, (_, i) => (
          <div key={`b${i}`} />
        ))}
        {days.map((d) => {
          const c = colours[d.kind];
          return (
            <div
              key={d.date}
              title={[d.date, d.name].filter(Boolean).join(' ')}
              data-kind={d.kind}
              data-source={d.source}
              style={{
                background: c.bg,
                color: c.fg,
                borderRadius: 3,
                padding: '2px 0',
                fontWeight: d.kind === 'holiday' || d.kind === 'makeup' ? 600 : 400,
                outline: d.source === 'override' ? '2px solid #1677ff' : undefined,
                outlineOffset: -2,
              }}
            >
              {Number(d.date.slice(8))}
            </div>
          );
        })}
      </div>
    </Card>
  );
}

export function WorkCalendarPage() {
  const { t, lang } = useT();
  const s = t.workCalendar;
  const { message } = App.useApp();
  // Only those who keep the table change it; a province or city user looking in reads it (decision 1920).
  const manage = useSession().can('calendar.manage');
  const [year, setYear] = useState(() => new Date().getFullYear());
  const cal = useLoad(() => workCalendarApi.year(year), [year]);
  const overrides = useLoad(() => workCalendarApi.overrides(year), [year]);
  const [form] = Form.useForm<{ date: string; workday: boolean; name?: string }>();
  const [saving, setSaving] = useState(false);

  const months = useMemo(() => {
    const by: CalendarDay[][] = Array.from({ length: 12 }, () => []);
    for (const d of cal.data?.days ?? []) by[Number(d.date.slice(5, 7)) - 1].push(d);
    return by;
  }, [cal.data]);

  const reload = () => {
    cal.reload();
    overrides.reload();
  };
  const add = async (v: { date: string; workday: boolean; name?: string }) => {
    setSaving(true);
    try {
      await workCalendarApi.add({ date: v.date, workday: v.workday, name: v.name || undefined });
      message.success(s.added);
      form.resetFields(['date', 'name']);
      reload();
    } catch (e) {
      message.error(errorText(e, lang, t.common.unknownError));
    } finally {
      setSaving(false);
    }
  };

  if (cal.error) return <ErrorResult error={cal.error} onRetry={reload} />;
  const workdays = cal.data?.days.filter((d) => d.workday).length ?? 0;
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }} data-testid="work-calendar">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {s.title}
        </Typography.Title>
        <Space wrap>
          <InputNumber aria-label={s.year} value={year} min={2004} max={2100} onChange={(v) => v && setYear(v)} data-testid="calendar-year" />
          {cal.data && <Typography.Text type="secondary">{s.workdays(workdays)}</Typography.Text>}
        </Space>
      </Space>
      {cal.data && !cal.data.statutoryData && <Alert type="warning" showIcon message={s.noData(year)} />}
      <Space wrap size={4}>
        <Tag color="red">{s.legend.holiday}</Tag>
        <Tag color="orange">{s.legend.makeup}</Tag>
        <Tag>{s.legend.weekend}</Tag>
        <Tag color="blue">{s.legend.override}</Tag>
        {cal.data && (
          <Typography.Text type="secondary">
            {s.hours}: {cal.data.periods.map((p) => `${p.start}–${p.end}`).join(', ')}
          </Typography.Text>
        )}
      </Space>
      <Row gutter={[8, 8]}>
        {months.map((days, i) =>
          days.length ? (
            <Col key={i} xs={24} sm={12} md={8} xl={6}>
              <MonthGrid month={i + 1} days={days} />
            </Col>
          ) : null,
        )}
      </Row>
      <Card size="small" title={s.overrides}>
        {manage && (
          <Form form={form} layout="inline" initialValues={{ workday: false }} onFinish={add} style={{ rowGap: 8, marginBottom: 12 }}>
            <Form.Item name="date" rules={[{ required: true, message: s.date }]}>
              <Input type="date" aria-label={s.date} data-testid="override-date" />
            </Form.Item>
            <Form.Item name="workday">
              <Radio.Group
                optionType="button"
                options={[
                  { value: false, label: s.asHoliday },
                  { value: true, label: s.asWorkday },
                ]}
              />
            </Form.Item>
            <Form.Item name="name">
              <Input placeholder={s.name} maxLength={40} style={{ width: 160 }} data-testid="override-name" />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={saving} data-testid="override-add">
              {s.add}
            </Button>
          </Form>
        )}
        <Table
          size="small"
          rowKey="date"
          pagination={false}
          dataSource={overrides.data?.items ?? []}
          locale={{ emptyText: s.noOverrides }}
          columns={[
            { title: s.date, dataIndex: 'date' },
            { title: s.kind, dataIndex: 'workday', render: (w: boolean) => (w ? <Tag color="orange">{s.asWorkday}</Tag> : <Tag color="red">{s.asHoliday}</Tag>) },
            { title: s.name, dataIndex: 'name' },
            ...(manage
              ? [
                  {
                    title: '',
                    key: 'x',
                    render: (_: unknown, r: { date: string }) => (
                      <Popconfirm
                        title={s.confirmRemove}
                        onConfirm={async () => {
                          try {
                            await workCalendarApi.remove(r.date);
                            message.success(s.removed);
                            reload();
                          } catch (e) {
                            message.error(errorText(e, lang, t.common.unknownError));
                          }
                        }}
                      >
                        <Button size="small" danger>
                          {s.remove}
                        </Button>
                      </Popconfirm>
                    ),
                  },
                ]
              : []),
          ]}
        />
      </Card>
    </Space>
  );
}
