// One-sided records (单边账) of the report's day: orders whose payment records
// disagree with them, for reconciliation with the bank's and POS statements.
import { formatMoney } from '../../../shared/format.js';
import { Link } from 'react-router-dom';
import { Card, Table, Tag } from 'antd';
import { labelOf } from '../../../shared/codes.js';
import type { SettlementReport } from '../../../shared/settlement.js';
import { textOf, useT } from '../../i18n/i18n.js';

type Mismatch = SettlementReport['mismatches'][number];

export function MismatchesCard({ report, loading }: { report: SettlementReport | undefined; loading: boolean }) {
  const { t, lang } = useT();
  const s = t.settlement;
  return (
    <Card size="small" title={s.mismatches} data-testid="mismatches">
      <Table<Mismatch>
        size="small"
        rowKey="orderId"
        loading={loading}
        dataSource={report?.mismatches ?? []}
        pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
        scroll={{ x: 860 }}
        locale={{ emptyText: s.noMismatches }}
        columns={[
          { title: s.orderId, dataIndex: 'orderId', width: 90 },
          { title: s.retailer, key: 'retailer', width: 170, render: (_, m) => <Link to={`/retailers/${m.retailer.id}`}>{m.retailer.shopName}</Link> },
          { title: s.kind, dataIndex: 'kind', width: 170, render: (k: string) => <Tag color="volcano">{textOf(s.kinds, k)}</Tag> },
          { title: s.method, dataIndex: 'method', width: 110, render: (m: string) => labelOf('settlementMethod', m, lang) },
          { title: s.totalAmount, dataIndex: 'orderAmount', align: 'right', width: 110, render: (n: number) => formatMoney(n) },
          { title: s.deducted, dataIndex: 'deducted', align: 'right', width: 110, render: (n: number) => formatMoney(n) },
          { title: s.deductions, dataIndex: 'deductions', align: 'right', width: 80 },
          { title: s.refs, dataIndex: 'externalRefs', render: (refs: string[]) => (refs.length ? refs.join(t.punct.comma) : t.common.dash) },
        ]}
      />
    </Card>
  );
}
