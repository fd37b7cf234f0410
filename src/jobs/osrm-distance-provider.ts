// Road distances from an OSRM-compatible routing server (`/table/v1/driving`),
// used for visit calendars when OSRM_URL is set; great-circle × road factor
// otherwise. Large tables are asked for in blocks (OSRM's default limit is
// 100 points per request), and a server that fails falls back to the
// great-circle table so planning never stops for a routing outage.
import { haversineTable, type DistanceProvider, type DistanceTable, type GeoPoint, type HaversineOptions } from '../domain/routing/distance-provider.js';

export type OsrmOptions = {
  url: string;
  /** Points per block of sources and of destinations. */
  block?: number;
  fetch?: typeof fetch;
  /** Used when the server cannot answer. */
  fallback?: HaversineOptions;
  onFallback?: (error: unknown) => void;
};

type TableAnswer = { code: string; distances?: (number | null)[][]; durations?: (number | null)[][] };

export function createOsrmProvider(opts: OsrmOptions): DistanceProvider & { lastSource: () => 'osrm' | 'haversine' } {
  const block = opts.block ?? 50;
  const get = opts.fetch ?? fetch;
  const base = opts.url.replace(/\/$/, '');
  let source: 'osrm' | 'haversine' = 'osrm';
  return {
    lastSource: () => source,
    async table(points: readonly GeoPoint[]): Promise<DistanceTable> {
      const size = points.length;
      const fallback = haversineTable(points, opts.fallback);
      try {
        const distance = new Float64Array(size * size);
        const duration = new Float64Array(size * size);
        for (let s0 = 0; s0 < size; s0 += block) {
          for (let d0 = 0; d0 < size; d0 += block) {
            const src = range(s0, Math.min(size, s0 + block));
            const dst = range(d0, Math.min(size, d0 + block));
            const ids = [...new Set([...src, ...dst])];
            const coords = ids.map((i) => `${points[i].lng.toFixed(6)},${points[i].lat.toFixed(6)}`).join(';');
            const at = (i: number) => ids.indexOf(i);
            const url = `${base}/table/v1/driving/${coords}?annotations=distance,duration&sources=${src.map(at).join(';')}&destinations=${dst.map(at).join(';')}`;
            const res = await get(url);
            if (!res.ok) throw new Error(`OSRM table: HTTP ${res.status}`);
            const body = (await res.json()) as TableAnswer;
            if (body.code !== 'Ok' || !body.distances || !body.durations) throw new Error(`OSRM table: ${body.code}`);
            src.forEach((i, a) =>
              dst.forEach((j, b) => {
                // An unroutable pair keeps the great-circle estimate.
                distance[i * size + j] = body.distances![a][b] ?? fallback.distance[i * size + j];
                duration[i * size + j] = body.durations![a][b] ?? fallback.duration[i * size + j];
              }),
            );
          }
        }
        source = 'osrm';
        return { size, distance, duration };
      } catch (e) {
        source = 'haversine';
        opts.onFallback?.(e);
        return fallback;
      }
    },
  };
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from }, (_, k) => from + k);
}
