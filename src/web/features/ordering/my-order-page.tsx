// The retailer's own page, phone-sized: the order week and window with dates,
// each limited product with its limit, the plain-language reason, price and
// line amount, the suggested order to take (it fills only products with no
// demand yet), the totals in cartons and yuan always in view, and a
// confirmation listing the lines and totals before anything is submitted.
import { useMemo, useState } from 'react';
import { Alert, App, Button, Empty, Input, Modal, Space, Spin, Table, Tag, Typography, type ButtonProps } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { SuggestedOrderCard } from './suggested-order.js';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import { matchProducts, orderTotals } from './order-lines.js';
import { useOrderDraft } from './use-order-draft.js';
import { MyEmergencyCard } from './my-emergency-card.js';
import { PhoneOrderLine } from './phone-order-line.js';
import { OrderWindowNote } from './order-window-note.js';
import { formatYuan } from '../../../shared/money.js';
import { labelOf } from '../../../shared/codes.js';
import './phone-order.css';

export function MyOrderPage() {
  const { t, lang } = useT();
  const o = t.ordering;
  const { me } = useSession();
  const { message } = App.useApp();
  const retailerId = me?.user.retailerId ?? null;
  const draft = useOrderDraft(retailerId, 'self');
  const { view, asked, lines, busy, byId } = draft;
  const [confirming, setConfirming] = useState(false);
  const [find, setFind] = useState('');
  const found = useMemo(() => matchProducts(view?.products ?? [], find, 5).filter((p) => asked[p.productId] === undefined), [view, find, asked]);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));

  if (!retailerId) return <Empty description={t.myFile.noRetailer} />;
  if (draft.loadError) return <Alert type="error" title={draft.loadError instanceof ApiError ? draft.loadError.text(lang) : String(draft.loadError)} />;
  if (!view) return <Spin style={{ display: 'block', margin: '60px auto' }} />;

  const shown = view.products.filter((p) => p.scarce || asked[p.productId] !== undefined);
  const totals = orderTotals(lines, byId);
  const capped = lines.some((l) => l.orderedQty < l.demandQty);
  const current = draft.result ?? view.currentOrder;
  const canSubmit = lines.length > 0 && !!view.window?.open;

  const submit = async () => {
    try {
      await draft.submit();
      setConfirming(false);
      message.success(current ? o.amended : o.submitted);
      void draft.reload();
    } catch (e) {
      setConfirming(false);
      fail(e);
    }
  };

  return (
    <div style={{ width: '100%', maxWidth: 520 }} data-testid="my-order">
      <Space orientation="vertical" size="small" style={{ width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {o.myOrderTitle}
        </Typography.Title>
        <OrderWindowNote window={view.window} orderWeekday={view.retailer.orderWeekday} />
        {view.lastOrders.some((x) => x.settlementStatus === 'failed') && <Alert type="error" showIcon title={o.deductionFailed} data-testid="deduction-failed" />}
        {current && <Tag color="green">{o.currentOrder}</Tag>}
        {!current && view.suggested.length > 0 && (
          <SuggestedOrderCard suggested={view.suggested} products={byId} typed={(pid) => asked[pid]} onFill={draft.takeSuggested} />
        )}
        {shown.length === 0 && <Empty description={o.lines} />}
        {shown.map((p) => (
          <PhoneOrderLine
            key={p.productId}
            product={p}
            demand={asked[p.productId] ?? 0}
            onDemand={(q) => draft.setDemand(p.productId, q)}
            suggestion={current ? undefined : view.suggested.find((s) => s.productId === p.productId)}
          />
        ))}
        <Input allowClear prefix={<PlusOutlined />} placeholder={o.addProduct} value={find} onChange={(e) => setFind(e.target.value)} data-testid="add-product" />
        {found.map((p) => (
          <Button
            key={p.productId}
            block
            style={{ height: 44 }}
            onClick={() => {
              draft.setDemand(p.productId, 1);
              setFind('');
            }}
          >
            {p.code} {p.name} · {formatYuan(p.price)}
          </Button>
        ))}
      </Space>
      <div className="zy-phone-submit">
        <span className="zy-phone-total" data-testid="order-total">
          <span>
            {o.total} {totals.cartons} {o.cartons}
          </span>
          <strong>{formatYuan(totals.amount)}</strong>
        </span>
        <Button type="primary" size="large" loading={busy} disabled={!canSubmit} onClick={() => setConfirming(true)} data-testid="my-order-submit">
          {current ? o.amendPlain : o.submitPlain}
        </Button>
      </div>
      <Modal
        open={confirming}
        title={o.confirmTitle}
        okText={o.confirmOk}
        cancelText={o.confirmCancel}
        confirmLoading={busy}
        onOk={submit}
        onCancel={() => setConfirming(false)}
        okButtonProps={{ size: 'large', 'data-testid': 'order-confirm-ok' } as ButtonProps}
        cancelButtonProps={{ size: 'large' }}
        width={480}
      >
        <div data-testid="order-confirm">
          <Typography.Paragraph strong style={{ fontSize: 16, margin: '0 0 8px' }} data-testid="order-confirm-totals">
            {o.confirmTotals(totals.cartons, formatYuan(totals.amount))}
          </Typography.Paragraph>
          <Table
            size="small"
            rowKey="productId"
            pagination={false}
            dataSource={lines}
            columns={[
              { title: o.product, render: (_: unknown, l) => byId.get(l.productId)?.name ?? l.productId },
              { title: o.qty, dataIndex: 'orderedQty', align: 'right' },
              { title: o.unitPrice, align: 'right', render: (_: unknown, l) => formatYuan(byId.get(l.productId)?.price ?? 0) },
              { title: o.lineAmount, align: 'right', render: (_: unknown, l) => formatYuan(l.orderedQty * (byId.get(l.productId)?.price ?? 0)) },
            ]}
          />
          <Typography.Paragraph type="secondary" style={{ margin: '8px 0 0' }}>
            {o.confirmSettle(labelOf('settlementMethod', view.retailer.settlementMethod, lang))}
            {capped ? ` ${o.cappedNote}` : ''}
          </Typography.Paragraph>
        </div>
      </Modal>
      <div style={{ marginTop: 12 }}>
        <MyEmergencyCard retailerId={retailerId} products={view.products} />
      </div>
    </div>
  );
}
