// Record why one retailer's tier may move further than the monthly limit
// this month; the next computation of the month applies it (decision 1420).
import { useState } from 'react';
import { App, Button, Form, Input, Modal } from 'antd';
import { tierCauseSchema } from '../../../shared/rating.js';
import { ApiError } from '../../api/client.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';
import { useT } from '../../i18n/i18n.js';
import { recordTierCause } from './rating-api.js';

export function TierCauseButton({ retailerId, shopName, month }: { retailerId: number; shopName: string; month: string }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const save = async () => {
    const { reason } = await form.validateFields();
    setBusy(true);
    try {
      await recordTierCause(retailerId, month, reason);
      message.success(t.rating.causeSaved);
      setOpen(false);
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-testid={`record-cause-${retailerId}`}>
        {t.rating.recordCause}
      </Button>
      <Modal open={open} title={t.rating.causeTitle(shopName, month)} onOk={save} confirmLoading={busy} onCancel={() => setOpen(false)} okText={t.rating.recordCause} cancelText={t.common.cancel} destroyOnHidden>
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={t.adjust.reason} rules={schemaRules(tierCauseSchema.shape.reason, lang)}>
            <Input.TextArea placeholder={t.rating.causeHint} {...inputLimits(tierCauseSchema.shape.reason)} autoSize={{ minRows: 2 }} />
          </Form.Item>
        </Form>
      </Modal>
    </>
  );
}
