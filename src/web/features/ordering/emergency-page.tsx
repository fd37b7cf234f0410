// 应急补货: staff ask for extra cartons for a retailer outside the plan;
// marketing staff approve (cartons granted) or decline with a reason; a bar
// chart shows what is asked and granted per product.
import { useEffect, useMemo, useState } from 'react';
import { App, Button, Card, Col, Empty, Grid, Row, Space, Switch, Table, Tag, Typography } from 'antd';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { EChart } from '../../components/echart.js';
import type { EmergencyRequest } from '../../../shared/order-corrections.js';
import { correctionsApi } from './corrections-api.js';
import { DecisionDialog } from './decision-dialog.js';
import { EmergencyForm } from './emergency-form.js';
import { statusColor } from './correction-review.js';

export function EmergencyPage() {
  const { t, lang } = useT();
  const c = t.corrections;
  const { message } = App.useApp();
  const { can } = useSession();
  const approver = can('supply.manage');
  const phone = !Grid.useBreakpoint().md;
  const [onlyPending, setOnlyPending] = useState(approver);
  const [items, setItems] = useState<EmergencyRequest[] | null>(null);
  const [deciding, setDeciding] = useState<{ item: EmergencyRequest; approve: boolean } | null>(null);
  const load = () =>
    correctionsApi
      .emergencies(onlyPending ? 'pending' : undefined)
      .then((r) => setItems(r.items))
      .catch((e) => message.error(e instanceof ApiError ? e.text(lang) : String(e)));
  useEffect(() => void load(), [onlyPending]); // eslint-disable-line react-hooks/exhaustive-deps

  // Cartons asked and granted per product, for the chart.
  const byProduct = useMemo(() => {
    const m = new Map<string, { asked: number; granted: number }>();
    for (const e of items ?? []) {
      const x = m.get(e.productName) ?? { asked: 0, granted: 0 };
      x.asked += e.qty;
      x.granted += e.approvedQty ?? 0;
      m.set(e.productName, x);
    }
    return [...m].sort((a, b) => b[1].asked - a[1].asked).slice(0, 12);
  }, [items]);

  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {c.emergencyTitle}
      </Typography.Title>
      {can('order.take') && (
        <Card size="small" title={c.newRequest}>
          <EmergencyForm onSent={load} compact={phone} />
        </Card>
      )}
      <Row gutter={16}>
        <Col span={24}>
          <Space direction="vertical" style={{ width: '100%' }}>
            <Space>
              <Switch checked={onlyPending} onChange={setOnlyPending} data-testid="emergency-only-pending" />
              <span>{c.onlyPending}</span>
            </Space>
            <Table<EmergencyRequest>
              size="small"
              rowKey="id"
              loading={!items}
              dataSource={items ?? []}
              pagination={{ pageSize: 20, hideOnSinglePage: true }}
              scroll={{ x: 900 }}
              data-testid="emergency-list"
              locale={{ emptyText: <Empty description={c.noRequests} /> }}
              columns={[
                { title: c.shop, render: (_: unknown, x) => `${x.shopName} · ${x.customerCode}` },
                { title: c.product, render: (_: unknown, x) => `${x.productCode} ${x.productName}` },
                { title: c.askQty, dataIndex: 'qty', width: 110 },
                { title: c.emergencyReason, dataIndex: 'reason' },
                { title: c.requestedBy, dataIndex: 'requestedBy', width: 100 },
                {
                  title: c.decision,
                  width: 210,
                  render: (_: unknown, x) =>
                    x.status === 'pending' && approver ? (
                      <Space>
                        <Button size="small" type="primary" onClick={() => setDeciding({ item: x, approve: true })} data-testid={`approve-emergency-${x.id}`}>
                          {c.approve}
                        </Button>
                        <Button size="small" danger onClick={() => setDeciding({ item: x, approve: false })} data-testid={`decline-emergency-${x.id}`}>
                          {c.decline}
                        </Button>
                      </Space>
                    ) : (
                      <Space direction="vertical" size={0}>
                        <Tag color={statusColor[x.status]}>
                          {c.status[x.status]}
                          {x.approvedQty !== null && ` · ${c.granted(x.approvedQty)}`}
                        </Tag>
                        {x.decisionReason && <Typography.Text type="secondary">{x.decisionReason}</Typography.Text>}
                      </Space>
                    ),
                },
              ]}
            />
          </Space>
        </Col>
        {byProduct.length > 0 && (
          <Col xs={24} xl={12} style={{ marginTop: 16 }}>
            <Card size="small" title={`${c.askQty} / ${c.grantQty}`}>
              <EChart
                height={Math.max(200, byProduct.length * 28 + 60)}
                option={{
                  tooltip: { trigger: 'axis' },
                  legend: { data: [c.askQty, c.grantQty] },
                  grid: { left: 8, right: 16, top: 30, bottom: 8, containLabel: true },
                  xAxis: { type: 'value' },
                  yAxis: { type: 'category', inverse: true, data: byProduct.map(([n]) => n) },
                  series: [
                    { name: c.askQty, type: 'bar', data: byProduct.map(([, v]) => v.asked) },
                    { name: c.grantQty, type: 'bar', data: byProduct.map(([, v]) => v.granted) },
                  ],
                }}
              />
            </Card>
          </Col>
        )}
      </Row>
      {deciding && (
        <DecisionDialog
          approve={deciding.approve}
          title={`${deciding.approve ? c.approveTitle : c.decline} · ${deciding.item.shopName} · ${deciding.item.productName} ${c.asked(deciding.item.qty)}`}
          maxQty={deciding.approve ? deciding.item.qty : undefined}
          onClose={() => setDeciding(null)}
          onSubmit={async (v) => {
            try {
              await correctionsApi.decideEmergency(deciding.item.id, { approve: deciding.approve, qty: deciding.approve ? v.qty : undefined, reason: v.reason });
              message.success(c.decidedOk);
              setDeciding(null);
              void load();
            } catch (e) {
              message.error(e instanceof ApiError ? e.text(lang) : String(e));
            }
          }}
        />
      )}
    </Space>
  );
}
