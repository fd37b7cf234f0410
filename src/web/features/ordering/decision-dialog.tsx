// The approver's answer to a correction or an emergency request: approve
// (with the cartons granted, for an emergency request) or decline with a
// reason the requester reads.
import { useState } from 'react';
import { Form, Input, InputNumber, Modal } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { emergencyDecisionSchema } from '../../../shared/order-corrections.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';

export type DecisionValues = { qty?: number; reason: string };

export function DecisionDialog({
  approve,
  title,
  maxQty,
  onClose,
  onSubmit,
}: {
  approve: boolean;
  title: string;
  /** Asks for the cartons granted, up to this many. */
  maxQty?: number;
  onClose: () => void;
  onSubmit: (v: DecisionValues) => Promise<void>;
}) {
  const { t, lang } = useT();
  const c = t.corrections;
  const [form] = Form.useForm<DecisionValues>();
  const [busy, setBusy] = useState(false);
  return (
    <Modal
      open
      title={title}
      okText={approve ? c.approve : c.decline}
      okButtonProps={{ danger: !approve, ...({ 'data-testid': 'decision-ok' } as Record<string, string>) }}
      confirmLoading={busy}
      onOk={() => form.submit()}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ qty: maxQty, reason: '' }}
        onFinish={async (v) => {
          setBusy(true);
          try {
            await onSubmit(v);
          } finally {
            setBusy(false);
          }
        }}
      >
        {approve && maxQty !== undefined && (
          <Form.Item name="qty" label={c.grantQty} rules={[{ required: true }]}>
            <InputNumber min={1} max={maxQty} precision={0} style={{ width: 160 }} data-testid="decision-qty" />
          </Form.Item>
        )}
        <Form.Item name="reason" label={approve ? c.approveNote : c.declineReason} rules={approve ? schemaRules(emergencyDecisionSchema.shape.reason, lang) : [{ required: true, whitespace: true, message: c.declineReason }, ...schemaRules(emergencyDecisionSchema.shape.reason, lang)]}>
          <Input.TextArea rows={2} {...inputLimits(emergencyDecisionSchema.shape.reason)} data-testid="decision-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
