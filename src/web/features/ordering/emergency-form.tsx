// Ask for emergency supply (应急补货) outside the plan: a product, cartons
// and the reason. Staff pick the retailer; a retailer asks for their own shop.
import { useEffect, useState } from 'react';
import { App, Button, Form, Input, InputNumber, Select } from 'antd';
import { ApiError } from '../../api/client.js';
import { searchActiveRetailers } from '../../api/endpoints.js';
import { useT } from '../../i18n/i18n.js';
import type { OrderingProduct } from '../../../shared/ordering.js';
import type { EmergencyRequestInput } from '../../../shared/order-corrections.js';
import { orderingApi } from './ordering-api.js';
import { correctionsApi } from './corrections-api.js';
import { emergencyRequestInputSchema } from '../../../shared/order-corrections.js';
import { inputLimits, schemaRules } from '../../components/schema-rules.js';

type Values = Omit<EmergencyRequestInput, 'retailerId'> & { retailerId?: number };

export function EmergencyForm({ retailerId, products: given, onSent, compact }: { retailerId?: number; products?: OrderingProduct[]; onSent: () => void; compact?: boolean }) {
  const { t, lang } = useT();
  const c = t.corrections;
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [shops, setShops] = useState<{ value: number; label: string }[]>([]);
  const [products, setProducts] = useState<OrderingProduct[]>(given ?? []);
  const [busy, setBusy] = useState(false);
  const chosen = Form.useWatch('retailerId', form) ?? retailerId;

  useEffect(() => {
    if (given) setProducts(given);
    else if (chosen) orderingApi.retailer(chosen).then((v) => setProducts(v.products), () => setProducts([]));
  }, [chosen, given]);

  const findShops = async (q: string) => {
    if (!q.trim()) return;
    try {
      const r = await searchActiveRetailers(q, 10);
      setShops(r.items.map((x) => ({ value: x.id, label: `${x.shopName} · ${x.customerCode}` })));
    } catch {
      setShops([]);
    }
  };

  const submit = async (v: Values) => {
    const id = retailerId ?? v.retailerId;
    if (!id) return;
    setBusy(true);
    try {
      await correctionsApi.requestEmergency({ retailerId: id, productId: v.productId, qty: v.qty, reason: v.reason });
      message.success(c.requestSent);
      form.resetFields(['productId', 'qty', 'reason']);
      onSent();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form form={form} layout={compact ? 'vertical' : 'inline'} onFinish={submit} data-testid="emergency-form" style={compact ? undefined : { rowGap: 8 }}>
      {!retailerId && (
        <Form.Item name="retailerId" label={compact ? c.retailer : undefined} rules={[{ required: true, message: c.pickRetailer }]}>
          <Select
            showSearch
            filterOption={false}
            onSearch={findShops}
            options={shops}
            placeholder={c.pickRetailer}
            style={{ width: compact ? '100%' : 260 }}
            notFoundContent={null}
            data-testid="emergency-retailer"
          />
        </Form.Item>
      )}
      <Form.Item name="productId" label={compact ? c.product : undefined} rules={[{ required: true, message: c.pickProduct }]}>
        <Select
          showSearch
          optionFilterProp="label"
          placeholder={c.pickProduct}
          style={{ width: compact ? '100%' : 240 }}
          options={products.map((p) => ({ value: p.productId, label: `${p.code} ${p.name}` }))}
          data-testid="emergency-product"
        />
      </Form.Item>
      <Form.Item name="qty" label={compact ? c.askQty : undefined} rules={schemaRules(emergencyRequestInputSchema.shape.qty, lang, c.askQty)}>
        <InputNumber {...inputLimits(emergencyRequestInputSchema.shape.qty)} min={1} precision={0} placeholder={c.askQty} inputMode="numeric" style={{ width: compact ? '100%' : 140 }} data-testid="emergency-qty" />
      </Form.Item>
      <Form.Item name="reason" label={compact ? c.emergencyReason : undefined} rules={schemaRules(emergencyRequestInputSchema.shape.reason, lang, c.emergencyReasonPlaceholder)}>
        <Input placeholder={c.emergencyReasonPlaceholder} {...inputLimits(emergencyRequestInputSchema.shape.reason)} style={{ width: compact ? '100%' : 280 }} data-testid="emergency-reason" />
      </Form.Item>
      <Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} block={compact} data-testid="emergency-submit">
          {c.newRequest}
        </Button>
      </Form.Item>
    </Form>
  );
}
