// What the server confirmed for a visit order, line by line with demand,
// available and ordered, to show the shopkeeper before leaving.
import { formatMoney } from '../../../shared/format.js';
import { Button, Result, Table } from 'antd';
import { useT } from '../../i18n/i18n.js';
import type { OrderResult } from '../../../shared/ordering.js';
import { formatYuan } from '../../../shared/money.js';

export function OrderConfirmation({ shopName, order, onAmend, onDone, doneLabel }: { shopName: string; order: OrderResult; onAmend?: () => void; onDone: () => void; doneLabel: string }) {
  const { t } = useT();
  const o = t.ordering;
  return (
    <div data-testid="order-confirmed">
      <Result
        status="success"
        title={`${o.orderConfirmed} #${order.orderId}`}
        subTitle={`${shopName} · ${o.versionN(order.version)} · ${o.total} ${order.totalQty} ${o.cartons} · ${formatYuan(order.totalAmount)}`}
        style={{ padding: '16px 0' }}
      />
      <Table
        size="small"
        rowKey="productId"
        pagination={false}
        dataSource={order.lines}
        columns={[
          { title: o.product, dataIndex: 'productName' },
          { title: o.demand, dataIndex: 'demandQty', align: 'right' },
          { title: o.available, dataIndex: 'availableQty', align: 'right' },
          { title: o.qty, dataIndex: 'orderedQty', align: 'right' },
          { title: o.unitPrice, dataIndex: 'unitPrice', align: 'right', render: (v: number) => formatYuan(v) },
          { title: o.lineAmount, dataIndex: 'amount', align: 'right', render: (v: number) => formatYuan(v) },
        ]}
      />
      <div className="zy-phone-submit">
        {onAmend && (
          <Button size="large" onClick={onAmend} data-testid="amend-order">
            {o.amendPlain}
          </Button>
        )}
        <Button type="primary" size="large" onClick={onDone}>
          {doneLabel}
        </Button>
      </div>
    </div>
  );
}
