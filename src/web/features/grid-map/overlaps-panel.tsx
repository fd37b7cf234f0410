// Overlapping drawn grid areas, above the grid list when there are any: largest
// first, each with both grids' names and how much they share; a station head
// picks one to see it on the map and redraws either grid's area (decision 1440).
import { Alert, Button, List, Space } from 'antd';
import type { GridOverlapDto } from '../../../shared/grids.js';
import { useT } from '../../i18n/i18n.js';

type Props = {
  overlaps: GridOverlapDto[];
  canManage: boolean;
  onShow: (o: GridOverlapDto) => void;
  onRedraw: (gridId: number) => void;
};

export function OverlapsPanel({ overlaps, canManage, onShow, onRedraw }: Props) {
  const { t } = useT();
  const tm = t.gridMap;
  return (
    <div data-testid="overlaps-panel" style={{ marginBottom: 12 }}>
      <Alert type="error" showIcon message={tm.overlapsTitle(overlaps.length)} description={tm.overlapsExplained} style={{ fontSize: 12 }} />
      <List
        size="small"
        dataSource={overlaps}
        renderItem={(o) => (
          <List.Item key={`${o.a.id}-${o.b.id}`} className="zy-row-click" onClick={() => onShow(o)} data-testid="overlap-row">
            <List.Item.Meta
              title={`${o.a.name} ∩ ${o.b.name}`}
              description={
                <Space direction="vertical" size={4}>
                  <span>{tm.overlapFigures(o.km2, o.share)}</span>
                  {canManage && (
                    <Space wrap size={6}>
                      {[o.a, o.b].map((g) => (
                        <Button key={g.id} size="small" onClick={(e) => (e.stopPropagation(), onRedraw(g.id))}>
                          {tm.redraw(g.name)}
                        </Button>
                      ))}
                    </Space>
                  )}
                </Space>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
