// The county on a Leaflet map drawn on one canvas: boundary, grid areas with
// their worker's name, villages and towns, stations, and every retailer as a
// circle marker coloured by the chosen attribute (3,000 stay smooth on a
// canvas). With a tile URL the WGS-84 data is shifted to the tiles' datum;
// drawn rings are shifted back before they leave. Drawing: click corners
// (polygon) or two opposite corners (rectangle).
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import { Button, Space } from 'antd';
import type { Org, Station } from '../../../shared/org.js';
import type { GridFeature, GridOverlapDto, MapPointRow, Place, Proposal } from '../../../shared/grids.js';
import { displayToWgs, geometryForDisplay, wgsToDisplay } from './display-datum.js';
import { gridColour, pointColour, type ColourAttribute } from './point-colours.js';
import type { Ring } from './grid-map-api.js';
import type { LayoutOverlay } from './layout-panel.js';
import type { DeliveryProposalDto } from '../../../shared/service-delivery.js';
import { mapBadge, mapText } from '../../components/map-text.js';
import { labelSize, pickLabels, type LabelCandidate } from './label-layout.js';
import './grid-map.css';

export type DrawMode = 'none' | 'polygon' | 'rect';
export type MapLabels = {
  finish: string;
  cancel: string;
  drawHint: string;
  rectHint: string;
  /** The station's badge on the map. */
  station: string;
  openCard: string;
  retailers: (n: number) => string;
  grid: string;
  population: (n: number) => string;
  /** The flag on an overlap between two drawn areas. */
  overlap: (km2: number) => string;
  punct: { colon: string; paren: (s: string | number) => string };
};

type Props = {
  org: Org;
  points: MapPointRow[];
  clusters: [number, number, number][];
  grids: GridFeature[];
  /** Drawn areas that overlap, flagged in red (decision 1440). */
  overlaps: GridOverlapDto[];
  places: Place[];
  stations: Station[];
  colourBy: ColourAttribute;
  show: { grids: boolean; places: boolean; labels: boolean };
  selected: ReadonlySet<number>;
  highlightGrid: number | null;
  proposal: Proposal | null;
  drawMode: DrawMode;
  labels: MapLabels;
  gridName: (id: number) => string;
  onRing: (ring: Ring) => void;
  onDrawEnd: () => void;
  onOpenCard: (id: number) => void;
  onView: (bbox: string, zoom: number) => void;
  height: number | string;
  /** Zoom to the points on first load (viewers whose scope is part of the county). */
  fitToPoints: boolean;
  layout: LayoutOverlay | null;
  delivery: DeliveryProposalDto | null;
  focus: { lat: number; lng: number; n: number } | null;
};

const shift = geometryForDisplay;
const toWgs = (org: Org, at: L.LatLng) => displayToWgs(org, at.lng, at.lat);

const ll = (org: Org, lat: number, lng: number) => {
  const [x, y] = wgsToDisplay(org, lng, lat);
  return L.latLng(y, x);
};

