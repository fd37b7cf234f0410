// The retailers moved into or out of one grid, newest first.
import { Empty, Table, Typography } from 'antd';
import type { GridFeature } from '../../../shared/grids.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { getGridMoves } from './grid-map-api.js';

export function HistoryPanel({ grid, gridName, version }: { grid: GridFeature | null; gridName: (id: number | null) => string; version: number }) {
  const { t } = useT();
  const tm = t.gridMap;
  const moves = useLoad(() => (grid ? getGridMoves(grid.id) : Promise.resolve([])), [grid?.id, version]);
  if (!grid) return <Empty description={tm.pickGrid} image={Empty.PRESENTED_IMAGE_SIMPLE} />;
  return (
    <div data-testid="history-panel">
      <Typography.Text strong>{tm.historyFor(grid.name)}</Typography.Text>
      <Table
        size="small"
        rowKey="id"
        loading={moves.loading}
        dataSource={moves.data ?? []}
        pagination={{ pageSize: 20, size: 'small' }}
        columns={[
          { title: tm.at, dataIndex: 'at', render: (v: string) => v.slice(5, 16), width: 96 },
          { title: tm.retailer, dataIndex: 'shopName' },
          { title: tm.from, dataIndex: 'fromGridId', render: (v: number | null) => gridName(v) },
          { title: tm.to, dataIndex: 'toGridId', render: (v: number | null) => gridName(v) },
          { title: tm.by, dataIndex: 'userName' },
          { title: tm.reason, dataIndex: 'reason', render: (v: string | null) => v ?? '' },
        ]}
      />
    </div>
  );
}
