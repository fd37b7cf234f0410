// The retailer's own page, phone-sized: this week's order window, each
// limited product with its limit and the plain-language reason, the
// suggested order to accept or edit, and submit.
import { Alert, App, Button, Card, Empty, InputNumber, Space, Spin, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { useSession } from '../../shell/session.js';
import { lineFor } from './order-lines.js';
import { useOrderDraft } from './use-order-draft.js';
import { MyEmergencyCard } from './my-emergency-card.js';

export function MyOrderPage() {
  const { t, lang } = useT();
  const o = t.ordering;
  const { me } = useSession();
  const { message } = App.useApp();
  const retailerId = me?.user.retailerId ?? null;
  const draft = useOrderDraft(retailerId, 'self');
  const { view, asked, lines, busy } = draft;
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));

  if (!retailerId) return <Empty description={t.myFile.noRetailer} />;
  if (draft.loadError) return <Alert type="error" message={draft.loadError instanceof ApiError ? draft.loadError.text(lang) : String(draft.loadError)} />;
  if (!view) return <Spin style={{ display: 'block', margin: '60px auto' }} />;

  const shown = view.products.filter((p) => p.scarce || asked[p.productId] !== undefined);

  const submit = async () => {
    try {
      await draft.submit();
      message.success(view.currentOrder ? o.amended : o.submitted);
      void draft.reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <Space direction="vertical" size="small" style={{ width: '100%', maxWidth: 520 }} data-testid="my-order">
      <Typography.Title level={4} style={{ margin: 0 }}>
        {o.myOrderTitle}
      </Typography.Title>
      {view.window ? (
        <Alert
          type={view.window.open ? 'success' : 'info'}
          message={`${view.window.open ? o.windowOpen : o.windowNext} ${new Date(view.window.open ? view.window.closesAt : view.window.opensAt).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en')}`}
        />
      ) : (
        <Alert type="info" message={o.windowNone} />
      )}
      {view.lastOrders.some((x) => x.settlementStatus === 'failed') && <Alert type="error" showIcon message={o.deductionFailed} data-testid="deduction-failed" />}
      {view.currentOrder && <Tag color="green">{o.currentOrder}</Tag>}
      {shown.map((p) => {
        const line = asked[p.productId] ? lineFor(p, asked[p.productId]) : null;
        return (
          <Card key={p.productId} size="small" data-testid={`limit-${p.productId}`}>
            <Space direction="vertical" size={4} style={{ width: '100%' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                <Typography.Text strong>{p.name}</Typography.Text>
                <Tag color={p.scarce ? 'red' : 'default'}>{p.scarce ? `${o.yourLimit} ${p.limitQty} ${o.cartons}` : o.noLimit}</Tag>
              </Space>
              {p.reason && (
                <Typography.Paragraph type="secondary" style={{ margin: 0, fontSize: 13 }} data-testid="limit-reason">
                  {lang === 'zh' ? p.reason.zh : p.reason.en}
                </Typography.Paragraph>
              )}
              <Space>
                <span>{o.demand}</span>
                <InputNumber
                  min={0}
                  precision={0}
                  inputMode="numeric"
                  value={asked[p.productId] ?? 0}
                  onChange={(v) => draft.setDemand(p.productId, Number(v ?? 0))}
                />
                {line && line.orderedQty < line.demandQty && (
                  <Typography.Text type="warning">
                    {o.qty} {line.orderedQty}
                  </Typography.Text>
                )}
              </Space>
            </Space>
          </Card>
        );
      })}
      <Button type="primary" block size="large" loading={busy} disabled={!lines.length || !view.window?.open} onClick={submit}>
        {view.currentOrder ? o.amend.replace(' (Ctrl+Enter)', '') : o.submit.replace(' (Ctrl+Enter)', '')}
      </Button>
      <MyEmergencyCard retailerId={retailerId} products={view.products} />
    </Space>
  );
}
