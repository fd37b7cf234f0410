// On the retailer's phone page: ask for emergency supply and read the
// answers (granted cartons or the reason for declining).
import { useEffect, useState } from 'react';
import { Card, List, Space, Tag, Typography } from 'antd';
import { useT } from '../../i18n/i18n.js';
import type { OrderingProduct } from '../../../shared/ordering.js';
import type { EmergencyRequest } from '../../../shared/order-corrections.js';
import { correctionsApi } from './corrections-api.js';
import { EmergencyForm } from './emergency-form.js';
import { statusColor } from './correction-review.js';

export function MyEmergencyCard({ retailerId, products }: { retailerId: number; products: OrderingProduct[] }) {
  const { t } = useT();
  const c = t.corrections;
  const [items, setItems] = useState<EmergencyRequest[]>([]);
  const load = () => correctionsApi.emergencies().then((r) => setItems(r.items), () => setItems([]));
  useEffect(() => void load(), []); // eslint-disable-line react-hooks/exhaustive-deps

  return (
    <Card size="small" title={c.newRequest} data-testid="my-emergency">
      <EmergencyForm retailerId={retailerId} products={products} onSent={load} compact />
      {items.length > 0 && (
        <List
          size="small"
          header={<Typography.Text strong>{c.myRequests}</Typography.Text>}
          dataSource={items}
          renderItem={(e) => (
            <List.Item data-testid={`my-emergency-${e.id}`}>
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Space style={{ justifyContent: 'space-between', width: '100%' }}>
                  <span>
                    {e.productName} · {c.asked(e.qty)}
                  </span>
                  <Tag color={statusColor[e.status]}>
                    {c.status[e.status]}
                    {e.approvedQty !== null && ` · ${c.granted(e.approvedQty)}`}
                  </Tag>
                </Space>
                {e.decisionReason && <Typography.Text type="secondary">{e.decisionReason}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}
