// A small Leaflet map: the county boundary (GeoJSON) and marked points. With
// no tile server it is drawn on a plain background; with one, the WGS-84 data
// is converted to the tiles' datum (GCJ-02 / BD-09) so it lines up.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import gcoord from 'gcoord';
import type { Org } from '../../shared/org.js';
import { mapText } from './map-text.js';

export type MapPoint = { lat: number; lng: number; label?: string };

const datum = { wgs84: gcoord.WGS84, gcj02: gcoord.GCJ02, bd09: gcoord.BD09 } as const;

/** WGS-84 [lng, lat] to the tiles' datum; unchanged when there are no tiles. */
export function toDisplay(org: Pick<Org, 'tiles'>, lng: number, lat: number): [number, number] {
  if (!org.tiles.url || org.tiles.crs === 'wgs84') return [lng, lat];
  const [x, y] = gcoord.transform([lng, lat], gcoord.WGS84, datum[org.tiles.crs]) as [number, number];
  return [x, y];
}

function boundaryForDisplay(org: Org): GeoJSON.GeoJsonObject | null {
  if (!org.boundary || typeof org.boundary !== 'object') return null;
  const copy = structuredClone(org.boundary) as GeoJSON.GeoJsonObject;
  if (!org.tiles.url || org.tiles.crs === 'wgs84') return copy;
  return gcoord.transform(copy as never, gcoord.WGS84, datum[org.tiles.crs]) as unknown as GeoJSON.GeoJsonObject;
}

export function CountyMap({ org, points, height = 260, zoomToPoints = true }: { org: Org; points: MapPoint[]; height?: number; zoomToPoints?: boolean }) {
  const el = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { attributionControl: !!org.tiles.url, zoomControl: true, scrollWheelZoom: false });
    if (org.tiles.url) L.tileLayer(org.tiles.url, { maxZoom: 18 }).addTo(map);

    // The view is set before any vector layer is added: Leaflet clips paths
    // against the view and fails without one.
    const boundary = boundaryForDisplay(org);
    const layer = boundary
      ? L.geoJSON(boundary, {
          style: { color: '#1f5f9e', weight: 2, fillColor: '#cfe0f1', fillOpacity: org.tiles.url ? 0.08 : 0.55 },
          interactive: false,
        })
      : null;
    const shown = points.map((p) => {
      const [lng, lat] = toDisplay(org, p.lng, p.lat);
      return { ...p, at: L.latLng(lat, lng) };
    });
    const countyBounds = layer?.getBounds();
    if (countyBounds?.isValid()) map.fitBounds(countyBounds, { padding: [8, 8] });
    else {
      const [lng, lat] = toDisplay(org, org.centerLng, org.centerLat);
      map.setView([lat, lng], 10);
    }
    if (zoomToPoints && shown.length === 1 && !countyBounds?.contains(shown[0].at)) map.setView(shown[0].at, 12);

    layer?.addTo(map);
    for (const p of shown) {
      const m = L.circleMarker(p.at, { radius: 8, color: '#fff', weight: 2, fillColor: '#d4380d', fillOpacity: 1 }).addTo(map);
      if (p.label) m.bindTooltip(mapText(p.label), { direction: 'top', offset: [0, -8] });
    }
    // Cards and tabs can change the map's size after it was drawn.
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current);
    return () => {
      ro.disconnect();
      map.remove();
    };
  }, [org, points, zoomToPoints]);

  return <div ref={el} className="zy-map" style={{ height }} data-testid="county-map" />;
}
