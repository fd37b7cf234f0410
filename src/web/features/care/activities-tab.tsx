// Community activities: the list with shops, staff and photos, and the form.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, List, Modal, Select, Space, Tag, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { ACTIVITY_KINDS, careLabels } from '../../../shared/care.js';
import { ApiError } from '../../api/client.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { careApi } from './care-api.js';
import { PhotoPicker } from './photo-picker.js';

type Values = { kind: (typeof ACTIVITY_KINDS)[number]; title: string; heldOn: Dayjs; place?: string; description?: string; shopIds?: string; staffIds?: string };
const ids = (s?: string) => (s ?? '').split(/[,，\s]+/).filter(Boolean).map(Number).filter((n) => Number.isInteger(n) && n > 0);

export function ActivitiesTab() {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const session = useSession();
  const list = useLoad(() => careApi.activities(), []);
  const [adding, setAdding] = useState(false);
  const [photo, setPhoto] = useState<string | undefined>();
  const [form] = Form.useForm<Values>();
  if (list.error) return <ErrorResult error={list.error} onRetry={list.reload} />;
  const save = async (v: Values) => {
    try {
      await careApi.addActivity({
        kind: v.kind, title: v.title, heldOn: v.heldOn.format('YYYY-MM-DD'), place: v.place ?? '', description: v.description ?? '', retailerIds: ids(v.shopIds), staffIds: ids(v.staffIds),
        photos: photo ? [photo] : [],
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
      {session.can('care.work') && <Button type="primary" onClick={() => setAdding(true)} style={{ marginBottom: 12 }}>{t.care.addActivity}</Button>}
      <List
        loading={list.loading}
        dataSource={list.data?.items ?? []}
        renderItem={(a) => (
          <List.Item key={a.id} data-testid="care-activity">
            <List.Item.Meta
              title={<Space wrap><Tag color="magenta">{careLabels.activity[a.kind][lang]}</Tag><span>{a.title}</span></Space>}
              description={
                <div>
                  <div>{a.heldOn} {a.place}</div>
                  {a.shops.length > 0 && <div>{t.care.shops}{t.punct.colon}{a.shops.map((s) => s.name).join(t.punct.listSep)}</div>}
                  {a.staff.length > 0 && <div>{t.care.staff}{t.punct.colon}{a.staff.map((s) => s.name).join(t.punct.listSep)}</div>}
                  {a.description && <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>{a.description}</Typography.Paragraph>}
                  <Space style={{ marginTop: 4 }}>{a.photoIds.map((p) => <img key={p} src={careApi.fileUrl(p)} alt="" style={{ height: 56, borderRadius: 4 }} />)}</Space>
                </div>
              }
            />
          </List.Item>
        )}
      />
      <Modal open={adding} title={t.care.addActivity} onCancel={() => setAdding(false)} onOk={() => form.submit()} okText={t.care.save} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ kind: 'practical_deeds' }}>
          <Form.Item name="kind" label={t.care.kind} rules={[{ required: true }]}><Select options={ACTIVITY_KINDS.map((k) => ({ value: k, label: careLabels.activity[k][lang] }))} /></Form.Item>
          <Form.Item name="title" label={t.care.activityTitle} rules={[{ required: true }]}><Input maxLength={60} /></Form.Item>
          <Form.Item name="heldOn" label={t.care.heldOn} rules={[{ required: true }]}><DatePicker /></Form.Item>
          <Form.Item name="place" label={t.care.place}><Input maxLength={100} /></Form.Item>
          <Form.Item name="shopIds" label={t.care.shops} extra={t.care.shopIdsHint}><Input /></Form.Item>
          <Form.Item name="staffIds" label={t.care.staff} extra={t.care.staffIdsHint}><Input /></Form.Item>
          <Form.Item name="description" label={t.care.description}><Input.TextArea maxLength={1000} rows={3} /></Form.Item>
          <Form.Item label={t.care.photos}><PhotoPicker value={photo} onChange={setPhoto} /></Form.Item>
        </Form>
      </Modal>
    </>
  );
}
