// 网格地图: the territory on a map with retailers coloured by a chosen
// attribute, grid areas labelled with their worker, villages and stations;
// select retailers by drawing and move them between grids; grid operations,
// change history and automatic partition beside it.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { App, Alert, Badge, Button, Card, Checkbox, Segmented, Select, Space, Tabs, Typography } from 'antd';
import { BorderOutlined, GatewayOutlined } from '@ant-design/icons';
import type { MapPoints, Proposal, SelectedRetailer } from '../../../shared/grids.js';
import { getOrg, getStations } from '../../api/endpoints.js';
import { ErrorResult } from '../../components/error-result.js';
import { useLoad } from '../../components/use-load.js';
import { useT } from '../../i18n/i18n.js';
import { useSession } from '../../shell/session.js';
import { usePhone } from '../../components/phone-layout.js';
import { getGridOverlaps, getMapGrids, getMapPoints, getPlaces, getWorkers, selectInRing, setGridArea, type Ring } from './grid-map-api.js';
import { GridDialogs, type Dialog } from './grid-dialogs.js';
import { GridLeafletMap, type DrawMode } from './grid-leaflet-map.js';
import { GridsPanel } from './grids-panel.js';
import { HistoryPanel } from './history-panel.js';
import { COLOUR_ATTRIBUTES, legendOf, type ColourAttribute } from './point-colours.js';
import { ProposalPanel } from './proposal-panel.js';
import { SelectionPanel } from './selection-panel.js';
import { LayoutPanel, type LayoutOverlay } from './layout-panel.js';
import { OverlapsPanel } from './overlaps-panel.js';
import { ServicePanel } from './service-panel.js';
import type { DeliveryProposalDto } from '../../../shared/service-delivery.js';
import { useReportError } from './use-report-error.js';
import { labelOf } from '../../../shared/codes.js';

const EMPTY: MapPoints = { mode: 'points', total: 0, points: [], clusters: [] };

