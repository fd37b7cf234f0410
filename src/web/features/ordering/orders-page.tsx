// 订单与退货: the week's orders within scope, searchable by retailer, each
// line with a button to record a return or a wrong order; and the returns
// and corrections waiting for marketing staff to decide.
import { formatYuan } from '../../../shared/money.js';
import { useEffect, useState } from 'react';
import { App, Badge, Button, Input, List, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { DownOutlined, UpOutlined } from '@ant-design/icons';
import { Figures, usePhone } from '../../components/phone-layout.js';
import { ApiError } from '../../api/client.js';
import { useSearchParams } from 'react-router-dom';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import type { OrderList, OrderListItem } from '../../../shared/order-corrections.js';
import type { PlanSummary } from '../../../shared/ordering.js';
import { orderingApi } from './ordering-api.js';
import { correctionsApi } from './corrections-api.js';
import { CorrectionDialog } from './correction-dialog.js';
import { CorrectionReview } from './correction-review.js';
import { labelOf } from '../../../shared/codes.js';

type Line = OrderListItem['lines'][number];
const PAGE = 20;

export function OrdersPage() {
  const { t, lang } = useT();
  const c = t.corrections;
  const { message } = App.useApp();
  const { can } = useSession();
  const phone = usePhone();
  const [plans, setPlans] = useState<PlanSummary[]>([]);
  const [planId, setPlanId] = useState<number | undefined>();
  const [q, setQ] = useState('');
  const [query, setQuery] = useState('');
  const [page, setPage] = useState(1);
  const [list, setList] = useState<OrderList | null>(null);
  const [expanded, setExpanded] = useState<number[]>([]);
  const [fixing, setFixing] = useState<{ order: OrderListItem; line: Line } | null>(null);
  const [pending, setPending] = useState(0);
  const [tick, setTick] = useState(0);
  // A deep link (the home's approvals): ?tab=review opens the corrections waiting for a decision.
  const [params] = useSearchParams();
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));

  useEffect(() => {
    if (can('supply.read')) orderingApi.plans().then((r) => setPlans(r.items), fail);
  }, []); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    setList(null);
    correctionsApi
      .orders({ q: query || undefined, planId, page, pageSize: PAGE })
      .then((r) => {
        setList(r);
        // A search that finds a few orders opens them.
        setExpanded(query && r.items.length <= 3 ? r.items.map((o) => o.id) : []);
      }, fail);
  }, [query, planId, page, tick]); // eslint-disable-line react-hooks/exhaustive-deps
  useEffect(() => {
    correctionsApi.corrections('pending').then((r) => setPending(r.items.length), () => setPending(0));
  }, [tick]);

  const fixButton = (o: OrderListItem, l: Line) => (
    <Space>
      {l.pendingQty > 0 && <Tag color="orange">{`${c.pendingQty} ${l.pendingQty}`}</Tag>}
      <Button size="small" disabled={l.orderedQty - l.pendingQty <= 0} onClick={() => setFixing({ order: o, line: l })} data-testid={`fix-line-${l.id}`}>
        {c.fix}
      </Button>
    </Space>
  );

  const lines = (o: OrderListItem) => (
    <Table<Line>
      size="small"
      rowKey="id"
      pagination={false}
      dataSource={o.lines}
      data-testid={`order-lines-${o.id}`}
      columns={[
        { title: c.product, render: (_: unknown, l) => `${l.productCode} ${l.productName}` },
        { title: c.demand, dataIndex: 'demandQty', width: 80 },
        { title: c.available, dataIndex: 'availableQty', width: 80 },
        { title: c.ordered, dataIndex: 'orderedQty', width: 80 },
        { title: c.amount, dataIndex: 'amount', width: 100, render: (v: number) => formatYuan(v) },
        {
          title: '',
          width: 160,
          render: (_: unknown, l) => fixButton(o, l),
        },
      ]}
    />
  );

  // On a phone each order is a card; its lines open under it, one block each.
  const phoneLines = (o: OrderListItem) => (
    <div data-testid={`order-lines-${o.id}`} style={{ marginTop: 8, borderTop: '1px solid #f0f0f0' }}>
      {o.lines.map((l) => (
        <div key={l.id} style={{ padding: '6px 0', borderBottom: '1px solid #f0f0f0' }}>
          <div>{`${l.productCode} ${l.productName}`}</div>
          <Space style={{ justifyContent: 'space-between', width: '100%' }} align="center" wrap>
            <Figures
              items={[
                { label: c.demand, value: l.demandQty },
                { label: c.available, value: l.availableQty },
                { label: c.ordered, value: l.orderedQty },
                { label: c.amount, value: formatYuan(l.amount) },
              ]}
            />
            {fixButton(o, l)}
          </Space>
        </div>
      ))}
    </div>
  );
  const toggle = (id: number) => setExpanded((ks) => (ks.includes(id) ? ks.filter((k) => k !== id) : [...ks, id]));
  const orderCards = (
    <List<OrderListItem>
      loading={!list}
      dataSource={list?.items ?? []}
      locale={{ emptyText: c.noOrders }}
      pagination={(list?.total ?? 0) > PAGE ? { current: page, pageSize: PAGE, total: list?.total ?? 0, onChange: setPage, size: 'small', align: 'center', showSizeChanger: false } : false}
      data-testid="orders-table"
      renderItem={(o) => (
        <List.Item key={o.id} style={{ display: 'block' }} data-testid={`order-${o.id}`}>
          <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
            <Space direction="vertical" size={0}>
              <strong>{o.shopName}</strong>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {`${o.customerCode} · ${o.orderDate} · ${labelOf('orderChannel', o.channel, lang)}`}
              </Typography.Text>
            </Space>
            <Tag style={{ marginInlineEnd: 0 }}>{labelOf('settlementStatus', o.settlementStatus, lang)}</Tag>
          </Space>
          <Space style={{ justifyContent: 'space-between', width: '100%', marginTop: 4 }} align="center">
            <Figures
              items={[
                { label: c.totalQty, value: o.totalQty },
                { label: c.amount, value: <strong>{formatYuan(o.totalAmount)}</strong> },
              ]}
            />
            <Button size="small" type="link" style={{ paddingInline: 0 }} onClick={() => toggle(o.id)} data-testid={`order-toggle-${o.id}`}>
              {`${t.ordering.lines} ${o.lines.length}`} {expanded.includes(o.id) ? <UpOutlined /> : <DownOutlined />}
            </Button>
          </Space>
          {expanded.includes(o.id) && phoneLines(o)}
        </List.Item>
      )}
    />
  );

  const orders = (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Space wrap>
        {plans.length > 0 && (
          <Select
            style={{ minWidth: 200 }}
            allowClear
            placeholder={c.week}
            value={planId}
            onChange={(v) => {
              setPlanId(v);
              setPage(1);
            }}
            options={plans.map((p) => ({ value: p.id, label: `${c.week} ${p.weekStart}` }))}
          />
        )}
        <Input.Search
          allowClear
          style={{ width: phone ? 'calc(100vw - 48px)' : 400 }}
          placeholder={c.searchShop}
          value={q}
          onChange={(e) => setQ(e.target.value)}
          onSearch={(v) => {
            setQuery(v.trim());
            setPage(1);
          }}
          data-testid="orders-search"
        />
        {list && <Typography.Text type="secondary">{`${c.week} ${list.week.weekStart} · ${t.common.total(list.total)}`}</Typography.Text>}
      </Space>
      {phone ? (
        orderCards
      ) : (
        <Table<OrderListItem>
          size="small"
          rowKey="id"
          loading={!list}
          dataSource={list?.items ?? []}
          scroll={{ x: 800 }}
          locale={{ emptyText: c.noOrders }}
          expandable={{ expandedRowRender: lines, expandedRowKeys: expanded, onExpandedRowsChange: (keys) => setExpanded(keys as number[]) }}
          pagination={{ current: page, pageSize: PAGE, total: list?.total ?? 0, onChange: setPage, showSizeChanger: false, hideOnSinglePage: true }}
          data-testid="orders-table"
          columns={[
            { title: c.shop, render: (_: unknown, o) => `${o.shopName} · ${o.customerCode}` },
            { title: c.orderDate, dataIndex: 'orderDate', width: 110 },
            { title: c.channel, dataIndex: 'channel', width: 80, render: (v: string) => labelOf('orderChannel', v, lang) },
            { title: c.totalQty, dataIndex: 'totalQty', width: 110 },
            { title: c.amount, dataIndex: 'totalAmount', width: 110, render: (v: number) => formatYuan(v) },
            { title: c.settlementCol, dataIndex: 'settlementStatus', width: 90, render: (v: string) => <Tag>{labelOf('settlementStatus', v, lang)}</Tag> },
          ]}
        />
      )}
    </Space>
  );

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {c.ordersTitle}
      </Typography.Title>
      <Tabs
        defaultActiveKey={params.get('tab') === 'review' ? 'review' : 'orders'}
        items={[
          { key: 'orders', label: c.weekOrders, children: orders },
          {
            key: 'review',
            label: (
              <span data-testid="review-tab">
                {c.review} <Badge count={pending} size="small" />
              </span>
            ),
            children: <CorrectionReview refreshKey={tick} onDecided={() => setTick((n) => n + 1)} />,
          },
        ]}
      />
      {fixing && (
        <CorrectionDialog
          order={fixing.order}
          line={fixing.line}
          onClose={() => setFixing(null)}
          onDone={() => {
            setFixing(null);
            setTick((n) => n + 1);
          }}
        />
      )}
    </Space>
  );
}
