// The week's measures as sortable tables: one row per product, one per grid.
// On a phone only the name and the two rates show; the rest opens under a row.
import { Link } from 'react-router-dom';
import { Table, Tag } from 'antd';
import { Figures, usePhone } from '../../components/phone-layout.js';
import type { ColumnsType } from 'antd/es/table';
import type { OrderCycleStats } from '../../../shared/ordering-stats.js';
import { useT } from '../../i18n/i18n.js';

type ProductRow = OrderCycleStats['products'][number];
type GridRow = OrderCycleStats['grids'][number];

const byNumber = <T,>(f: (r: T) => number | null) => (a: T, b: T) => (f(a) ?? -1) - (f(b) ?? -1);

/** On a phone: only the kept columns, neither pinned nor fixed in width. */
function phoneColumns<T>(columns: ColumnsType<T>, keep: ReadonlySet<string>): ColumnsType<T> {
  return columns.filter((col) => 'dataIndex' in col && keep.has(String(col.dataIndex))).map((col) => ({ ...col, fixed: undefined, width: undefined }));
}

export function RateTag({ pct, bad }: { pct: number | null; bad?: boolean }) {
  const { t } = useT();
  if (pct == null) return <span style={{ color: '#bfbfbf' }}>{t.common.dash}</span>;
  const text = `${pct.toFixed(1)}%`;
  return bad ? <Tag color="red">{text}</Tag> : <span>{text}</span>;
}

export function ProductStatsTable({ products }: { products: ProductRow[] }) {
  const { t } = useT();
  const s = t.orderingStats;
  const phone = usePhone();
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
  const keep = new Set(['name', 'stockoutRatePct', 'sellThroughPct']);
  return (
    <Table<ProductRow>
      size="small"
      rowKey="productId"
      dataSource={products}
      columns={phone ? phoneColumns(columns, keep) : columns}
      scroll={phone ? undefined : { x: 900 }}
      expandable={
        phone
          ? {
              expandedRowRender: (p) => (
                <Figures
                  items={[
                    { label: s.demandLines, value: p.demandLines },
                    { label: s.stockoutLines, value: p.stockoutLines },
                    { label: s.demandQty, value: p.demandQty },
                    { label: s.orderedQty, value: p.orderedQty },
                    { label: s.base, value: p.base },
                    { label: s.ordering, value: p.ordering },
                  ]}
                />
              ),
            }
          : undefined
      }
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="product-stats"
    />
  );
}

export function GridStatsTable({ grids }: { grids: GridRow[] }) {
  const { t } = useT();
  const s = t.orderingStats;
  const phone = usePhone();
  const columns: ColumnsType<GridRow> = [
    {
      title: s.grid,
      dataIndex: 'gridName',
      fixed: 'left',
      width: 160,
      sorter: (a, b) => a.gridName.localeCompare(b.gridName, 'zh-CN'),
      // The grid's shops, in the retailer list (also how a province user drills from a county into a grid).
      render: (name: string, g) => <Link to={`/retailers?gridId=${g.gridId}`}>{name}</Link>,
    },
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
  const keep = new Set(['gridName', 'sellThroughPct', 'stockoutRatePct']);
  return (
    <Table<GridRow>
      size="small"
      rowKey="gridId"
      dataSource={grids}
      columns={phone ? phoneColumns(columns, keep) : columns}
      scroll={phone ? undefined : { x: 920 }}
      expandable={
        phone
          ? {
              expandedRowRender: (g) => (
                <Figures
                  items={[
                    { label: s.station, value: g.stationName },
                    { label: s.worker, value: g.workerName ?? t.common.dash },
                    { label: s.base, value: g.base },
                    { label: s.ordering, value: g.ordering },
                    { label: s.demandLines, value: g.demandLines },
                    { label: s.stockoutLines, value: g.stockoutLines },
                  ]}
                />
              ),
            }
          : undefined
      }
      pagination={{ pageSize: 20, hideOnSinglePage: true, showSizeChanger: false }}
      data-testid="grid-stats"
    />
  );
}
