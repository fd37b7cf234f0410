// Over-dense spots (网点过密): retailers with many licensed neighbours within a
// small radius. Candidates come with their neighbour counts (from SQL); spots
// are picked greedily, densest first, none within two radii of another, so one
// crowded street shows once.
export type DenseCandidate = { id: number; lat: number; lng: number; neighbours: number };
export type DenseSpot = DenseCandidate & { members: number };

const KM_PER_DEG_LAT = 110.57;

export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const dy = (a.lat - b.lat) * KM_PER_DEG_LAT;
  const dx = (a.lng - b.lng) * 111.32 * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  return Math.hypot(dx, dy);
}

export function pickDenseSpots(candidates: readonly DenseCandidate[], radiusKm: number, limit = 200): DenseSpot[] {
  const sorted = [...candidates].sort((a, b) => b.neighbours - a.neighbours || a.id - b.id);
  const spots: DenseSpot[] = [];
  for (const c of sorted) {
    if (spots.length >= limit) break;
    if (spots.some((s) => distanceKm(s, c) < 2 * radiusKm)) continue;
    spots.push({ ...c, members: c.neighbours + 1 });
  }
  return spots;
}

/**
 * Licensed neighbours of each centre within `radiusKm` (itself excluded), by
 * the same equirectangular distance the SQL of the map uses (longitude scaled
 * at the centre's latitude). Sorted by latitude, each centre scans only its
 * latitude band: O(n log n + matches) where a self-join in SQL was O(n²).
 */
export function countNeighbours(
  centres: readonly { id: number; lat: number; lng: number }[],
  all: readonly { id: number; lat: number; lng: number }[],
  radiusKm: number,
): number[] {
  const byLat = [...all].sort((a, b) => a.lat - b.lat);
  const lats = Float64Array.from(byLat, (p) => p.lat);
  const dLat = radiusKm / KM_PER_DEG_LAT;
  const lowerBound = (x: number) => {
    let lo = 0, hi = lats.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (lats[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  return centres.map((c) => {
    const kx = 111.32 * Math.cos((c.lat * Math.PI) / 180);
    let n = 0;
    for (let k = lowerBound(c.lat - dLat); k < byLat.length && lats[k] <= c.lat + dLat; k++) {
      const o = byLat[k];
      if (o.id === c.id) continue;
      if (Math.hypot((o.lat - c.lat) * KM_PER_DEG_LAT, (o.lng - c.lng) * kx) <= radiusKm) n++;
    }
    return n;
  });
}
