// 代客下单: the grid worker takes a shop's order on a visit, on the phone.
// Same limits, reasons, suggested order and rules as the retailer's own page
// (useOrderDraft, PhoneOrderLine); channel 'visit'. The server decides scope
// and window; this screen says plainly when either rules the order out.
import { formatDateTime, formatMoney } from '../../../shared/format.js';
import { useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { Alert, App, Button, Card, Empty, Input, List, Result, Space, Spin, Tag, Typography } from 'antd';
import { ArrowLeftOutlined, PlusOutlined } from '@ant-design/icons';
import { SuggestedOrderCard } from '../ordering/suggested-order.js';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { useOrderDraft } from '../ordering/use-order-draft.js';
import { matchProducts, orderTotals } from '../ordering/order-lines.js';
import { formatYuan } from '../../../shared/money.js';
import { beijingTimeLabel, weekLabel } from '../../../shared/periods.js';
import { PhoneOrderLine } from '../ordering/phone-order-line.js';
import { OrderConfirmation } from './order-confirmation.js';
import { labelOf } from '../../../shared/codes.js';

/** The page at /field/order/:retailerId, opened from today's visit list. */
export function VisitOrderPage() {
  const navigate = useNavigate();
  return <VisitOrder retailerId={Number(useParams().retailerId) || null} onBack={() => navigate('/field')} />;
}

/** The order itself; the visit form opens it over the form so nothing typed there is lost. */
export function VisitOrder({ retailerId, onBack: back, backLabel }: { retailerId: number | null; onBack: () => void; backLabel?: string }) {
  const { t, lang } = useT();
  const o = t.ordering;
  const { message } = App.useApp();
  const draft = useOrderDraft(retailerId, 'visit');
  const { view, asked, byId } = draft;
  const [editing, setEditing] = useState(true);
  const [find, setFind] = useState('');
  const found = useMemo(() => matchProducts(view?.products ?? [], find, 5).filter((p) => asked[p.productId] === undefined), [view, find, asked]);
  const when = (iso: string) => beijingTimeLabel(iso, lang);

  const header = (
    <Button type="link" icon={<ArrowLeftOutlined />} onClick={back} style={{ padding: 0 }} data-testid="back-to-route">
      {backLabel ?? o.backToRoute}
    </Button>
  );

  if (draft.loadError) {
    const outOfScope = draft.loadError instanceof ApiError && (draft.loadError.status === 404 || draft.loadError.status === 403);
    return (
      <div className="zy-field" data-testid="visit-order">
        {header}
        <Result
          status={outOfScope ? 'warning' : 'error'}
          title={outOfScope ? o.outOfScope : draft.loadError instanceof ApiError ? draft.loadError.text(lang) : String(draft.loadError)}
          extra={!outOfScope && <Button onClick={() => void draft.reload()}>{t.common.retry}</Button>}
          data-testid="visit-order-refused"
        />
      </div>
    );
  }
  if (!view) return <Spin size="large" style={{ display: 'block', margin: '80px auto' }} />;

  const open = !!view.window?.open;
  const current = draft.result ?? view.currentOrder;
  const shown = view.products.filter((p) => p.scarce || asked[p.productId] !== undefined);
  const { cartons: total, amount } = orderTotals(draft.lines, byId);

  const submit = async () => {
    try {
      const r = await draft.submit();
      // Replaces a 'not confirmed' notice left by a lost answer.
      message.success({ key: 'visit-order', content: r.version > 1 ? o.amended : o.submitted });
      setEditing(false);
    } catch (e) {
      if (e instanceof ApiError && e.status === 0) message.warning({ key: 'visit-order', content: o.offlineRetry, duration: 6 });
      else message.error({ key: 'visit-order', content: e instanceof ApiError ? e.text(lang) : String(e) });
    }
  };

  if (draft.result && !editing)
    return (
      <div className="zy-field" data-testid="visit-order">
        {header}
        <OrderConfirmation shopName={view.retailer.shopName} order={draft.result} onAmend={open ? () => setEditing(true) : undefined} onDone={back} doneLabel={backLabel ?? o.backToRoute} />
      </div>
    );

  return (
    <div className="zy-field" data-testid="visit-order">
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {header}
        <div>
          <Typography.Title level={4} style={{ margin: 0 }}>
            {o.visitOrder} · {view.retailer.shopName}
          </Typography.Title>
          <Typography.Text type="secondary">
            {view.retailer.customerCode} · {o.tier} {view.retailer.tier} · {labelOf('network', view.retailer.network, lang)}
          </Typography.Text>
        </div>
        {view.window ? (
          open ? (
            <Alert type="success" showIcon title={o.windowOpenUntil(when(view.window.closesAt))} description={o.weekOf(weekLabel(view.window.weekStart, lang))} />
          ) : (
            <Alert type="warning" showIcon title={o.windowClosed} description={o.windowOpensAt(when(view.window.opensAt), when(view.window.closesAt))} data-testid="window-closed" />
          )
        ) : (
          <Alert type="warning" showIcon title={o.windowClosed} description={o.windowNone} data-testid="window-closed" />
        )}
        {view.lastOrders.some((x) => x.settlementStatus === 'failed') && <Alert type="error" showIcon title={o.deductionFailedWorker} />}
        {current && (
          <Alert type="info" showIcon title={`${o.currentOrder} #${current.orderId} · ${o.versionN(current.version)}`} description={o.amendHint} data-testid="current-order" />
        )}
        <Card size="small" title={o.lastOrders}>
          {view.lastOrders.length ? (
            <List
              size="small"
              dataSource={view.lastOrders.slice(0, 3)}
              renderItem={(x) => (
                <List.Item style={{ paddingInline: 0 }}>
                  <span>{x.orderDate}</span>
                  <span>
                    {x.totalQty} {o.cartons} · {formatYuan(x.totalAmount)} {x.settlementStatus === 'failed' && <Tag color="red">{labelOf('settlementStatus', 'failed', lang)}</Tag>}
                  </span>
                </List.Item>
              )}
            />
          ) : (
            <Typography.Text type="secondary">{o.noOrdersYet}</Typography.Text>
          )}
        </Card>
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
            onClick={() => {
              draft.setDemand(p.productId, 1);
              setFind('');
            }}
          >
            {p.code} {p.name}
          </Button>
        ))}
      </Space>
      <div className="zy-phone-submit">
        <span className="zy-phone-total" data-testid="order-total">
          <span>
            {o.total} {total} {o.cartons}
          </span>
          <strong>{formatYuan(amount)}</strong>
        </span>
        <Button type="primary" size="large" loading={draft.busy} disabled={!open || !draft.lines.length} onClick={submit} data-testid="visit-order-submit">
          {current ? o.amendPlain : o.submitPlain}
        </Button>
      </div>
    </div>
  );
}
