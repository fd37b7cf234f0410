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
