// 网点布局: blank villages (population above a threshold, no licensed retailer
// within a distance) and over-dense spots, listed, drawn on the map, exported.
import { useEffect, useState } from 'react';
import { Button, InputNumber, List, Space, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { BlankVillageDto, DenseSpotDto } from '../../../shared/layout.js';
import { toQuery } from '../../api/client.js';
import { findBlankVillages, findDenseSpots } from './grid-map-api.js';
import { useT } from '../../i18n/i18n.js';
import { useReportError } from './use-report-error.js';

export type LayoutOverlay = { blank: BlankVillageDto[]; dense: DenseSpotDto[]; radiusKm: number; radiusM: number };

type Props = { onOverlay: (o: LayoutOverlay | null) => void; onFocus: (lat: number, lng: number) => void };

export function LayoutPanel({ onOverlay, onFocus }: Props) {
  const { t } = useT();
  const tl = t.layout;
  const report = useReportError();
  const [minPopulation, setMinPopulation] = useState(800);
  const [radiusKm, setRadiusKm] = useState(2);
  const [radiusM, setRadiusM] = useState(150);
  const [minCount, setMinCount] = useState(6);
  const [data, setData] = useState<LayoutOverlay | null>(null);
  const [busy, setBusy] = useState(false);

  const run = async () => {
    setBusy(true);
    try {
      const [blank, dense] = await Promise.all([
        findBlankVillages({ minPopulation, radiusKm }),
        findDenseSpots({ radiusM, minCount }),
      ]);
      const o = { blank, dense, radiusKm, radiusM };
      setData(o);
      onOverlay(o);
    } catch (e) {
      report(e);
    } finally {
      setBusy(false);
    }
  };
  useEffect(() => {
    void run();
    return () => onOverlay(null);
  }, []);
  const file = (kind: 'blank' | 'dense', format: 'xlsx' | 'csv') => `/api/layout/export${toQuery({ kind, format, minPopulation, radiusKm, radiusM, minCount })}`;

  return (
    <div data-testid="layout-panel">
      <Space wrap size={[8, 4]} style={{ marginBottom: 8 }}>
        <span>{tl.minPopulation}</span>
        <InputNumber size="small" min={0} step={100} value={minPopulation} onChange={(v) => setMinPopulation(v ?? 0)} />
        <span>{tl.radiusKm}</span>
        <InputNumber size="small" min={0.1} max={20} step={0.5} value={radiusKm} onChange={(v) => setRadiusKm(v ?? 2)} />
        <span>{tl.radiusM}</span>
        <InputNumber size="small" min={20} max={2000} step={50} value={radiusM} onChange={(v) => setRadiusM(v ?? 150)} />
        <span>{tl.minCount}</span>
        <InputNumber size="small" min={2} max={200} value={minCount} onChange={(v) => setMinCount(v ?? 6)} />
        <Button size="small" type="primary" loading={busy} onClick={run}>
          {tl.run}
        </Button>
      </Space>
      <Typography.Text strong>{tl.blankTitle(data?.blank.length ?? 0)}</Typography.Text>
      <Space style={{ float: 'right' }}>
        <Button size="small" icon={<DownloadOutlined />} href={file('blank', 'xlsx')}>Excel</Button>
        <Button size="small" href={file('blank', 'csv')}>CSV</Button>
      </Space>
      <List
        size="small"
        style={{ maxHeight: 260, overflow: 'auto', marginBottom: 12 }}
        dataSource={data?.blank ?? []}
        renderItem={(v) => (
          <List.Item key={v.id} className="zy-row-click" onClick={() => onFocus(v.lat, v.lng)} data-testid="blank-village">
            <List.Item.Meta title={`${v.name} · ${v.township}`} description={tl.villageFigures(v.population, v.nearestKm)} />
          </List.Item>
        )}
      />
      <Typography.Text strong>{tl.denseTitle(data?.dense.length ?? 0)}</Typography.Text>
      <Space style={{ float: 'right' }}>
        <Button size="small" icon={<DownloadOutlined />} href={file('dense', 'xlsx')}>Excel</Button>
        <Button size="small" href={file('dense', 'csv')}>CSV</Button>
      </Space>
      <List
        size="small"
        style={{ maxHeight: 260, overflow: 'auto' }}
        dataSource={data?.dense ?? []}
        renderItem={(s) => (
          <List.Item key={s.id} className="zy-row-click" onClick={() => onFocus(s.lat, s.lng)}>
            <List.Item.Meta title={`${s.shopName} · ${s.gridName}`} description={tl.spotFigures(s.members, radiusM)} />
          </List.Item>
        )}
      />
    </div>
  );
}
