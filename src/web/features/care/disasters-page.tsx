// 灾害帮扶: the list of disasters; the county declares one by drawing its area
// on the map (or picking grids), sees the active shops inside it, and confirms.
import { useMemo, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Button, Card, DatePicker, Form, Input, InputNumber, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { careLabels, DISASTER_KINDS } from '../../../shared/care.js';
import { ApiError, type Wire } from '../../api/client.js';
import { getOrg } from '../../api/endpoints.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { useOrgLists } from '../retailers/use-org-lists.js';
import type { disasterPreviewResultSchema } from '../../../shared/care.js';
import { careApi } from './care-api.js';
import { DisasterMap } from './disaster-map.js';

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

export function DisastersPage() {
  const { t, lang } = useT();
  const session = useSession();
  const navigate = useNavigate();
  const list = useLoad(() => careApi.disasters(), []);
  const [creating, setCreating] = useState(false);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  return (
    <Card title={t.care.disasters} extra={session.can('care.manage') && !creating && <Button type="primary" onClick={() => setCreating(true)} data-testid="disaster-new">{t.care.newDisaster}</Button>}>
      {creating && <NewDisaster onDone={(id) => navigate(`/care-disasters/${id}`)} onCancel={() => setCreating(false)} />}
      <Table
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 640 }}
        onRow={(r) => ({ onClick: () => navigate(`/care-disasters/${r.id}`), style: { cursor: 'pointer' } })}
        columns={[
          { title: t.care.disasterName, dataIndex: 'name', render: (n: string, r) => <Space><Tag>{careLabels.disaster[r.kind][lang]}</Tag>{n}</Space> },
          { title: t.care.occurredOn, dataIndex: 'occurredOn' },
          { title: t.care.shopsCount, dataIndex: 'shops' },
          { title: t.care.contacted, render: (_: unknown, r) => `${r.contacted}/${r.shops}` },
          { title: t.care.latestShare, dataIndex: 'latestShare', render: (x: number | null) => pct(x) },
          { title: '', dataIndex: 'status', render: (s: 'open' | 'closed') => <Tag color={s === 'open' ? 'orange' : 'green'}>{t.care.status[s]}</Tag> },
        ]}
      />
    </Card>
  );
}

type Values = { name: string; kind: (typeof DISASTER_KINDS)[number]; occurredOn: Dayjs; recoveryLevel: number; gridIds?: number[] };
type Preview = Wire<typeof disasterPreviewResultSchema>['shops'];

function NewDisaster({ onDone, onCancel }: { onDone: (id: number) => void; onCancel: () => void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const org = useLoad(getOrg, []);
  const { grids } = useOrgLists(true);
  const [form] = Form.useForm<Values>();
  const [mode, setMode] = useState<'polygon' | 'grids'>('polygon');
  const [ring, setRing] = useState<[number, number][] | null>(null);
  const [preview, setPreview] = useState<Preview | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));
  const area = () => (mode === 'polygon' ? (ring ? { kind: 'polygon' as const, ring } : null) : form.getFieldValue('gridIds')?.length ? { kind: 'grids' as const, gridIds: form.getFieldValue('gridIds') as number[] } : null);
  const look = async (a = area()) => {
    if (!a) return;
    try {
      setPreview((await careApi.preview(a)).shops);
    } catch (e) {
      setPreview(null);
      fail(e);
    }
  };
  const create = async (v: Values) => {
    const a = area();
    if (!a) return;
    try {
      const res = await careApi.createDisaster({ name: v.name, kind: v.kind, occurredOn: v.occurredOn.format('YYYY-MM-DD'), recoveryLevel: v.recoveryLevel / 100, area: a });
      onDone(res.id);
    } catch (e) {
      fail(e);
    }
  };
  const shops = useMemo(() => (preview ?? []).map((s) => ({ ...s, state: 'none' as const })), [preview]);
  return (
    <Card size="small" type="inner" title={t.care.newDisaster} style={{ marginBottom: 16 }} extra={<Button size="small" onClick={onCancel}>{t.care.back}</Button>}>
      <Form form={form} layout="vertical" onFinish={(v) => void create(v)} initialValues={{ kind: 'flood', occurredOn: dayjs(), recoveryLevel: 80 }}>
        <Space wrap align="start">
          <Form.Item name="name" label={t.care.disasterName} rules={[{ required: true }]}><Input maxLength={40} style={{ width: 200 }} data-testid="disaster-name" /></Form.Item>
          <Form.Item name="kind" label={t.care.kind}><Select style={{ width: 120 }} options={DISASTER_KINDS.map((k) => ({ value: k, label: careLabels.disaster[k][lang] }))} /></Form.Item>
          <Form.Item name="occurredOn" label={t.care.occurredOn} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="recoveryLevel" label={t.care.recoveryLevel}><InputNumber min={30} max={150} suffix="%" style={{ width: 100 }} /></Form.Item>
        </Space>
        <Radio.Group value={mode} onChange={(e) => { setMode(e.target.value); setPreview(null); }} style={{ marginBottom: 8 }}
          options={[{ value: 'polygon', label: t.care.drawArea }, { value: 'grids', label: t.care.byGrids }]} />
        {mode === 'grids' && (
          <Form.Item name="gridIds" label={t.care.pickGrids}>
            <Select mode="multiple" optionFilterProp="label" options={grids.map((g) => ({ value: g.id, label: g.name }))} onChange={() => void look()} />
          </Form.Item>
        )}
        {org.data && (
          <DisasterMap org={org.data} shops={shops} ring={ring} drawing={mode === 'polygon' && !ring}
            onRing={(r) => { setRing(r); void look({ kind: 'polygon', ring: r }); }} />
        )}
        <Space style={{ marginTop: 12 }} wrap>
          {mode === 'polygon' && ring && <Button onClick={() => { setRing(null); setPreview(null); }}>{t.care.redraw}</Button>}
          {preview && <Typography.Text strong data-testid="disaster-preview-count">{t.care.affected.replace('{n}', String(preview.length))}</Typography.Text>}
          <Button type="primary" htmlType="submit" disabled={!preview?.length} data-testid="disaster-create">{t.care.create}</Button>
        </Space>
        {preview && preview.length > 0 && (
          <Table size="small" rowKey="retailerId" style={{ marginTop: 8 }} dataSource={preview} pagination={{ pageSize: 10 }} data-testid="disaster-preview"
            columns={[{ title: t.care.shop, dataIndex: 'shopName' }, { title: t.care.grid, dataIndex: 'gridName' }, { title: t.care.worker, dataIndex: 'workerName' }]} />
        )}
      </Form>
    </Card>
  );
}
