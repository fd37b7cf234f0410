// A day's route on a Leaflet map: the depot, numbered stops joined in planned
// order, and the check-in points actually walked joined in time order. Used
// by the field screen and by the station head's progress view.
import { useEffect, useRef } from 'react';
import L from 'leaflet';
import 'leaflet/dist/leaflet.css';
import './field.css';
import type { Org } from '../../../shared/org.js';
import type { DayRoute } from '../../../shared/visits.js';
import { toDisplay } from '../../components/county-map.js';
import { mapBadge, mapText } from '../../components/map-text.js';

const colour = { done: '#389e0d', checked_in: '#d48806', todo: '#1f5f9e' };

/**
 * `meLabel`: show the phone's position ("you are here") when the browser
 * allows it, with this label; the field screen passes it, the progress page does not.
 */
export function RouteMap({
  org,
  route,
  height = 300,
  onPick,
  meLabel,
  depotBadge,
}: {
  org: Org;
  route: DayRoute;
  height?: number;
  onPick?: (retailerId: number) => void;
  meLabel?: string;
  /** The station's badge (where the route starts and ends). */
  depotBadge: string;
}) {
  const el = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!el.current) return;
    const map = L.map(el.current, { attributionControl: !!org.tiles.url, zoomControl: true });
    if (org.tiles.url) L.tileLayer(org.tiles.url, { maxZoom: 18 }).addTo(map);
    const at = (p: { lat: number; lng: number }) => {
      const [lng, lat] = toDisplay(org, p.lng, p.lat);
      return L.latLng(lat, lng);
    };
    const planned = [
      ...(route.depot ? [at(route.depot)] : []),
      ...route.stops.map((s) => at(s.retailer)),
      ...(route.depot ? [at(route.depot)] : []),
    ];
    const walked = [...route.stops.flatMap((s) => (s.visit ? [s.visit] : [])), ...route.extraVisits]
      .sort((a, b) => a.checkedInAt.localeCompare(b.checkedInAt))
      .map((v) => at(v));
    const all = [...planned, ...walked];
    if (all.length) map.fitBounds(L.latLngBounds(all), { padding: [24, 24], maxZoom: 16 });
    else map.setView(at({ lat: org.centerLat, lng: org.centerLng }), 11);

    if (planned.length > 1) L.polyline(planned, { color: '#1f5f9e', weight: 3, opacity: 0.7, dashArray: '6 6' }).addTo(map);
    if (walked.length > 1) L.polyline(walked, { color: '#389e0d', weight: 3, opacity: 0.9 }).addTo(map);
    if (route.depot) {
      L.marker(at(route.depot), { icon: L.divIcon({ className: 'zy-route-depot', html: mapBadge(depotBadge), iconSize: [26, 26] }) }).addTo(map);
    }
    for (const s of route.stops) {
      const state = s.visit?.status === 'done' ? 'done' : s.visit ? 'checked_in' : 'todo';
      // The stop's number, with a tick once visited: the order and what is left read at a glance.
      const m = L.marker(at(s.retailer), {
        icon: L.divIcon({ className: `zy-route-stop zy-route-${state}`, html: mapBadge(state === 'done' ? `${s.seq}✓` : String(s.seq), colour[state]), iconSize: [state === 'done' ? 34 : 26, 26] }),
      }).addTo(map);
      m.bindTooltip(mapText(s.retailer.shopName), { direction: 'top', offset: [0, -12] });
      if (onPick) m.on('click', () => onPick(s.retailer.id));
    }
    for (const v of walked) L.circleMarker(v, { radius: 5, color: '#fff', weight: 1, fillColor: '#389e0d', fillOpacity: 1 }).addTo(map);
    let me: L.CircleMarker | null = null;
    const watch =
      meLabel && typeof navigator !== 'undefined' && navigator.geolocation
        ? navigator.geolocation.watchPosition(
            (p) => {
              const here = at({ lat: p.coords.latitude, lng: p.coords.longitude });
              if (!me) {
                me = L.circleMarker(here, { radius: 8, color: '#fff', weight: 3, fillColor: '#1677ff', fillOpacity: 1 }).addTo(map);
                me.bindTooltip(mapText(meLabel), { direction: 'top', offset: [0, -8], permanent: true, className: 'zy-route-me' });
              } else me.setLatLng(here);
            },
            () => {}, // refused or unavailable: the map simply has no position
            { enableHighAccuracy: true, maximumAge: 30_000, timeout: 20_000 },
          )
        : null;
    const ro = new ResizeObserver(() => map.invalidateSize());
    ro.observe(el.current);
    return () => {
      if (watch !== null) navigator.geolocation.clearWatch(watch);
      ro.disconnect();
      map.remove();
    };
  }, [org, route, onPick, meLabel, depotBadge]);
  return <div ref={el} className="zy-map" style={{ height }} data-testid="route-map" />;
}
