// Returns and corrections: marketing staff approve or decline the pending
// ones; everyone else sees what they asked for and the answer.
import { useEffect, useState } from 'react';
import { App, Button, Empty, List, Space, Switch, Table, Tag, Typography } from 'antd';
import { usePhone } from '../../components/phone-layout.js';
import { ApiError } from '../../api/client.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import type { Correction } from '../../../shared/order-corrections.js';
import { correctionsApi } from './corrections-api.js';
import { DecisionDialog } from './decision-dialog.js';

export const statusColor: Record<string, string> = { pending: 'orange', approved: 'green', rejected: 'red', declined: 'red' };

export function CorrectionReview({ refreshKey, onDecided }: { refreshKey: number; onDecided: () => void }) {
  const { t, lang } = useT();
  const c = t.corrections;
  const { message } = App.useApp();
  const { can } = useSession();
  const approver = can('supply.manage');
  const phone = usePhone();
  const [onlyPending, setOnlyPending] = useState(approver);
  const [items, setItems] = useState<Correction[] | null>(null);
  const [deciding, setDeciding] = useState<{ item: Correction; approve: boolean } | null>(null);
  const load = () =>
    correctionsApi
      .corrections(onlyPending ? 'pending' : undefined)
      .then((r) => setItems(r.items))
      .catch((e) => message.error(e instanceof ApiError ? e.text(lang) : String(e)));
  useEffect(() => void load(), [onlyPending, refreshKey]); // eslint-disable-line react-hooks/exhaustive-deps

  const what = (x: Correction) => (
    <span>
      <Tag color={x.kind === 'return' ? 'blue' : 'purple'}>{c.kinds[x.kind]}</Tag>
      {x.productName} −{x.qty}
      {x.replacementProductName && (
        <>
          {' '}
          → {x.replacementProductName} +{x.qty}
        </>
      )}
    </span>
  );
  const decision = (x: Correction) =>
    x.status === 'pending' && approver ? (
      <Space>
        <Button size="small" type="primary" onClick={() => setDeciding({ item: x, approve: true })} data-testid={`approve-correction-${x.id}`}>
          {c.approve}
        </Button>
        <Button size="small" danger onClick={() => setDeciding({ item: x, approve: false })}>
          {c.decline}
        </Button>
      </Space>
    ) : (
      <Space direction="vertical" size={0}>
        <Tag color={statusColor[x.status]}>{c.status[x.status]}</Tag>
        {x.decisionReason && <Typography.Text type="secondary">{x.decisionReason}</Typography.Text>}
      </Space>
    );

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space>
        <Switch checked={onlyPending} onChange={setOnlyPending} />
        <span>{c.onlyPending}</span>
      </Space>
      {phone ? (
        <List<Correction>
          loading={!items}
          dataSource={items ?? []}
          pagination={(items?.length ?? 0) > 20 ? { pageSize: 20, size: 'small', align: 'center' } : false}
          data-testid="correction-list"
          locale={{ emptyText: <Empty description={c.noPending} /> }}
          renderItem={(x) => (
            <List.Item key={x.id} style={{ display: 'block' }} data-testid={`correction-${x.id}`}>
              <Space direction="vertical" size={0}>
                <strong>{x.shopName}</strong>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {`${x.customerCode} · ${x.orderDate} · ${c.requestedBy} ${x.requestedBy}`}
                </Typography.Text>
              </Space>
              <div style={{ marginTop: 4 }}>{what(x)}</div>
              <Typography.Text type="secondary" style={{ fontSize: 12, display: 'block' }}>
                {`${c.lineNow} ${x.lineQty} · ${c.reason}${t.punct.colon}${x.reason}`}
              </Typography.Text>
              <div style={{ marginTop: 6 }}>{decision(x)}</div>
            </List.Item>
          )}
        />
      ) : (
        <Table<Correction>
          size="small"
          rowKey="id"
          loading={!items}
          dataSource={items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 960 }}
          data-testid="correction-list"
          locale={{ emptyText: <Empty description={c.noPending} /> }}
          columns={[
            { title: c.shop, render: (_: unknown, x) => `${x.shopName} · ${x.customerCode}` },
            { title: c.orderDate, dataIndex: 'orderDate', width: 110 },
            {
              title: c.kind,
              render: (_: unknown, x) => what(x),
            },
            { title: c.lineNow, dataIndex: 'lineQty', width: 80 },
            { title: c.reason, dataIndex: 'reason' },
            { title: c.requestedBy, dataIndex: 'requestedBy', width: 100 },
            {
              title: c.decision,
              width: 200,
              render: (_: unknown, x) => decision(x),
            },
          ]}
        />
      )}
      {deciding && (
        <DecisionDialog
          approve={deciding.approve}
          title={`${deciding.approve ? c.approve : c.decline} · ${deciding.item.shopName} · ${c.kinds[deciding.item.kind]} ${deciding.item.productName} ${deciding.item.qty}`}
          onClose={() => setDeciding(null)}
          onSubmit={async (v) => {
            try {
              await correctionsApi.decideCorrection(deciding.item.id, { approve: deciding.approve, reason: v.reason });
              message.success(deciding.approve ? c.approvedOk : c.decidedOk);
              setDeciding(null);
              void load();
              onDecided();
            } catch (e) {
              message.error(e instanceof ApiError ? e.text(lang) : String(e));
            }
          }}
        />
      )}
    </Space>
  );
}
