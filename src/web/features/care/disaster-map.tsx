// The disaster map: the county boundary, the affected shops (coloured by
// contact state) and the area; in draw mode, clicks add the corners of the
// area (shown as a dashed line and a polygon) until "Finish". Coordinates go
// to the server in WGS-84 whatever the tiles' datum. Shop names are set as
// tooltip text, never HTML.
import { useEffect, useRef, useState } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './care.css';
import gcoord from 'gcoord';
import { Button, Space } from 'antd';
import type { Org } from '../../../shared/org.js';
import { toDisplay } from '../../components/county-map.js';
import { mapText } from '../../components/map-text.js';
import { useT } from '../../i18n/i18n.js';

export type MapShop = { retailerId: number; shopName: string; lat: number; lng: number; state?: 'none' | 'reached' | 'unreached' };
type Ring = [number, number][];

const datum = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;
const toWgs = (org: Org, p: L.LatLng): [number, number] =>
  !org.tiles.url || org.tiles.crs === 'wgs84' ? [p.lng, p.lat] : (gcoord.transform([p.lng, p.lat], datum[org.tiles.crs], gcoord.WGS84) as [number, number]);
const COLOURS = { none: '#d4380d', reached: '#389e0d', unreached: '#8c8c8c' } as const;

export function DisasterMap({ org, shops, ring, drawing, onRing, height = 360 }: { org: Org; shops: MapShop[]; ring: Ring | null; drawing: boolean; onRing?: (ring: Ring) => void; height?: number | string }) {
  const { t } = useT();
  const el = useRef<HTMLDivElement>(null);
  const map = useRef<L.Map | null>(null);
  const layers = useRef<{ shops: L.LayerGroup; area: L.LayerGroup; draw: L.LayerGroup } | null>(null);
  const [corners, setCorners] = useState<L.LatLng[]>([]);

  useEffect(() => {
    if (!el.current) return;
    const m = L.map(el.current, { attributionControl: !!org.tiles.url, doubleClickZoom: false, scrollWheelZoom: false });
    map.current = m;
    // The browser journeys place corners through the map's own projection.
    (el.current as HTMLDivElement & { zyMap?: L.Map }).zyMap = m;
    if (org.tiles.url) L.tileLayer(org.tiles.url, { maxZoom: 18 }).addTo(m);
    const boundary = L.geoJSON(org.boundary as GeoJSON.GeoJsonObject, {
      coordsToLatLng: (c: number[]) => { const [x, y] = toDisplay(org, c[0], c[1]); return L.latLng(y, x); },
      style: { color: '#1f5f9e', weight: 2, fillColor: '#cfe0f1', fillOpacity: org.tiles.url ? 0.08 : 0.4 },
      interactive: false,
    });
    const b = boundary.getBounds();
    if (b.isValid()) m.fitBounds(b, { padding: [8, 8] });
    else { const [x, y] = toDisplay(org, org.centerLng, org.centerLat); m.setView([y, x], 10); }
    boundary.addTo(m);
    layers.current = { area: L.layerGroup().addTo(m), shops: L.layerGroup().addTo(m), draw: L.layerGroup().addTo(m) };
    const ro = new ResizeObserver(() => m.invalidateSize());
    ro.observe(el.current);
    return () => { ro.disconnect(); m.remove(); map.current = null; layers.current = null; };
  }, [org]);

  // The saved area and the shops.
  useEffect(() => {
    const ls = layers.current;
    const m = map.current;
    if (!ls || !m) return;
    ls.area.clearLayers();
    ls.shops.clearLayers();
    if (ring && ring.length >= 3) {
      const poly = L.polygon(ring.map(([x, y]) => { const [dx, dy] = toDisplay(org, x, y); return L.latLng(dy, dx); }), { color: '#cf1322', weight: 2, fillOpacity: 0.12, interactive: false }).addTo(ls.area);
      if (!drawing) m.fitBounds(poly.getBounds(), { padding: [24, 24], maxZoom: 14 });
    }
    for (const s of shops) {
      const [x, y] = toDisplay(org, s.lng, s.lat);
      L.circleMarker([y, x], { radius: 6, color: '#fff', weight: 1.5, fillColor: COLOURS[s.state ?? 'none'], fillOpacity: 1, interactive: !drawing })
        .bindTooltip(mapText(s.shopName), { direction: 'top' })
        .addTo(ls.shops);
    }
  }, [org, shops, ring, drawing]);

  // Drawing.
  useEffect(() => {
    const m = map.current;
    setCorners([]);
    if (!m || !drawing) return;
    m.getContainer().style.cursor = 'crosshair';
    const onClick = (e: L.LeafletMouseEvent) => setCorners((c) => [...c, e.latlng]);
    m.on('click', onClick);
    return () => { m.off('click', onClick); m.getContainer().style.cursor = ''; };
  }, [drawing]);

  useEffect(() => {
    const g = layers.current?.draw;
    if (!g) return;
    g.clearLayers();
    if (!corners.length) return;
    L.polyline(corners, { color: '#000', weight: 2, dashArray: '4 4', interactive: false }).addTo(g);
    if (corners.length >= 3) L.polygon(corners, { color: '#000', weight: 1, fillOpacity: 0.08, interactive: false }).addTo(g);
    for (const c of corners) L.circleMarker(c, { radius: 4, color: '#000', weight: 1, fillColor: '#fff', fillOpacity: 1, interactive: false }).addTo(g);
  }, [corners]);

  return (
    <div style={{ position: 'relative' }}>
      <div ref={el} className="zy-map" style={{ height }} data-testid="disaster-map" />
      {drawing && (
        <div className="zy-care-draw-bar" data-testid="draw-bar">
          <span>{t.care.drawHint}</span>
          <Space size={6}>
            <Button size="small" type="primary" disabled={corners.length < 3} data-testid="draw-finish"
              onClick={() => { onRing?.(corners.map((p) => toWgs(org, p))); setCorners([]); }}>{t.care.finish}</Button>
            <Button size="small" onClick={() => setCorners([])}>{t.care.redraw}</Button>
          </Space>
        </div>
      )}
    </div>
  );
}
