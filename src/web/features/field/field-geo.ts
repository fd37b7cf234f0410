// Position and navigation helpers for the field screen.
import gcoord from 'gcoord';

export type Fix = { lat: number; lng: number; accuracyM: number; at: string };

/**
 * The phone's position, or null when it cannot be had (denied, no fix in time). A one-shot watch rather than
 * getCurrentPosition: while the route map's "you are here" watch runs, Chromium left a getCurrentPosition that
 * wanted a newer fix than the watch's last one waiting until its timeout, and the check-in failed with "no position"
 * (decision 1413); a new watch gets its first fix at once.
 */
export function currentPosition(timeoutMs = 15_000): Promise<Fix | null> {
  return new Promise((resolve) => {
    if (!('geolocation' in navigator)) return resolve(null);
    let id: number | null = null;
    const finish = (fix: Fix | null) => {
      if (id !== null) navigator.geolocation.clearWatch(id);
      id = null;
      resolve(fix);
    };
    id = navigator.geolocation.watchPosition(
      (p) => finish({ lat: p.coords.latitude, lng: p.coords.longitude, accuracyM: Math.round(p.coords.accuracy), at: new Date().toISOString() }),
      () => finish(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 10_000 },
    );
  });
}

export function metresBetween(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const r = (d: number) => (d * Math.PI) / 180;
  const h = Math.sin(r(b.lat - a.lat) / 2) ** 2 + Math.cos(r(a.lat)) * Math.cos(r(b.lat)) * Math.sin(r(b.lng - a.lng) / 2) ** 2;
  return Math.round(2 * 6_371_008.8 * Math.asin(Math.min(1, Math.sqrt(h))));
}

/** A navigation link the phone's map app opens (coordinates in GCJ-02, as Chinese map apps expect). */
export function navigationUrl(p: { lat: number; lng: number }, name: string): string {
  const [lng, lat] = gcoord.transform([p.lng, p.lat], gcoord.WGS84, gcoord.GCJ02) as [number, number];
  return `https://uri.amap.com/navigation?to=${lng.toFixed(6)},${lat.toFixed(6)},${encodeURIComponent(name)}&mode=car&callnative=1`;
}

export function clock(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

/** Shrinks a photo to at most `max` pixels on its long side, as JPEG. */
export async function shrinkPhoto(file: File, max = 960): Promise<string> {
  const bitmap = await createImageBitmap(file);
  const scale = Math.min(1, max / Math.max(bitmap.width, bitmap.height));
  const canvas = document.createElement('canvas');
  canvas.width = Math.round(bitmap.width * scale);
  canvas.height = Math.round(bitmap.height * scale);
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
  return canvas.toDataURL('image/jpeg', 0.7);
}