export function GridMapPage() {
  const { t, lang } = useT();
  const phone = usePhone();
  const tm = t.gridMap;
  const { me } = useSession();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const report = useReportError();
  const canManage = !!me?.permissions.includes('grid.manage');
  const headStation = me?.user.role === 'station_head' ? me.user.stationId : null;

  const org = useLoad(getOrg, []);
  const stations = useLoad(getStations, []);
  const places = useLoad(getPlaces, []);
  const [version, setVersion] = useState(0);
  const grids = useLoad(getMapGrids, [version]);
  const overlaps = useLoad(getGridOverlaps, [version]);
  const workers = useLoad(() => (canManage ? getWorkers() : Promise.resolve([])), [canManage, version]);

  // Points: all at once when they fit; otherwise clusters for the view, refetched as it moves.
  const [points, setPoints] = useState<MapPoints>(EMPTY);
  const complete = useRef(false);
  const view = useRef<{ bbox: string; zoom: number } | null>(null);
  const loadPoints = useCallback(async (all: boolean) => {
    const v = view.current;
    try {
      const res = await getMapPoints(all || !v ? { zoom: v?.zoom ?? 10 } : { bbox: v.bbox, zoom: v.zoom });
      if (all) complete.current = res.mode === 'points';
      setPoints(res);
    } catch (e) {
      report(e);
    }
  }, []);
  useEffect(() => {
    void loadPoints(true);
  }, [version]);
  const onView = useCallback((bbox: string, zoom: number) => {
    view.current = { bbox, zoom };
    if (!complete.current && points !== EMPTY) void loadPoints(false);
  }, [points]);

  const [colourBy, setColourBy] = useState<ColourAttribute>('star');
  const [show, setShow] = useState({ grids: true, places: true, labels: true });
  const [drawMode, setDrawMode] = useState<DrawMode>('none');
  const [areaFor, setAreaFor] = useState<number | null>(null);
  const [selected, setSelected] = useState<SelectedRetailer[]>([]);
  const [highlight, setHighlight] = useState<number | null>(null);
  const [tab, setTab] = useState('selection');
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const [proposal, setProposal] = useState<Proposal | null>(null);
  const [layout, setLayout] = useState<LayoutOverlay | null>(null);
  const [delivery, setDelivery] = useState<DeliveryProposalDto | null>(null);
  const [focus, setFocus] = useState<{ lat: number; lng: number; n: number } | null>(null);
  const canLayout = !!me?.permissions.includes('layout.read');

  const gridList = grids.data ?? [];
  const overlapList = overlaps.data ?? [];
  const gridById = useMemo(() => new Map(gridList.map((g) => [g.id, g])), [gridList]);
  const gridName = useCallback((id: number | null) => (id === null ? '—' : (gridById.get(id)?.name ?? `#${id}`)), [gridById]);
  const selectedIds = useMemo(() => new Set(selected.map((s) => s.id)), [selected]);
  const stationList = stations.data ?? [];
  const refresh = () => setVersion((v) => v + 1);

  const onRing = async (ring: Ring) => {
    if (areaFor !== null) {
      const id = areaFor;
      setAreaFor(null);
      try {
        await setGridArea(id, ring);
        message.success(tm.areaSaved);
        refresh();
      } catch (e) {
        report(e);
      }
      return;
    }
    try {
      setSelected(await selectInRing(ring));
      setTab('selection');
    } catch (e) {
      report(e);
    }
  };

  if (org.error && !org.data) return <ErrorResult error={org.error} onRetry={org.reload} />;
  const legend = legendOf(colourBy, points.points);
  const legendLabel = (key: string) =>
    colourBy === 'star' ? tm.stars(Number(key)) : colourBy === 'network' ? labelOf('network', key, lang) : colourBy === 'businessFormat' ? labelOf('businessFormat', key, lang) : key;

  return (
    <div data-testid="grid-map-page">
      <Typography.Title level={4} className="zy-page-title">
        {tm.title}
      </Typography.Title>
      <Card size="small" style={{ marginBottom: 12 }}>
        <Space wrap size={[16, 8]}>
          <Space>
            <span>{tm.colourBy}</span>
            {/* Seven choices do not fit a phone's width in a row (English 411 px at 390): a phone picks from a list. */}
            {phone ? (
              <Select
                value={colourBy}
                onChange={(v) => setColourBy(v)}
                options={COLOUR_ATTRIBUTES.map((a) => ({ value: a, label: tm.attrs[a] }))}
                style={{ minWidth: 140 }}
                aria-label={tm.colourBy}
                data-testid="colour-by"
              />
            ) : (
              <Segmented
                size="small"
                value={colourBy}
                onChange={(v) => setColourBy(v as ColourAttribute)}
                options={COLOUR_ATTRIBUTES.map((a) => ({ value: a, label: tm.attrs[a] }))}
                data-testid="colour-by"
              />
            )}
          </Space>
          <Checkbox checked={show.grids} onChange={(e) => setShow({ ...show, grids: e.target.checked })}>
            {tm.layerGrids}
          </Checkbox>
          <Checkbox checked={show.places} onChange={(e) => setShow({ ...show, places: e.target.checked })}>
            {tm.layerPlaces}
          </Checkbox>
          <Checkbox checked={show.labels} onChange={(e) => setShow({ ...show, labels: e.target.checked })}>
            {tm.layerLabels}
          </Checkbox>
          <Space>
            <Button size="small" icon={<GatewayOutlined />} type={drawMode === 'polygon' && areaFor === null ? 'primary' : 'default'} onClick={() => (setAreaFor(null), setDrawMode('polygon'))} data-testid="draw-polygon">
              {tm.drawPolygon}
            </Button>
            <Button size="small" icon={<BorderOutlined />} type={drawMode === 'rect' ? 'primary' : 'default'} onClick={() => (setAreaFor(null), setDrawMode('rect'))}>
              {tm.drawRect}
            </Button>
          </Space>
        </Space>
        <div className="zy-legend" style={{ marginTop: 8 }} data-testid="legend">
          {legend.map((l) => (
            <span key={l.key}>
              <i style={{ background: l.colour }} />
              {legendLabel(l.key)}
            </span>
          ))}
          <span className="zy-muted">{points.mode === 'clusters' ? tm.clustered(points.total) : tm.pointsShown(points.points.length)}</span>
        </div>
      </Card>
      {areaFor !== null && <Alert type="info" showIcon style={{ marginBottom: 8 }} message={tm.drawAreaHint(gridName(areaFor))} />}
      {org.data && !org.data.tiles.url && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {tm.noTiles}
        </Typography.Text>
      )}
      <div className="zy-map-layout">
        {org.data ? (
          <GridLeafletMap
            org={org.data}
            points={points.points}
            clusters={points.clusters}
            grids={gridList}
            overlaps={overlapList}
            places={places.data ?? []}
            stations={stationList}
            colourBy={colourBy}
            show={show}
            selected={selectedIds}
            highlightGrid={highlight}
            proposal={proposal}
            drawMode={drawMode}
            labels={{ finish: tm.finish, cancel: tm.cancel, drawHint: tm.drawHint, rectHint: tm.rectHint, station: tm.stationBadge, openCard: tm.openCard, retailers: tm.retailersN, grid: tm.grid, population: t.layout.population, overlap: tm.overlapFlag, punct: t.punct }}
            gridName={gridName}
            onRing={onRing}
            onDrawEnd={() => (setDrawMode('none'), setAreaFor(null))}
            onOpenCard={(id) => navigate(`/retailers/${id}`)}
            onView={onView}
            height="calc(100vh - 230px)"
            layout={layout}
            delivery={delivery}
            focus={focus}
            fitToPoints={me?.user.role === 'station_head' || me?.user.role === 'grid_worker'}
          />
        ) : (
          <Card loading style={{ height: 480 }} />
        )}
        <Card size="small" className="zy-map-side">
          <Tabs
            size="small"
            activeKey={tab}
            onChange={setTab}
            items={[
              {
                key: 'selection',
                label: tm.tabSelection,
                children: (
                  <SelectionPanel
                    selected={selected}
                    grids={gridList}
                    canManage={canManage}
                    onMoved={(gridId) => {
                      setSelected([]);
                      setHighlight(gridId);
                      setTab('history');
                      refresh();
                    }}
                    onClear={() => setSelected([])}
                    onOpenCard={(id) => navigate(`/retailers/${id}`)}
                  />
                ),
              },
              {
                key: 'grids',
                label: (
                  <Badge dot={overlapList.length > 0} offset={[4, 0]} data-testid="tab-grids">
                    {tm.tabGrids}
                  </Badge>
                ),
                children: (
                  <>
                  {overlapList.length > 0 && (
                    <OverlapsPanel
                      overlaps={overlapList}
                      canManage={canManage}
                      onShow={(o) => {
                        setHighlight(o.a.id);
                        // The middle of the overlap's box (WGS-84 corners flattened out of the GeoJSON).
                        const xy = JSON.stringify((o.overlap as { coordinates: unknown }).coordinates).match(/-?\d+(\.\d+)?/g)!.map(Number);
                        const [xs, ys] = [xy.filter((_, i) => i % 2 === 0), xy.filter((_, i) => i % 2 === 1)];
                        setFocus({ lat: (Math.min(...ys) + Math.max(...ys)) / 2, lng: (Math.min(...xs) + Math.max(...xs)) / 2, n: Date.now() });
                      }}
                      onRedraw={(id) => (setAreaFor(id), setHighlight(id), setDrawMode('polygon'))}
                    />
                  )}
                  <GridsPanel
                    grids={gridList}
                    highlight={highlight}
                    canManage={canManage}
                    stationName={(id) => stationList.find((s) => s.id === id)?.name ?? ''}
                    onPick={(id) => setHighlight(id === highlight ? null : id)}
                    onDialog={(d) => setDialog(d.kind === 'split' ? { ...d, retailerIds: selected.filter((s) => s.gridId === d.grid.id).map((s) => s.id) } : d)}
                    onDrawArea={(g) => (setAreaFor(g.id), setHighlight(g.id), setDrawMode('polygon'))}
                    onChanged={refresh}
                  />
                  </>
                ),
              },
              { key: 'history', label: tm.tabHistory, children: <HistoryPanel grid={highlight !== null ? (gridById.get(highlight) ?? null) : null} gridName={gridName} version={version} /> },
              ...(canManage
                ? [
                    {
                      key: 'proposal',
                      label: tm.tabProposal,
                      children: (
                        <ProposalPanel
                          stations={stationList}
                          fixedStation={headStation}
                          gridCount={(sid) => gridList.filter((g) => g.retailers > 0 && (!sid || g.stationId === sid)).length}
                          proposal={proposal}
                          onProposal={setProposal}
                          onApplied={refresh}
                        />
                      ),
                    },
                  ]
                : []),
              {
                key: 'service',
                label: t.service.tab,
                children: (
                  <ServicePanel
                    canManage={canManage}
                    onSelect={(members) => {
                      setSelected(members);
                      setTab('selection');
                    }}
                    delivery={delivery}
                    onDelivery={setDelivery}
                  />
                ),
              },
              ...(canLayout
                ? [{ key: 'layout', label: t.layout.tab, children: tab === 'layout' ? <LayoutPanel onOverlay={setLayout} onFocus={(lat, lng) => setFocus({ lat, lng, n: Date.now() })} /> : null }]
                : []),
            ]}
          />
        </Card>
      </div>
      <GridDialogs
        dialog={dialog}
        grids={gridList}
        stations={headStation ? stationList.filter((s) => s.id === headStation) : stationList}
        workers={workers.data ?? []}
        canChangeStation={canManage && headStation === null}
        onClose={() => setDialog(null)}
        onDone={() => (setDialog(null), setSelected([]), refresh())}
      />
    </div>
  );
}
