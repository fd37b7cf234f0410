// Failed deductions waiting for money: who, how much, why, whether the notice
// reached the retailer and their grid worker, and (for marketing) a button to
// send the deduction to the bank again.
import { formatMoney } from '../../../shared/format.js';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Grid, List, Space, Table, Tag, Tooltip, Typography, message } from 'antd';
import { CheckCircleTwoTone, CloseCircleTwoTone } from '@ant-design/icons';
import { labelOf } from '../../../shared/codes.js';
import type { FailedDeduction, FailedDeductions } from '../../../shared/settlement.js';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { settlementApi } from './settlement-api.js';

export function FailedDeductionsCard({
  data,
  loading,
  canRetry,
  onChanged,
}: {
  data: FailedDeductions | undefined;
  loading: boolean;
  canRetry: boolean;
  onChanged: () => void;
}) {
  const { t, lang } = useT();
  const s = t.settlement;
  const [busy, setBusy] = useState<number | null>(null);
  const phone = !Grid.useBreakpoint().md;

  const retry = async (orderId: number) => {
    setBusy(orderId);
    try {
      await settlementApi.retry(orderId);
      message.success(s.retried);
      onChanged();
    } catch (e) {
      message.error(e instanceof ApiError ? e.text(lang) : t.common.unknownError);
    } finally {
      setBusy(null);
    }
  };

  const statusTag = (f: FailedDeduction) =>
    f.settlementStatus === 'failed' ? <Tag color="red">{labelOf('settlementStatus', 'failed', lang)}</Tag> : <Tag color="gold">{s.retrying}</Tag>;
  const retryButton = (f: FailedDeduction) => (
    <Button
      size="small"
      type="primary"
      danger
      disabled={f.settlementStatus !== 'failed'}
      loading={busy === f.orderId}
      onClick={() => retry(f.orderId)}
      data-testid={`retry-${f.orderId}`}
    >
      {s.retry}
    </Button>
  );

  const flag = (ok: boolean, who: string) => (
    <Tooltip title={ok ? `${s.notified}: ${who}` : `${s.notNotified}: ${who}`}>
      <span style={{ whiteSpace: 'nowrap' }}>
        {ok ? <CheckCircleTwoTone twoToneColor="#52c41a" /> : <CloseCircleTwoTone twoToneColor="#bfbfbf" />} {who}
      </span>
    </Tooltip>
  );

  return (
    <Card
      size="small"
      title={
        <Space wrap>
          <span>{s.failedTitle}</span>
          {data && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }} data-testid="failed-count">
              {s.failedCount(data.failed, data.retrying)}
            </Typography.Text>
          )}
        </Space>
      }
      data-testid="failed-deductions"
    >
      {!canRetry && data && data.failed > 0 && <Alert type="warning" showIcon style={{ marginBottom: 12 }} message={s.workerNotice(data.failed)} data-testid="failed-notice" />}
      {canRetry && <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>{s.failedHint}</Typography.Paragraph>}
      {phone ? (
        <List
          dataSource={data?.items ?? []}
          loading={loading}
          locale={{ emptyText: s.noFailed }}
          pagination={(data?.items.length ?? 0) > 10 ? { pageSize: 10, size: 'small', align: 'center' } : false}
          renderItem={(f) => (
            <List.Item data-testid={`failed-${f.orderId}`} style={{ display: 'block' }}>
              <Space style={{ justifyContent: 'space-between', width: '100%' }} align="start">
                <Space orientation="vertical" size={0}>
                  <Link to={`/retailers/${f.retailer.id}`}>{f.retailer.shopName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.retailer.customerCode} · {f.grid.name}
                  </Typography.Text>
                </Space>
                <Space orientation="vertical" size={0} align="end">
                  <strong>{formatMoney(f.amount)}</strong>
                  {statusTag(f)}
                </Space>
              </Space>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block', marginTop: 4 }}>
                {f.orderDate} · {labelOf('settlementMethod', f.method, lang)} · {f.failureReason ?? t.common.dash}
              </Typography.Text>
              <Space size={12} style={{ marginTop: 4 }} wrap>
                {flag(f.flagged.retailer, s.notifiedRetailer)}
                {flag(f.flagged.worker, s.notifiedWorker)}
                {canRetry && retryButton(f)}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<FailedDeduction>
          size="small"
          rowKey="orderId"
          loading={loading}
          dataSource={data?.items ?? []}
          pagination={{ pageSize: 10, hideOnSinglePage: true, showSizeChanger: false }}
          scroll={{ x: 1080 }}
          locale={{ emptyText: s.noFailed }}
          onRow={(f) => ({ 'data-testid': `failed-${f.orderId}` }) as React.HTMLAttributes<HTMLElement>}
          columns={[
            { title: s.orderDate, dataIndex: 'orderDate', width: 104, sorter: (a, b) => a.orderDate.localeCompare(b.orderDate) },
            {
              title: s.retailer,
              key: 'retailer',
              fixed: 'left',
              width: 180,
              render: (_, f) => (
                <Space orientation="vertical" size={0}>
                  <Link to={`/retailers/${f.retailer.id}`}>{f.retailer.shopName}</Link>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.retailer.customerCode}
                  </Typography.Text>
                </Space>
              ),
            },
            {
              title: s.gridWorker,
              key: 'grid',
              width: 140,
              render: (_, f) => (
                <Space orientation="vertical" size={0}>
                  <span>{f.grid.name}</span>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {f.worker?.name ?? t.common.dash}
                  </Typography.Text>
                </Space>
              ),
            },
            { title: s.amount, dataIndex: 'amount', align: 'right', width: 110, sorter: (a, b) => a.amount - b.amount, render: (n: number) => formatMoney(n) },
            { title: s.method, dataIndex: 'method', width: 110, render: (m: string) => labelOf('settlementMethod', m, lang) },
            { title: s.reason, dataIndex: 'failureReason', width: 130, render: (r: string | null) => r ?? t.common.dash },
            {
              title: s.state,
              dataIndex: 'settlementStatus',
              width: 140,
              render: (_: unknown, f: FailedDeduction) => statusTag(f),
            },
            {
              title: s.notified,
              key: 'flagged',
              width: 110,
              render: (_, f) => (
                <Space orientation="vertical" size={0}>
                  {flag(f.flagged.retailer, s.notifiedRetailer)}
                  {flag(f.flagged.worker, s.notifiedWorker)}
                </Space>
              ),
            },
            ...(canRetry
              ? [
                  {
                    title: '',
                    key: 'retry',
                    fixed: 'right' as const,
                    width: 108,
                    render: (_: unknown, f: FailedDeduction) => retryButton(f),
                  },
                ]
              : []),
          ]}
        />
      )}
    </Card>
  );
}
