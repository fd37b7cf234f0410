/** Travel distances and times between points, as flat row-major matrices. */
export interface DistanceTable {
  size: number;
  /** Metres (or plane units for benchmarks); distance[i * size + j]. */
  distance: Float64Array;
  /** Seconds (or plane units for benchmarks). */
  duration: Float64Array;
}

export interface GeoPoint {
  lat: number;
  lng: number;
}

/**
 * Where the solvers get their matrices. Asynchronous so that a road-network
 * table service (an OSRM-compatible `/table` endpoint) can implement it later
 * outside the domain; the haversine provider below needs no I/O.
 */
export interface DistanceProvider {
  table(points: readonly GeoPoint[]): Promise<DistanceTable>;
}

const EARTH_RADIUS_M = 6_371_008.8;
const toRad = (deg: number): number => (deg * Math.PI) / 180;

/** Great-circle distance in metres. */
export function haversineMetres(a: GeoPoint, b: GeoPoint): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface HaversineOptions {
  /** Road distance over straight-line distance; 1.3 is typical for county roads. */
  roadFactor?: number;
  /** Average travel speed for durations. */
  speedKmh?: number;
}

/** Straight-line distance × road factor; duration at a constant speed. */
export function haversineTable(points: readonly GeoPoint[], options: HaversineOptions = {}): DistanceTable {
  const roadFactor = options.roadFactor ?? 1.3;
  const metresPerSecond = ((options.speedKmh ?? 30) * 1000) / 3600;
  const size = points.length;
  const distance = new Float64Array(size * size);
  const duration = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      const d = haversineMetres(points[i], points[j]) * roadFactor;
      distance[i * size + j] = distance[j * size + i] = d;
      duration[i * size + j] = duration[j * size + i] = d / metresPerSecond;
    }
  }
  return { size, distance, duration };
}

export function createHaversineProvider(options: HaversineOptions = {}): DistanceProvider {
  return { table: async (points) => haversineTable(points, options) };
}

/** Plane Euclidean distances, unrounded (the Solomon and Cordeau convention); duration = distance. */
export function euclideanTable(points: ReadonlyArray<{ x: number; y: number }>): DistanceTable {
  const size = points.length;
  const distance = new Float64Array(size * size);
  for (let i = 0; i < size; i++) {
    for (let j = i + 1; j < size; j++) {
      distance[i * size + j] = distance[j * size + i] = Math.hypot(
        points[i].x - points[j].x,
        points[i].y - points[j].y,
      );
    }
  }
  return { size, distance, duration: distance };
}
