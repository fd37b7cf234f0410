// The week's measures as sortable tables: one row per product, one per grid.
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { OrderCycleStats } from '../../../shared/ordering-stats.js';
import { useT } from '../../i18n/i18n.js';

type ProductRow = OrderCycleStats['products'][number];
type GridRow = OrderCycleStats['grids'][number];

const byNumber = <T,>(f: (r: T) => number | null) => (a: T, b: T) => (f(a) ?? -1) - (f(b) ?? -1);

export function RateTag({ pct, bad }: { pct: number | null; bad?: boolean }) {
  const { t } = useT();
  if (pct == null) return <span style={{ color: '#bfbfbf' }}>{t.common.dash}</span>;
  const text = `${pct.toFixed(1)}%`;
  return bad ? <Tag color="red">{text}</Tag> : <span>{text}</span>;
}

export function ProductStatsTable({ products }: { products: ProductRow[] }) {
  const { t } = useT();
  const s = t.orderingStats;
  const columns: ColumnsType<ProductRow> = [
    { title: s.product, dataIndex: 'name', fixed: 'left', width: 150, sorter: (a, b) => a.name.localeCompare(b.name, 'zh-CN'), render: (n: string, p) => <span title={p.code}>{n}</span> },
    { title: s.demandLines, dataIndex: 'demandLines', align: 'right', sorter: byNumber((r) => r.demandLines), defaultSortOrder: 'descend' },
    { title: s.stockoutLines, dataIndex: 'stockoutLines', align: 'right', sorter: byNumber((r) => r.stockoutLines) },
    { title: s.stockoutRate, dataIndex: 'stockoutRatePct', align: 'right', sorter: byNumber((r) => r.stockoutRatePct), render: (v: number | null) => <RateTag pct={v} bad={(v ?? 0) >= 20} /> },
    { title: s.demandQty, dataIndex: 'demandQty', align: 'right', sorter: byNumber((r) => r.demandQty) },
    { title: s.orderedQty, dataIndex: 'orderedQty', align: 'right', sorter: byNumber((r) => r.orderedQty) },
    { title: s.base, dataIndex: 'base', align: 'right', sorter: byNumber((r) => r.base) },
    { title: s.ordering, dataIndex: 'ordering', align: 'right', sorter: byNumber((r) => r.ordering) },
    { title: s.sellThrough, dataIndex: 'sellThroughPct', align: 'right', sorter: byNumber((r) => r.sellThroughPct), render: (v: number | null) => <RateTag pct={v} /> },
  ];
  return (
    <Table<ProductRow>
      size="small"
      rowKey="productId"
      dataSource={products}
      columns={columns}
      scroll={{ x: 900 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="product-stats"
    />
  );
}

export function GridStatsTable({ grids }: { grids: GridRow[] }) {
  const { t } = useT();
  const s = t.orderingStats;
  const columns: ColumnsType<GridRow> = [
    { title: s.grid, dataIndex: 'gridName', fixed: 'left', width: 160, sorter: (a, b) => a.gridName.localeCompare(b.gridName, 'zh-CN') },
    { title: s.station, dataIndex: 'stationName', width: 120, sorter: (a, b) => a.stationName.localeCompare(b.stationName, 'zh-CN') },
    { title: s.worker, dataIndex: 'workerName', width: 90, render: (w: string | null) => w ?? t.common.dash },
    { title: s.base, dataIndex: 'base', align: 'right', sorter: byNumber((r) => r.base) },
    { title: s.ordering, dataIndex: 'ordering', align: 'right', sorter: byNumber((r) => r.ordering) },
    { title: s.sellThrough, dataIndex: 'sellThroughPct', align: 'right', sorter: byNumber((r) => r.sellThroughPct), render: (v: number | null) => <RateTag pct={v} bad={v != null && v < 60} /> },
    { title: s.demandLines, dataIndex: 'demandLines', align: 'right', sorter: byNumber((r) => r.demandLines) },
    { title: s.stockoutLines, dataIndex: 'stockoutLines', align: 'right', sorter: byNumber((r) => r.stockoutLines) },
    {
      title: s.stockoutRate,
      dataIndex: 'stockoutRatePct',
      align: 'right',
      sorter: byNumber((r) => r.stockoutRatePct),
      defaultSortOrder: 'descend',
      render: (v: number | null) => <RateTag pct={v} bad={(v ?? 0) >= 20} />,
    },
  ];
  return (
    <Table<GridRow>
      size="small"
      rowKey="gridId"
      dataSource={grids}
      columns={columns}
      scroll={{ x: 920 }}
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="grid-stats"
    />
  );
}
