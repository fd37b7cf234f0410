// Today's grids: worker, retailers, workload, and the operations on each.
import { App, Button, Dropdown, Space, Table } from 'antd';
import { MoreOutlined, PlusOutlined } from '@ant-design/icons';
import type { GridFeature } from '../../../shared/grids.js';
import { useT } from '../../i18n/i18n.js';
import { deleteGrid, setGridArea } from './grid-map-api.js';
import type { Dialog } from './grid-dialogs.js';
import { useReportError } from './use-report-error.js';

type Props = {
  grids: GridFeature[];
  highlight: number | null;
  canManage: boolean;
  stationName: (id: number) => string;
  onPick: (id: number) => void;
  onDialog: (d: Dialog) => void;
  onDrawArea: (grid: GridFeature) => void;
  onChanged: () => void;
};

export function GridsPanel({ grids, highlight, canManage, stationName, onPick, onDialog, onDrawArea, onChanged }: Props) {
  const { t } = useT();
  const tm = t.gridMap;
  const { message, modal } = App.useApp();
  const report = useReportError();

  const remove = (g: GridFeature) =>
    modal.confirm({
      title: tm.confirmDelete(g.name),
      onOk: async () => {
        try {
          await deleteGrid(g.id);
          message.success(tm.deleted);
          onChanged();
        } catch (e) {
          report(e);
        }
      },
    });
  const clearArea = async (g: GridFeature) => {
    try {
      await setGridArea(g.id, null);
      onChanged();
    } catch (e) {
      report(e);
    }
  };

  return (
    <div data-testid="grids-panel">
      {canManage && (
        <Space style={{ marginBottom: 8 }}>
          <Button size="small" icon={<PlusOutlined />} onClick={() => onDialog({ kind: 'create' })}>
            {tm.newGrid}
          </Button>
        </Space>
      )}
      <Table
        size="small"
        rowKey="id"
        dataSource={grids}
        pagination={{ pageSize: 50, size: 'small', showSizeChanger: false }}
        rowClassName={(g) => `zy-row-click${g.id === highlight ? ' ant-table-row-selected' : ''}`}
        onRow={(g) => ({ onClick: () => onPick(g.id), 'data-testid': `grid-row-${g.id}` }) as React.HTMLAttributes<HTMLElement>}
        columns={[
          { title: tm.name, dataIndex: 'name', render: (v: string, g) => <span title={`${g.code} · ${stationName(g.stationId)}`}>{v}</span> },
          { title: tm.worker, dataIndex: 'workerName', width: 72 },
          { title: tm.retailers, dataIndex: 'retailers', width: 60, align: 'right', sorter: (a, b) => a.retailers - b.retailers },
          { title: tm.workload, dataIndex: 'workload', width: 80, align: 'right', sorter: (a, b) => a.workload - b.workload },
          ...(canManage
            ? [
                {
                  title: '',
                  key: 'ops',
                  width: 36,
                  render: (_: unknown, g: GridFeature) => (
                    <Dropdown
                      trigger={['click']}
                      menu={{
                        items: [
                          { key: 'edit', label: tm.edit, onClick: () => onDialog({ kind: 'edit', grid: g }) },
                          { key: 'area', label: tm.drawArea, onClick: () => onDrawArea(g) },
                          ...(g.drawn ? [{ key: 'clear', label: tm.clearArea, onClick: () => clearArea(g) }] : []),
                          { key: 'split', label: tm.split, onClick: () => onDialog({ kind: 'split', grid: g, retailerIds: [] }) },
                          { key: 'merge', label: tm.merge, onClick: () => onDialog({ kind: 'merge', grid: g }) },
                          { key: 'delete', label: tm.delete, danger: true, onClick: () => remove(g) },
                        ],
                        onClick: ({ domEvent }) => domEvent.stopPropagation(),
                      }}
                    >
                      <Button size="small" type="text" icon={<MoreOutlined />} onClick={(e) => e.stopPropagation()} aria-label={tm.actions} />
                    </Dropdown>
                  ),
                },
              ]
            : []),
        ]}
      />
    </div>
  );
}
