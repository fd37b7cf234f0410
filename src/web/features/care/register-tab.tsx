// The special-group register: visible only with care.special.read, each load
// audited on the server; a record needs its proof photo.
import { useState } from 'react';
import { Alert, App, Button, DatePicker, Form, Input, InputNumber, Modal, Select, Space, Table, Tag } from 'antd';
import type { Dayjs } from 'dayjs';
import { careLabels, SPECIAL_GROUP_KINDS, type SpecialGroupKind } from '../../../shared/care.js';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { careApi } from './care-api.js';
import { PhotoPicker } from './photo-picker.js';

type Values = { retailerId: number; kind: SpecialGroupKind; disabilityGrade?: number; authority: string; documentNo?: string; validUntil: Dayjs; recheckOn: Dayjs; note?: string };

export function RegisterTab() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const list = useLoad(() => careApi.register(), []);
  const [adding, setAdding] = useState(false);
  const [photo, setPhoto] = useState<string | undefined>();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form);
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const save = async (v: Values) => {
    try {
      await careApi.addRecord({
        retailerId: v.retailerId, kind: v.kind, disabilityGrade: v.kind === 'disabled' ? (v.disabilityGrade ?? null) : null, authority: v.authority, documentNo: v.documentNo ?? '',
        photo, validUntil: v.validUntil.format('YYYY-MM-DD'), recheckOn: v.recheckOn.format('YYYY-MM-DD'), note: v.note ?? '',
      });
      message.success(t.care.saved);
      setAdding(false);
      form.resetFields();
      setPhoto(undefined);
      list.reload();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  };
  return (
    <>
      <Alert type="info" showIcon title={t.care.registerHint} style={{ marginBottom: 12 }} />
      <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }} data-testid="care-add-record">{t.care.addRecord}</Button>
      <Table
        size="small"
        rowKey="id"
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        scroll={{ x: 760 }}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t.care.shop, dataIndex: 'shopName' },
          { title: t.care.kind, dataIndex: 'kind', render: (k: SpecialGroupKind, r) => <>{careLabels.specialGroup[k][lang]}{r.disabilityGrade ? ` · ${t.care.gradeValue.replace('{n}', String(r.disabilityGrade))}` : ''}</> },
          { title: t.care.authority, dataIndex: 'authority' },
          { title: t.care.validUntil, dataIndex: 'validUntil', render: (d: string, r) => <Space>{d}{r.expired && <Tag color="red">{t.care.expired}</Tag>}</Space> },
          { title: t.care.recheckOn, dataIndex: 'recheckOn' },
          { title: t.care.proof, dataIndex: 'photoId', render: (id: number | null) => (id ? <a href={careApi.fileUrl(id)} target="_blank" rel="noopener noreferrer">{t.care.viewProof}</a> : '—') },
        ]}
      />
      <Modal open={adding} title={t.care.addRecord} onCancel={() => setAdding(false)} onOk={() => form.submit()} okText={t.care.save} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ kind: 'elderly_alone' }}>
          <Form.Item name="retailerId" label={t.care.retailerId} rules={[{ required: true }]}><InputNumber min={1} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="kind" label={t.care.kind} rules={[{ required: true }]}>
            <Select options={SPECIAL_GROUP_KINDS.map((k) => ({ value: k, label: careLabels.specialGroup[k][lang] }))} />
          </Form.Item>
          {kind === 'disabled' && <Form.Item name="disabilityGrade" label={t.care.grade} rules={[{ required: true }]}><InputNumber min={1} max={4} /></Form.Item>}
          <Form.Item name="authority" label={t.care.authority} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="documentNo" label={t.care.documentNo}><Input maxLength={40} /></Form.Item>
          <Space>
            <Form.Item name="validUntil" label={t.care.validUntil} rules={[{ required: true }]}><DatePicker /></Form.Item>
            <Form.Item name="recheckOn" label={t.care.recheckOn} rules={[{ required: true }]}><DatePicker /></Form.Item>
          </Space>
          <Form.Item label={t.care.proof} required><PhotoPicker value={photo} onChange={setPhoto} /></Form.Item>
          <Form.Item name="note" label={t.care.note}><Input maxLength={200} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
