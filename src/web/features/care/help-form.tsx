// Record help given to an affected shop: kind, amount, approver, date.
import { useState } from 'react';
import { App, Button, DatePicker, Form, Input, InputNumber, Modal, Select } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { careLabels, HELP_KINDS } from '../../../shared/care.js';
import { ApiError } from '../../api/client.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { careApi, type AffectedShop } from './care-api.js';

type Values = { retailerId: number; kind: (typeof HELP_KINDS)[number]; amountYuan?: number; description: string; approverId: number; givenOn: Dayjs };

export function HelpForm({ disasterId, occurredOn, shops, onSaved }: { disasterId: number; occurredOn: string; shops: AffectedShop[]; onSaved: () => void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const approvers = useLoad(() => (open ? careApi.approvers() : Promise.resolve({ items: [] })), [open]);
  const [form] = Form.useForm<Values>();
  const save = async (v: Values) => {
    try {
      await careApi.addHelp(disasterId, { retailerId: v.retailerId, kind: v.kind, amountYuan: v.amountYuan ?? 0, description: v.description, approverId: v.approverId, givenOn: v.givenOn.format('YYYY-MM-DD') });
      message.success(t.care.saved);
      setOpen(false);
      form.resetFields();
      onSaved();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    }
  };
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-testid="help-add">{t.care.addHelp}</Button>
      <Modal open={open} title={t.care.addHelp} onCancel={() => setOpen(false)} onOk={() => form.submit()} okText={t.care.save} destroyOnHidden>
        <Form form={form} layout="vertical" onFinish={(v) => void save(v)} initialValues={{ kind: 'money', givenOn: dayjs() }}>
          <Form.Item name="retailerId" label={t.care.pickShop} rules={[{ required: true }]}>
            <Select showSearch optionFilterProp="label" options={shops.map((s) => ({ value: s.retailerId, label: s.shopName }))} />
          </Form.Item>
          <Form.Item name="kind" label={t.care.helpKind}><Select options={HELP_KINDS.map((k) => ({ value: k, label: careLabels.help[k][lang] }))} /></Form.Item>
          <Form.Item name="amountYuan" label={t.care.amount}><InputNumber min={0} max={1_000_000} style={{ width: '100%' }} /></Form.Item>
          <Form.Item name="description" label={t.care.description} rules={[{ required: true }]}><Input maxLength={200} /></Form.Item>
          <Form.Item name="approverId" label={t.care.approver} rules={[{ required: true }]}>
            <Select options={(approvers.data?.items ?? []).map((a) => ({ value: a.id, label: a.name }))} />
          </Form.Item>
          <Form.Item name="givenOn" label={t.care.givenOn} rules={[{ required: true }]}>
            <DatePicker disabledDate={(d) => d.isBefore(dayjs(occurredOn), 'day') || d.isAfter(dayjs(), 'day')} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