export function GridLeafletMap(props: Props) {
  const { org } = props;
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const renderer = useRef<L.Canvas | null>(null);
  const layers = useRef<Record<string, L.LayerGroup>>({});
  const markers = useRef<Map<number, L.CircleMarker>>(new Map());
  const latest = useRef(props);
  latest.current = props;
  const [zoom, setZoom] = useState(0);
  const [corners, setCorners] = useState<L.LatLng[]>([]);

  // The map itself, once per org.
  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { attributionControl: !!org.tiles.url, preferCanvas: true, doubleClickZoom: false });
    map.current = m;
    // The browser journeys place drawn corners through the map's own projection.
    (el.current as HTMLDivElement & { zyMap?: L.Map }).zyMap = m;
    renderer.current = L.canvas({ padding: 0.3, tolerance: 4 });
    if (org.tiles.url) L.tileLayer(org.tiles.url, { maxZoom: 18 }).addTo(m);
    const boundary = L.geoJSON(shift(org, org.boundary), {
      style: { color: '#1f5f9e', weight: 2, fill: !org.tiles.url, fillColor: '#f7f9fb', fillOpacity: 1 },
      interactive: false,
    });
    const bounds = boundary.getBounds();
    if (bounds.isValid()) m.fitBounds(bounds, { padding: [8, 8] });
    else m.setView(ll(org, org.centerLat, org.centerLng), 10);
    boundary.addTo(m);
    for (const name of ['grids', 'overlaps', 'places', 'layout', 'proposal', 'delivery', 'points', 'stations', 'labels', 'draw']) layers.current[name] = L.layerGroup().addTo(m);
    const report = () => {
      setZoom(m.getZoom());
      const b = m.getBounds();
      const [w, s] = toWgs(org, b.getSouthWest());
      const [e, n] = toWgs(org, b.getNorthEast());
      latest.current.onView([w, s, e, n].map((x) => x.toFixed(5)).join(','), m.getZoom());
    };
    m.on('moveend', report);
    report();
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      m.remove();
      map.current = null;
      markers.current.clear();
    };
  }, [org]);

  // Retailers (or clusters).
  useEffect(() => {
    const group = layers.current.points;
    if (!group) return;
    group.clearLayers();
    markers.current.clear();
    const { points, clusters } = props;
    for (const p of points) {
      // While drawing, clicks go to the map (the canvas renderer checks this option on each click; the drawing effect
      // sets it when the mode changes).
      const mk = L.circleMarker(ll(org, p[1], p[2]), { renderer: renderer.current!, radius: 4, weight: 1, color: '#ffffff', fillOpacity: 0.95, interactive: latest.current.drawMode === 'none' });
      mk.on('click', () => {
        if (latest.current.drawMode !== 'none') return;
        const lb = latest.current.labels;
        const box = document.createElement('div');
        box.className = 'zy-map-popup';
        const title = document.createElement('b');
        title.textContent = p[9];
        const sub = document.createElement('div');
        sub.textContent = `${lb.grid}${latest.current.labels.punct.colon}${latest.current.gridName(p[3])}`;
        const link = document.createElement('a');
        link.textContent = lb.openCard;
        link.href = `/retailers/${p[0]}`;
        link.dataset.testid = 'map-open-card';
        link.onclick = (ev) => {
          ev.preventDefault();
          latest.current.onOpenCard(p[0]);
        };
        box.append(title, sub, link);
        mk.bindPopup(box).openPopup();
      });
      mk.addTo(group);
      markers.current.set(p[0], mk);
    }
    for (const [lat, lng, n] of clusters) {
      const r = Math.min(28, 8 + Math.sqrt(n));
      L.circleMarker(ll(org, lat, lng), { renderer: renderer.current!, radius: r, color: '#1f5f9e', weight: 1, fillColor: '#4f8fd1', fillOpacity: 0.6 })
        .bindTooltip(mapText(props.labels.retailers(n)), { direction: 'top' })
        .addTo(group);
    }
  }, [org, props.points, props.clusters]);

  // A station head or grid worker starts on their own territory, not the whole county.
  const fitted = useRef(false);
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const m = map.current;
    if (!m || fitted.current || props.points.length === 0) return;
    fitted.current = true;
    if (props.fitToPoints) m.fitBounds(L.latLngBounds(props.points.map((p) => ll(org, p[1], p[2]))), { padding: [24, 24], maxZoom: 14, animate: false });
    setReady(true);
  }, [org, props.points, props.fitToPoints]);

  // Colour and selection, restyled in place.
  useEffect(() => {
    const byId = new Map(props.points.map((p) => [p[0], p]));
    for (const [id, mk] of markers.current) {
      const p = byId.get(id)!;
      const on = props.selected.has(id);
      const inGrid = props.highlightGrid !== null && p[3] === props.highlightGrid;
      mk.setStyle({ fillColor: pointColour(props.colourBy, p), color: on ? '#000000' : inGrid ? '#1f5f9e' : '#ffffff', weight: on ? 2.5 : 1 });
      mk.setRadius(on ? 6 : 4);
    }
  }, [props.points, props.colourBy, props.selected, props.highlightGrid]);

  // Grid areas (their labels are placed with the others, below).
  useEffect(() => {
    const group = layers.current.grids;
    if (!group) return;
    group.clearLayers();
    if (!props.show.grids) return;
    for (const g of props.grids) {
      if (!g.area) continue;
      const hl = g.id === props.highlightGrid;
      const poly = L.geoJSON(shift(org, g.area), {
        style: {
          color: hl ? '#1f5f9e' : gridColour(g.id),
          weight: hl ? 3 : 1.2,
          dashArray: g.drawn ? undefined : '4 3',
          fillColor: gridColour(g.id),
          fillOpacity: hl ? 0.22 : 0.08,
        },
        renderer: renderer.current!,
        interactive: false,
      } as L.GeoJSONOptions);
      poly.addTo(group);
    }
  }, [org, props.grids, props.show.grids, props.highlightGrid]);

  // Overlaps between drawn areas, in red above the grids, each flagged with its size.
  useEffect(() => {
    const group = layers.current.overlaps;
    if (!group) return;
    group.clearLayers();
    if (!props.show.grids) return;
    for (const o of props.overlaps) {
      const shape = L.geoJSON(shift(org, o.overlap as GeoJSON.Geometry), {
        style: { color: '#cf1322', weight: 2, dashArray: '5 3', fillColor: '#cf1322', fillOpacity: 0.35 },
        renderer: renderer.current!,
        interactive: false,
      } as L.GeoJSONOptions);
      shape.addTo(group);
      L.tooltip({ permanent: true, direction: 'center', className: 'zy-overlap-label', interactive: false })
        .setLatLng(shape.getBounds().getCenter())
        .setContent(mapText(latest.current.labels.overlap(o.km2)))
        .addTo(group);
    }
  }, [org, props.overlaps, props.show.grids]);

  // Screen boxes of the grids' areas (display datum), for "does the label fit inside its grid".
  const gridBounds = useRef(new Map<number, L.LatLngBounds>());
  useEffect(() => {
    gridBounds.current = new Map(props.grids.filter((g) => g.area).map((g) => [g.id, L.geoJSON(shift(org, g.area as GeoJSON.Geometry)).getBounds()]));
  }, [org, props.grids]);

  // Permanent labels of stations, towns and grids, decluttered at each zoom: the more important first, none on
  // top of another; a grid's label only where it fits inside the grid. The rest show their name on hover.
  useEffect(() => {
    const m = map.current;
    const group = layers.current.labels;
    if (!m || !group) return;
    group.clearLayers();
    if (!props.show.labels) return;
    type Item = LabelCandidate & { at: L.LatLng; lines: string[]; className: string };
    const items: Item[] = [];
    const add = (key: string, at: L.LatLng, lines: string[], fontPx: number, side: LabelCandidate['side'], priority: number, className: string) => {
      const p = m.latLngToContainerPoint(at);
      items.push({ key, at, lines, className, x: p.x, y: p.y, side, priority, ...labelSize(lines, fontPx) });
    };
    for (const s of props.stations) add(`s${s.id}`, ll(org, s.lat, s.lng), [s.name], 13, 'bottom', 3e6, 'zy-station-label');
    if (props.show.places)
      for (const p of props.places) if (p.kind === 'town') add(`t${p.id}`, ll(org, p.lat, p.lng), [p.name], 12, 'right', 2e6 + p.population, 'zy-town-label');
    if (props.show.grids)
      for (const g of props.grids) {
        if (!g.centre) continue;
        const lines = [g.name, g.workerName ?? '—'];
        const size = labelSize(lines, 11);
        const b = gridBounds.current.get(g.id);
        if (b) {
          const [nw, se] = [m.latLngToContainerPoint(b.getNorthWest()), m.latLngToContainerPoint(b.getSouthEast())];
          if (se.x - nw.x < size.w * 0.9 || se.y - nw.y < size.h) continue;
        }
        add(`g${g.id}`, ll(org, g.centre.lat, g.centre.lng), lines, 11, 'center', g.id === props.highlightGrid ? 4e6 : g.retailers, 'zy-grid-label');
      }
    const shown = pickLabels(items);
    for (const it of items) {
      if (!shown.has(it.key)) continue;
      const direction = it.side === 'center' ? 'center' : it.side;
      L.tooltip({ permanent: true, direction, className: it.className, interactive: false, offset: it.side === 'bottom' ? [0, 8] : [0, 0] })
        .setLatLng(it.at)
        .setContent(mapText(...it.lines))
        .addTo(group);
    }
    el.current?.setAttribute('data-labels', String(shown.size));
  }, [org, props.grids, props.places, props.stations, props.show.grids, props.show.places, props.show.labels, props.highlightGrid, zoom]);

  // Proposed grids, dashed on top.
  useEffect(() => {
    const group = layers.current.proposal;
    if (!group) return;
    group.clearLayers();
    for (const g of props.proposal?.grids ?? []) {
      if (!g.area) continue;
      L.geoJSON(shift(org, g.area), {
        style: { color: '#722ed1', weight: 2, dashArray: '6 4', fill: false },
        renderer: renderer.current!,
        interactive: false,
      } as L.GeoJSONOptions).addTo(group);
    }
  }, [org, props.proposal]);

  // Villages, towns and stations.
  useEffect(() => {
    const group = layers.current.places;
    const st = layers.current.stations;
    if (!group || !st) return;
    group.clearLayers();
    st.clearLayers();
    if (props.show.places) {
      for (const p of props.places) {
        const town = p.kind === 'town';
        const mk = L.circleMarker(ll(org, p.lat, p.lng), {
          renderer: renderer.current!,
          radius: town ? 6 : 3,
          color: town ? '#595959' : '#8c8c8c',
          weight: 1,
          fillColor: town ? '#ffffff' : '#d9d9d9',
          fillOpacity: 1,
          interactive: true,
        });
        mk.bindTooltip(mapText(`${p.name}${latest.current.labels.punct.paren(props.labels.population(p.population))}`), { direction: 'right' });
        mk.addTo(group);
      }
    }
    for (const s of props.stations) {
      L.marker(ll(org, s.lat, s.lng), { icon: L.divIcon({ className: 'zy-station-icon', html: mapBadge(props.labels.station), iconSize: [22, 22] }) })
        .bindTooltip(mapText(s.name), { direction: 'bottom' })
        .addTo(st);
    }
  }, [org, props.places, props.stations, props.show.places]);

  // Layout analysis: blank villages with their empty radius, crowded spots.
  useEffect(() => {
    const group = layers.current.layout;
    if (!group) return;
    group.clearLayers();
    const o = props.layout;
    if (!o) return;
    for (const v of o.blank) {
      const at = ll(org, v.lat, v.lng);
      L.circle(at, { renderer: renderer.current!, radius: o.radiusKm * 1000, color: '#cf1322', weight: 1, dashArray: '4 4', fillOpacity: 0.04, interactive: false }).addTo(group);
      L.circleMarker(at, { renderer: renderer.current!, radius: 6, color: '#fff', weight: 1.5, fillColor: '#cf1322', fillOpacity: 1 })
        .bindTooltip(mapText(`${v.name}${latest.current.labels.punct.paren(props.labels.population(v.population))}`), { direction: 'top' })
        .addTo(group);
    }
    for (const d of o.dense) {
      L.circle(ll(org, d.lat, d.lng), { renderer: renderer.current!, radius: o.radiusM, color: '#d46b08', weight: 1.5, fillColor: '#fa8c16', fillOpacity: 0.25 })
        .bindTooltip(mapText(`${d.shopName}${latest.current.labels.punct.colon}${d.members}`), { direction: 'top' })
        .addTo(group);
    }
  }, [org, props.layout]);

  // Delivery points with a line to each retailer they serve.
  useEffect(() => {
    const group = layers.current.delivery;
    if (!group) return;
    group.clearLayers();
    for (const p of props.delivery?.points ?? []) {
      const at = ll(org, p.lat, p.lng);
      for (const s of p.serves) L.polyline([at, ll(org, s.lat, s.lng)], { renderer: renderer.current!, color: '#722ed1', weight: 1, opacity: 0.6, interactive: false }).addTo(group);
      L.circleMarker(at, { renderer: renderer.current!, radius: 8, color: '#fff', weight: 2, fillColor: '#722ed1', fillOpacity: 1 })
        .bindTooltip(mapText(`${p.shopName}${latest.current.labels.punct.paren(p.serves.length)}`), { direction: 'top' })
        .addTo(group);
    }
  }, [org, props.delivery]);

  useEffect(() => {
    if (props.focus && map.current) map.current.setView(ll(org, props.focus.lat, props.focus.lng), Math.max(map.current.getZoom(), 13));
  }, [props.focus]);

  // Drawing. Set up before the browser paints the draw bar (a layout effect): a click right after pressing 画选区
  // is a corner, never a click on a shop that was still taking clicks. A shop's popup is closed, and while drawing
  // the popup pane takes no clicks: a popup fades out for 0.2 s after closing, and a corner placed on its 查看档案
  // link left the map for the shop's card in the middle of the drawing.
  useLayoutEffect(() => {
    const m = map.current;
    const group = layers.current.draw;
    if (!m || !group) return;
    setCorners([]);
    group.clearLayers();
    m.closePopup();
    m.getContainer().classList.toggle('zy-map-drawing', props.drawMode !== 'none');
    for (const mk of markers.current.values()) mk.options.interactive = props.drawMode === 'none';
    if (props.drawMode === 'none') {
      m.getContainer().style.cursor = '';
      return;
    }
    m.getContainer().style.cursor = 'crosshair';
    const onClick = (e: L.LeafletMouseEvent) => setCorners((c) => [...c, e.latlng]);
    m.on('click', onClick);
    return () => {
      m.off('click', onClick);
      m.getContainer().style.cursor = '';
    };
  }, [props.drawMode]);

  const finish = (cs: L.LatLng[]) => {
    if (props.drawMode === 'rect' && cs.length >= 2) {
      const [a, b] = cs;
      const ring: L.LatLng[] = [a, L.latLng(a.lat, b.lng), b, L.latLng(b.lat, a.lng)];
      props.onRing(ring.map((p) => toWgs(org, p)));
    } else if (cs.length >= 3) props.onRing(cs.map((p) => toWgs(org, p)));
    setCorners([]);
    props.onDrawEnd();
  };

  useEffect(() => {
    const group = layers.current.draw;
    if (!group) return;
    group.clearLayers();
    if (!corners.length) return;
    if (props.drawMode === 'rect') {
      if (corners.length >= 2) finish(corners);
      else L.circleMarker(corners[0], { radius: 4, color: '#000' }).addTo(group);
      return;
    }
    L.polyline(corners, { color: '#000', weight: 2, dashArray: '4 4' }).addTo(group);
    if (corners.length >= 3) L.polygon(corners, { color: '#000', weight: 1, fillOpacity: 0.08, interactive: false }).addTo(group);
    for (const c of corners) L.circleMarker(c, { radius: 4, color: '#000', weight: 1, fillColor: '#fff', fillOpacity: 1 }).addTo(group);
  }, [corners]);

  return (
    <div className="zy-grid-map-wrap" style={{ height: props.height }}>
      <div ref={el} className="zy-grid-map" data-testid="grid-map" data-zoom={zoom} data-points={props.points.length} data-ready={ready ? '1' : '0'} />
      {props.drawMode !== 'none' && (
        <div className="zy-draw-bar" data-testid="draw-bar">
          <span>{props.drawMode === 'rect' ? props.labels.rectHint : props.labels.drawHint}</span>
          <Space size={6}>
            {props.drawMode === 'polygon' && (
              <Button size="small" type="primary" disabled={corners.length < 3} onClick={() => finish(corners)} data-testid="draw-finish">
                {props.labels.finish}
              </Button>
            )}
            <Button size="small" onClick={() => (setCorners([]), props.onDrawEnd())}>
              {props.labels.cancel}
            </Button>
          </Space>
        </div>
      )}
    </div>
  );
}
