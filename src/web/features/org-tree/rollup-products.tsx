// The supply week by product above a county (decision 1930): every county's
// lines of a spec summed under the catalogue's one name, most stock-outs first.
import { Card, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useT } from '../../i18n/i18n.js';
import { RateTag } from '../ordering-stats/stats-tables.js';
import type { RollupData } from './org-tree-api.js';

type ProductRow = RollupData['products'][number];

export function RollupProducts({ products }: { products: ProductRow[] }) {
  const { t } = useT();
  const s = t.orgTree;
  const columns: ColumnsType<ProductRow> = [
    { title: s.product, dataIndex: 'name', render: (name: string, p) => <span title={p.code}>{name}</span> },
    { title: s.brand, dataIndex: 'brand' },
    { title: s.priceClass, dataIndex: 'priceClass', align: 'right', render: (c: number) => s.priceClassOf(c) },
    { title: s.productCounties, dataIndex: 'counties', align: 'right' },
    { title: s.demandLines, dataIndex: 'demandLines', align: 'right' },
    { title: s.stockoutLines, dataIndex: 'stockoutLines', align: 'right' },
    { title: s.stockoutRate, dataIndex: 'stockoutRatePct', align: 'right', render: (v: number | null) => <RateTag pct={v} bad={(v ?? 0) >= 20} /> },
    { title: s.orderedQty, dataIndex: 'orderedQty', align: 'right' },
  ];
  return (
    <Card size="small" title={s.byProduct}>
      <Table<ProductRow> rowKey="code" size="small" dataSource={products} columns={columns} pagination={{ pageSize: 10 }} scroll={{ x: 'max-content' }} data-testid="rollup-products" />
    </Card>
  );
}
