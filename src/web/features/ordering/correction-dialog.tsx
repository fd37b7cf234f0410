// Record a return or a wrong order (wrong brand or quantity) against one
// order line, with the reason; it waits for marketing staff to approve.
import { useEffect, useState } from 'react';
import { App, Form, Input, InputNumber, Modal, Radio, Select } from 'antd';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import type { OrderListItem } from '../../../shared/order-corrections.js';
import type { OrderingProduct } from '../../../shared/ordering.js';
import { orderingApi } from './ordering-api.js';
import { correctionsApi } from './corrections-api.js';
import { correctionRequestSchema } from '../../../shared/order-corrections.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';

type Line = OrderListItem['lines'][number];
type Values = { kind: 'return' | 'correction'; qty: number; replacementProductId?: number; reason: string };

export function CorrectionDialog({ order, line, onClose, onDone }: { order: OrderListItem; line: Line; onClose: () => void; onDone: () => void }) {
  const { t, lang } = useT();
  const c = t.corrections;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [products, setProducts] = useState<OrderingProduct[]>([]);
  const [busy, setBusy] = useState(false);
  const kind = Form.useWatch('kind', form);
  const room = line.orderedQty - line.pendingQty;

  useEffect(() => {
    orderingApi
      .retailer(order.retailerId)
      .then((v) => setProducts(v.products.filter((p) => p.productId !== line.productId)))
      .catch(() => setProducts([]));
  }, [order.retailerId, line.productId]);

  const submit = async (v: Values) => {
    setBusy(true);
    try {
      await correctionsApi.requestCorrection(line.id, { ...v, replacementProductId: v.kind === 'correction' ? v.replacementProductId : undefined });
      message.success(c.requested);
      onDone();
    } catch (e) {
      if (e instanceof ApiError) {
        form.setFields(e.details.map((d) => ({ name: d.field as keyof Values, errors: [lang === 'en' ? d.messageEn : d.message] })));
        message.error(e.text(lang));
      } else message.error(String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open
      title={`${c.fixTitle} · ${order.shopName} · ${line.productName}`}
      okText={c.submitRequest}
      onOk={() => form.submit()}
      confirmLoading={busy}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'correction-submit' } as Record<string, string>}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" initialValues={{ kind: 'correction', qty: Math.min(1, room) }} onFinish={submit} data-testid="correction-form">
        <Form.Item name="kind" label={c.kind}>
          <Radio.Group optionType="button" options={(['correction', 'return'] as const).map((k) => ({ value: k, label: c.kinds[k] }))} />
        </Form.Item>
        <Form.Item name="qty" label={`${c.qty}${t.punct.paren(`${c.lineNow} ${line.orderedQty}${line.pendingQty ? `${t.punct.comma}${c.pendingQty} ${line.pendingQty}` : ''}`)}`} rules={[{ required: true }]}>
          <InputNumber min={1} max={room} precision={0} style={{ width: 160 }} />
        </Form.Item>
        {kind === 'correction' && (
          <Form.Item name="replacementProductId" label={c.replacement} rules={[{ required: true, message: c.pickProduct }]}>
            <Select
              showSearch
              data-testid="replacement-select"
              placeholder={c.pickProduct}
              optionFilterProp="label"
              options={products.map((p) => ({ value: p.productId, label: `${p.code} ${p.name}` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="reason" label={c.reason} rules={schemaRules(correctionRequestSchema.shape.reason, lang, c.reasonPlaceholder)}>
          <Input.TextArea rows={2} {...inputLimits(correctionRequestSchema.shape.reason)} placeholder={c.reasonPlaceholder} data-testid="correction-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
