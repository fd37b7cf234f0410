// 新品培育: the launches in the viewer's scope with their 上柜率 and 复购率 so
// far and a below-band flag; marketing makes a new launch here.
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { BUSINESS_FORMATS, labelOf } from '../../../shared/codes.js';
import { SEGMENTS, type LaunchSummary } from '../../../shared/cultivation.js';
import { ErrorResult, errorText } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useSession } from '../../shell/session.js';
import { useT } from '../../i18n/i18n.js';
import { cultivationApi } from './cultivation-api.js';

export const pct = (v: number | null | undefined) => (v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)}%`);

type FormValues = { productId?: number; name?: string; launchWeek: string; weeks: number; tierMin: number; tierMax: number; segments: string[]; formats: string[]; gridIds: number[] };

function CreateLaunch({ onClose, onCreated }: { onClose: () => void; onCreated: () => void }) {
  const { t, lang } = useT();
  const c = t.cultivation;
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const options = useLoad(() => cultivationApi.options(), []);
  const submit = async (v: FormValues) => {
    setSaving(true);
    try {
      const r = await cultivationApi.create({
        productId: v.productId,
        name: v.name ?? '',
        launchWeek: v.launchWeek,
        weeks: v.weeks,
        target: { tierMin: v.tierMin, tierMax: v.tierMax, segments: v.segments as never, formats: v.formats as never, gridIds: v.gridIds },
      });
      message.success(c.created(r.targets));
      onCreated();
    } catch (e) {
      message.error(errorText(e, lang, t.common.unknownError));
    } finally {
      setSaving(false);
    }
  };
  const any = c.anyValue;
  return (
    <Modal open title={c.create} onCancel={onClose} onOk={() => form.submit()} confirmLoading={saving} destroyOnHidden>
      <Form form={form} layout="vertical" onFinish={submit} data-testid="launch-form"
        initialValues={{ weeks: 12, tierMin: 1, tierMax: 30, segments: [], formats: [], gridIds: [], launchWeek: new Date().toISOString().slice(0, 10) }}>
        <Form.Item name="productId" label={c.product} rules={[{ required: true, message: c.required }]}>
          <Select showSearch optionFilterProp="label" loading={options.loading}
            options={(options.data?.products ?? []).map((p) => ({ value: p.id, label: `${p.name}${t.punct.paren(p.code)}` }))} />
        </Form.Item>
        <Form.Item name="name" label={c.name}>
          <Input maxLength={60} />
        </Form.Item>
        <Space wrap>
          <Form.Item name="launchWeek" label={c.launchWeek} rules={[{ required: true, message: c.required }]}>
            <Input type="date" />
          </Form.Item>
          <Form.Item name="weeks" label={c.weeks}>
            <InputNumber min={4} max={26} />
          </Form.Item>
        </Space>
        <Typography.Text strong>{c.target}</Typography.Text>
        <Space wrap style={{ marginTop: 8 }}>
          <Form.Item name="tierMin" label={`${c.tierRange} ≥`}>
            <InputNumber min={1} max={30} />
          </Form.Item>
          <Form.Item name="tierMax" label={`${c.tierRange} ≤`}>
            <InputNumber min={1} max={30} />
          </Form.Item>
        </Space>
        <Form.Item name="segments" label={c.segments}>
          <Select mode="multiple" placeholder={any} options={SEGMENTS.map((s) => ({ value: s, label: c.segmentLabels[s] }))} />
        </Form.Item>
        <Form.Item name="formats" label={c.formats}>
          <Select mode="multiple" placeholder={any} options={BUSINESS_FORMATS.map((f) => ({ value: f, label: labelOf('businessFormat', f, lang) }))} />
        </Form.Item>
        <Form.Item name="gridIds" label={c.grids}>
          <Select mode="multiple" placeholder={any} optionFilterProp="label" options={(options.data?.grids ?? []).map((g) => ({ value: g.id, label: g.name }))} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function LaunchesPage() {
  const { t } = useT();
  const c = t.cultivation;
  const { can } = useSession();
  const [creating, setCreating] = useState(false);
  const list = useLoad(() => cultivationApi.list(), []);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  return (
    <Card
      title={c.title}
      extra={can('launch.manage') && <Button type="primary" onClick={() => setCreating(true)} data-testid="launch-create">{c.create}</Button>}
    >
      <Table<LaunchSummary>
        rowKey="id"
        size="small"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: c.none }}
        data-testid="launch-list"
        columns={[
          { title: c.name, dataIndex: 'name', render: (v: string, r) => <Link to={`/launches/${r.id}`}>{v}</Link> },
          { title: c.launchWeek, dataIndex: 'launchWeek' },
          { title: c.week, render: (_, r) => (r.status === 'finished' ? <Tag>{c.status.finished}</Tag> : `${c.weekN(r.currentWeek)} / ${r.weeks}`) },
          { title: c.targets, dataIndex: 'targets', align: 'right' },
          { title: c.listingRate, dataIndex: 'listingRate', align: 'right', render: pct },
          { title: c.reorderRate, dataIndex: 'reorderRate', align: 'right', render: pct },
          { title: '', render: (_, r) => (r.warning ? <Tag color="error">{c.warning}</Tag> : null) },
        ]}
      />
      {creating && <CreateLaunch onClose={() => setCreating(false)} onCreated={() => { setCreating(false); list.reload(); }} />}
    </Card>
  );
}
