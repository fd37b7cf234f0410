// The retailers selected on the map, and moving them to another grid.
import { useState } from 'react';
import { App, Button, Empty, Input, List, Select, Space, Tag, Typography } from 'antd';
import type { GridFeature, SelectedRetailer } from '../../../shared/grids.js';
import { useT } from '../../i18n/i18n.js';
import { moveToGrid } from './grid-map-api.js';
import { setServiceMode } from './grid-map-api.js';
import { useReportError } from './use-report-error.js';

type Props = {
  selected: SelectedRetailer[];
  grids: GridFeature[];
  canManage: boolean;
  onMoved: (gridId: number) => void;
  onClear: () => void;
  onOpenCard: (id: number) => void;
};

export function SelectionPanel({ selected, grids, canManage, onMoved, onClear, onOpenCard }: Props) {
  const { t } = useT();
  const tm = t.gridMap;
  const { message } = App.useApp();
  const report = useReportError();
  const [target, setTarget] = useState<number | undefined>();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  if (!selected.length) return <Empty description={tm.selectHint} image={Empty.PRESENTED_IMAGE_SIMPLE} />;

  const move = async () => {
    if (!target) return;
    setBusy(true);
    try {
      const res = await moveToGrid(target, selected.map((s) => s.id), reason.trim() || undefined);
      message.success(tm.moved(res.moved));
      setReason('');
      onMoved(target);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  const setModes = async (mode: 'fixed' | 'mobile') => {
    setBusy(true);
    try {
      for (const r of selected) await setServiceMode(r.id, mode);
      message.success(t.service.modesSet(selected.length));
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="selection-panel">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 8 }}>
        <Typography.Text strong data-testid="selected-count">
          {tm.selectedN(selected.length)}
        </Typography.Text>
        <Button size="small" onClick={onClear}>
          {tm.clearSelection}
        </Button>
      </Space>
      {canManage && (
        <Space.Compact style={{ width: '100%', marginBottom: 6 }}>
          <Select
            showSearch
            optionFilterProp="label"
            placeholder={tm.moveTo}
            value={target}
            onChange={setTarget}
            style={{ width: '100%' }}
            options={grids.map((g) => ({ value: g.id, label: `${g.name}${t.punct.paren(g.workerName ?? '—')}` }))}
            data-testid="move-target"
          />
          <Button type="primary" disabled={!target} loading={busy} onClick={move} data-testid="move-button">
            {tm.move}
          </Button>
        </Space.Compact>
      )}
      {canManage && <Input placeholder={tm.moveReason} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={200} style={{ marginBottom: 8 }} />}
      {canManage && (
        <Space size={6} style={{ marginBottom: 8 }}>
          <Button size="small" disabled={busy} onClick={() => setModes('fixed')}>
            {t.service.setFixed}
          </Button>
          <Button size="small" disabled={busy} onClick={() => setModes('mobile')}>
            {t.service.setMobile}
          </Button>
        </Space>
      )}
      <List
        size="small"
        dataSource={selected}
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="selected-item" actions={[<a key="open" onClick={() => onOpenCard(r.id)}>{tm.openCard}</a>]}>
            <span>
              {r.shopName} <Tag>{r.gridName}</Tag>
              <span className="zy-muted">{tm.stars(r.star)}</span>
            </span>
          </List.Item>
        )}
      />
    </div>
  );
}
