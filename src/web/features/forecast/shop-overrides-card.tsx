// 零售户调整: the shops of the viewer's scope for one product and week — the
// model's figure, the figure in force and where it comes from — where a worker
// enters a shop's own figure with a reason, or withdraws it (decision 1814).
import { useEffect, useState } from 'react';
import { App, Button, Card, Form, Input, InputNumber, Modal, Select, Space, Table, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { useT } from '../../i18n/i18n.js';
import { ApiError } from '../../api/client.js';
import { forecastApi } from './forecast-api.js';
import type { ForecastSeries, ShopForecasts } from '../../../shared/forecast.js';

type Shop = ShopForecasts['items'][number];
const SOURCE_COLOR = { forecast: 'default', county: 'blue', shop: 'purple' } as const;

export function ShopOverridesCard({ series, onChanged }: { series: ForecastSeries; onChanged: () => void }) {
  const { t, lang } = useT();
  const f = t.forecast;
  const { message } = App.useApp();
  const [week, setWeek] = useState(series.forecast[1]?.weekStart ?? series.forecast[0]?.weekStart ?? '');
  const [data, setData] = useState<ShopForecasts | null>(null);
  const [editing, setEditing] = useState<{ shop: Shop; withdraw: boolean } | null>(null);
  const fail = (e: unknown) => message.error(e instanceof ApiError ? e.text(lang) : String(e));
  useEffect(() => {
    if (week) forecastApi.shops(series.productId, week).then(setData).catch(fail);
  }, [series.productId, week]); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Card
      size="small"
      title={f.shopTitle}
      data-testid="shop-overrides"
      extra={
        <Space>
          {f.shopWeek}
          <Select
            size="small"
            value={week}
            onChange={setWeek}
            options={series.forecast.map((p) => ({ value: p.weekStart, label: p.weekStart }))}
            style={{ width: 130 }}
            data-testid="shop-overrides-week"
          />
        </Space>
      }
    >
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {f.shopHelp}
      </Typography.Paragraph>
      <Table<Shop>
        size="small"
        rowKey="retailerId"
        loading={!data}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 8, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 'max-content' }}
        columns={[
          { title: f.shop, render: (_: unknown, s) => <span>{s.name}</span> },
          { title: f.grid, dataIndex: 'gridName' },
          { title: f.model, align: 'right', render: (_: unknown, s) => s.model.toFixed(1) },
          {
            title: f.inForce,
            align: 'right',
            render: (_: unknown, s) => (
              <span data-testid={`shop-in-force-${s.retailerId}`}>
                <strong>{s.qty.toFixed(1)}</strong>{' '}
                <Tag color={SOURCE_COLOR[s.source]} style={{ marginInlineEnd: 0 }}>
                  {f.source[s.source]}
                </Tag>
              </span>
            ),
          },
          {
            title: f.why,
            render: (_: unknown, s) =>
              s.override ? (
                <Tooltip title={`${s.override.by ?? ''} · ${f.version(s.override.version)}`}>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {s.override.reason}
                  </Typography.Text>
                </Tooltip>
              ) : null,
          },
          {
            title: '',
            render: (_: unknown, s) => (
              <Space size={4}>
                <Button size="small" onClick={() => setEditing({ shop: s, withdraw: false })} data-testid={`shop-override-${s.retailerId}`}>
                  {f.overrideAction}
                </Button>
                {s.override && (
                  <Button size="small" danger onClick={() => setEditing({ shop: s, withdraw: true })} data-testid={`shop-withdraw-${s.retailerId}`}>
                    {f.withdraw}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      {editing && (
        <ShopOverrideDialog
          shop={editing.shop}
          withdraw={editing.withdraw}
          title={editing.withdraw ? f.withdrawTitle(`${editing.shop.name} · ${series.name}`, week) : f.shopOverrideTitle(editing.shop.name, series.name, week)}
          onClose={() => setEditing(null)}
          onSubmit={async (qty, reason) => {
            const body = { retailerId: editing.shop.retailerId, productId: series.productId, weekStart: week, reason };
            const next = editing.withdraw ? await forecastApi.shopWithdraw(body) : await forecastApi.shopOverride({ ...body, qty });
            setData(next);
            setEditing(null);
            message.success(editing.withdraw ? f.withdrawSaved : f.shopSaved);
            onChanged();
          }}
        />
      )}
    </Card>
  );
}

function ShopOverrideDialog({
  shop,
  withdraw,
  title,
  onClose,
  onSubmit,
}: {
  shop: Shop;
  withdraw: boolean;
  title: string;
  onClose: () => void;
  onSubmit: (qty: number, reason: string) => Promise<void>;
}) {
  const { t, lang } = useT();
  const f = t.forecast;
  const { message } = App.useApp();
  const [qty, setQty] = useState<number | null>(Math.round(shop.qty));
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const save = async () => {
    setBusy(true);
    try {
      await onSubmit(qty ?? 0, reason);
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : String(e));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open
      title={title}
      onCancel={onClose}
      onOk={save}
      confirmLoading={busy}
      okButtonProps={{ disabled: !reason.trim() || (!withdraw && qty === null), 'data-testid': 'shop-override-save' } as ButtonProps}
    >
      <Typography.Paragraph type="secondary">{withdraw ? f.withdrawHelp : f.shopHelp}</Typography.Paragraph>
      <Form layout="vertical">
        {!withdraw && (
          <Form.Item label={`${f.overrideQty} · ${f.model} ${shop.model.toFixed(1)}`}>
            <InputNumber min={0} precision={0} value={qty} onChange={(v) => setQty(v === null ? null : Number(v))} data-testid="shop-override-qty" />
          </Form.Item>
        )}
        <Form.Item label={withdraw ? f.withdrawReason : f.overrideReason} required>
          <Input maxLength={200} value={reason} onChange={(e) => setReason(e.target.value)} data-testid="shop-override-reason" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
