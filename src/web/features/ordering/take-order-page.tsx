// The call-centre order screen, built for the keyboard: type a phone number,
// customer code or shop name and press Enter; type a product code or name,
// Enter, the quantity, Enter; Alt+S takes the suggested order; Ctrl+Enter
// submits. Limits, the reason for each, and the last orders stay in view.
import { useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Alert, App, Button, Card, Col, Descriptions, Empty, Input, InputNumber, List, Row, Space, Table, Tag, Typography, type InputRef } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { searchActiveRetailers } from '../../api/endpoints.js';
import type { RetailerListResponse } from '../../../shared/retailer.js';
import type { OrderingProduct, RetailerOrdering } from '../../../shared/ordering.js';
import { newIdempotencyKey, orderingApi } from './ordering-api.js';
import { addSuggested, lineFor, matchProducts, orderTotals, upsertLine, type DraftLine } from './order-lines.js';
import { formatYuan } from '../../../shared/money.js';
import { OrderWindowNote } from './order-window-note.js';
import { SuggestedOrderCard, SuggestionHint } from './suggested-order.js';
import { labelOf } from '../../../shared/codes.js';
import { weekLabel } from '../../../shared/periods.js';

export function TakeOrderPage({ channel = 'phone' }: { channel?: 'phone' | 'visit' }) {
  const { t, lang } = useT();
  const o = t.ordering;
  const { message } = App.useApp();
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<RetailerListResponse['items']>([]);
  const [hi, setHi] = useState(0);
  const [view, setView] = useState<RetailerOrdering | null>(null);
  const [lines, setLines] = useState<DraftLine[]>([]);
  const [productText, setProductText] = useState('');
  const [pick, setPick] = useState(0);
  const [chosen, setChosen] = useState<OrderingProduct | null>(null);
  const [qty, setQty] = useState<number | null>(null);
  const [done, setDone] = useState<{ orderId: number; version: number } | null>(null);
  const [busy, setBusy] = useState(false);
  // After a retailer loads or a line is added, the product box takes the focus (once rendered).
  const [focusTick, setFocusTick] = useState(0);
  useEffect(() => {
    if (focusTick) productRef.current?.focus();
  }, [focusTick]);
  const searchRef = useRef<InputRef>(null);
  const productRef = useRef<InputRef>(null);
  const keyRef = useRef<string | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));

  const byId = useMemo(() => new Map((view?.products ?? []).map((p) => [p.productId, p])), [view]);
  const matches = useMemo(() => matchProducts(view?.products ?? [], productText), [view, productText]);

  const load = async (id: number) => {
    try {
      const v = await orderingApi.retailer(id);
      setView(v);
      setDone(null);
      keyRef.current = null;
      setLines(v.currentOrder ? v.currentOrder.lines.map((l) => ({ productId: l.productId, demandQty: l.demandQty, orderedQty: l.orderedQty })) : []);
      setFocusTick((n) => n + 1);
    } catch (e) {
      fail(e);
    }
  };
  const search = async () => {
    const q = query.trim();
    if (!q) return;
    try {
      const r = await searchActiveRetailers(q, 8);
      setResults(r.items);
      setHi(0);
      if (r.items.length) await load(r.items[0].id);
      else message.warning(o.noMatch);
    } catch (e) {
      fail(e);
    }
  };
  // Focus moves inside the key handler, after the state is committed, so fast typing never lands in the wrong box.
  const choose = (p: OrderingProduct) => {
    const existing = lines.find((l) => l.productId === p.productId);
    flushSync(() => {
      setChosen(p);
      setQty(existing ? existing.demandQty : (view?.suggested.find((s) => s.productId === p.productId)?.qty ?? 1));
    });
    const el = document.getElementById('order-qty') as HTMLInputElement | null;
    el?.focus();
    el?.select();
  };
  const addLine = () => {
    if (!chosen || qty === null) return;
    flushSync(() => {
      setLines((ls) => upsertLine(ls, lineFor(chosen, qty)));
      setChosen(null);
      setProductText('');
      setPick(0);
    });
    keyRef.current = null;
    productRef.current?.focus();
  };
  // Suggestions fill empty lines only: a demand the retailer stated is what the stock-out rates count.
  const useSuggested = () => {
    if (!view) return;
    const { lines: next, kept } = addSuggested(lines, view.suggested, byId);
    keyRef.current = null;
    setLines(next);
    if (kept) message.info(o.suggestedKept(kept));
  };
  // The same rule as the 确认下单 button: nothing to send, or the window shut, and Ctrl+Enter does nothing.
  const canSubmit = !!view && lines.length > 0 && !!view.window?.open && !busy;
  const submit = async () => {
    if (!view || !canSubmit) return;
    setBusy(true);
    // The same key is kept for a retry of the same lines, so a lost answer never makes a second order.
    keyRef.current ??= newIdempotencyKey();
    const body = { idempotencyKey: keyRef.current, lines: lines.map((l) => ({ productId: l.productId, demandQty: l.demandQty, orderedQty: l.orderedQty })) };
    try {
      const current = done ?? view.currentOrder;
      const r = current ? await orderingApi.amend(current.orderId, body) : await orderingApi.submit({ ...body, retailerId: view.retailer.id, channel });
      setDone({ orderId: r.orderId, version: r.version });
      keyRef.current = null;
      message.success(current ? o.amended : o.submitted);
      setTimeout(() => searchRef.current?.focus(), 0);
    } catch (e) {
      if (e instanceof ApiError && e.status > 0) keyRef.current = null;
      fail(e);
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
        e.preventDefault();
        if (canSubmit) void submit();
        else if (view && !view.window?.open) message.warning({ key: 'order-shut', content: o.windowClosed });
      } else if (e.altKey && (e.key === 's' || e.key === 'S' || e.code === 'KeyS')) {
        e.preventDefault();
        useSuggested();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  // A deep link (the home's call list): ?retailerId=<id> opens that shop at once.
  const [params] = useSearchParams();
  const linked = Number(params.get('retailerId'));
  useEffect(() => {
    if (linked > 0) void load(linked);
  }, [linked]); // eslint-disable-line react-hooks/exhaustive-deps

  const limited = (view?.products ?? []).filter((p) => p.scarce);
  const totals = orderTotals(lines, byId);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {o.takeTitle}
      </Typography.Title>
      <Typography.Text type="secondary">{o.keyboardHint}</Typography.Text>
      <Input
        ref={searchRef}
        autoFocus
        size="large"
        data-testid="order-search"
        placeholder={o.search}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && results.length) {
            e.preventDefault();
            setHi((h) => Math.min(results.length - 1, h + 1));
          } else if (e.key === 'ArrowUp' && results.length) {
            e.preventDefault();
            setHi((h) => Math.max(0, h - 1));
          } else if (e.key === 'Enter' && !e.ctrlKey) {
            e.preventDefault();
            if (results.length && results[hi] && view?.retailer.id !== results[hi].id && hi > 0) void load(results[hi].id);
            else void search();
          }
        }}
      />
      {results.length > 1 && (
        <Space wrap>
          {results.map((r, i) => (
            <Tag key={r.id} color={i === hi ? 'blue' : undefined} onClick={() => load(r.id)} style={{ cursor: 'pointer' }}>
              {r.shopName} · {r.customerCode}
            </Tag>
          ))}
        </Space>
      )}
      {view && (
        <Row gutter={16}>
          <Col xs={24} lg={14}>
            <Card
              size="small"
              title={
                <span data-testid="order-retailer">
                  {view.retailer.shopName} · {view.retailer.customerCode} · {o.tier} {view.retailer.tier} · {labelOf('network', view.retailer.network, lang)}
                </span>
              }
            >
              <OrderWindowNote window={view.window} orderWeekday={view.retailer.orderWeekday} style={{ marginBottom: 8 }} />
              <Space.Compact style={{ width: '100%' }}>
                <Input
                  ref={productRef}
                  data-testid="product-input"
                  placeholder={o.productInput}
                  value={productText}
                  onChange={(e) => {
                    setProductText(e.target.value);
                    setPick(0);
                  }}
                  onKeyDown={(e) => {
                    if (e.key === 'ArrowDown') {
                      e.preventDefault();
                      setPick((x) => Math.min(matches.length - 1, x + 1));
                    } else if (e.key === 'ArrowUp') {
                      e.preventDefault();
                      setPick((x) => Math.max(0, x - 1));
                    } else if (e.key === 'Enter' && !e.ctrlKey && matches[pick]) {
                      e.preventDefault();
                      choose(matches[pick]);
                    }
                  }}
                />
                <InputNumber
                  id="order-qty"
                  data-testid="qty-input"
                  min={0}
                  precision={0}
                  placeholder={o.demand}
                  value={chosen ? qty : null}
                  onChange={(v) => setQty(v === null ? null : Number(v))}
                  onKeyDown={(e) => {
                    if (e.key === 'Enter' && !e.ctrlKey) {
                      e.preventDefault();
                      addLine();
                    }
                  }}
                />
              </Space.Compact>
              {chosen && (
                <Typography.Text type="secondary">
                  {chosen.name} · {o.unitPrice} {formatYuan(chosen.price)} · {chosen.limitQty === null ? o.noLimit : `${o.available} ${chosen.limitQty}`}
                </Typography.Text>
              )}
              {!chosen && matches.length > 0 && (
                <List
                  size="small"
                  dataSource={matches}
                  renderItem={(p, i) => (
                    <List.Item style={{ background: i === pick ? '#e6f4ff' : undefined, cursor: 'pointer' }} onClick={() => choose(p)}>
                      {p.code} {p.name} · {formatYuan(p.price)} {p.limitQty !== null && <Tag color="red">{`${o.available} ${p.limitQty}`}</Tag>}
                    </List.Item>
                  )}
                />
              )}
              <Table
                size="small"
                style={{ marginTop: 8 }}
                rowKey="productId"
                pagination={false}
                dataSource={lines}
                scroll={{ x: 'max-content' }}
                data-testid="order-lines"
                locale={{ emptyText: <Empty description={o.lines} /> }}
                columns={[
                  { title: o.product, render: (_: unknown, l) => byId.get(l.productId)?.name ?? l.productId },
                  { title: o.demand, dataIndex: 'demandQty' },
                  { title: t.suggest.title, render: (_: unknown, l) => (view.currentOrder ? null : <SuggestionHint line={view.suggested.find((s) => s.productId === l.productId)} />) },
                  { title: o.available, render: (_: unknown, l) => byId.get(l.productId)?.limitQty ?? o.noLimit },
                  { title: o.qty, dataIndex: 'orderedQty' },
                  { title: o.unitPrice, align: 'right', render: (_: unknown, l) => formatYuan(byId.get(l.productId)?.price ?? 0) },
                  { title: o.lineAmount, align: 'right', render: (_: unknown, l) => <span data-testid={`line-amount-${l.productId}`}>{formatYuan(l.orderedQty * (byId.get(l.productId)?.price ?? 0))}</span> },
                  { title: '', render: (_: unknown, l) => <Button size="small" type="link" onClick={() => setLines((ls) => ls.filter((x) => x.productId !== l.productId))}>{o.remove}</Button> },
                ]}
                footer={() => (
                  <span data-testid="order-total">
                    {o.total} {totals.cartons} {o.cartons} · {formatYuan(totals.amount)}
                  </span>
                )}
              />
              <Space style={{ marginTop: 8 }} wrap>
                <Button type="primary" loading={busy} disabled={!canSubmit && !busy} onClick={submit} data-testid="order-submit">
                  {done || view.currentOrder ? o.amend : o.submit}
                </Button>
                {done && (
                  <Tag color="green" data-testid="order-result">
                    {o.submitted} #{done.orderId} (v{done.version})
                  </Tag>
                )}
              </Space>
            </Card>
          </Col>
          <Col xs={24} lg={10}>
            {!view.currentOrder && (
              <div style={{ marginBottom: 12 }}>
                <SuggestedOrderCard
                  compact
                  shortcut="Alt+S"
                  suggested={view.suggested}
                  products={byId}
                  typed={(pid) => lines.find((l) => l.productId === pid)?.demandQty}
                  onFill={useSuggested}
                />
              </div>
            )}
            <Card size="small" title={view.window ? o.limitsOfWeek(weekLabel(view.window.weekStart, lang)) : o.limits} style={{ marginBottom: 12 }}>
              <List
                size="small"
                dataSource={limited}
                renderItem={(p) => (
                  <List.Item>
                    <List.Item.Meta title={`${p.name}: ${p.limitQty} ${o.cartons}`} description={p.reason ? (lang === 'zh' ? p.reason.zh : p.reason.en) : null} />
                  </List.Item>
                )}
              />
            </Card>
            <Card size="small" title={o.lastOrders}>
              <Descriptions size="small" column={1}>
                {view.lastOrders.map((x) => (
                  <Descriptions.Item key={x.id} label={x.orderDate}>
 {x.totalQty} {o.cartons} · {formatYuan(x.totalAmount)} · {x.settlementStatus === 'failed' ? <Tag color="red">{labelOf('settlementStatus', 'failed', lang)}</Tag> : labelOf('settlementStatus', x.settlementStatus, lang)}
                  </Descriptions.Item>
                ))}
              </Descriptions>
            </Card>
          </Col>
        </Row>
      )}
    </Space>
  );
}
