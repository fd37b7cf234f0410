// The road-distance provider against a small OSRM-compatible server on
// loopback: tables asked for in blocks and put together, unroutable pairs and
// a failing server falling back to great-circle distances, and a calendar
// planned on the road table.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createOsrmProvider } from '../../src/jobs/osrm-distance-provider.js';
import { haversineMetres, haversineTable } from '../../src/domain/routing/distance-provider.js';
import { planWorkerCycle } from '../../src/domain/visits/plan-worker-cycle.js';
import { workingDays } from '../../src/domain/visits/visit-cycle.js';

let server: http.Server;
let url: string;
let requests = 0;
let failing = false;

beforeAll(async () => {
  // Road = 1.5 × great circle, 10 m/s; the pair (0 → 1) is unroutable.
  server = http.createServer((req, res) => {
    requests++;
    if (failing) return void res.writeHead(503).end();
    const u = new URL(req.url!, 'http://x');
    const coords = u.pathname.split('/').pop()!.split(';').map((c) => c.split(',').map(Number));
    const pts = coords.map(([lng, lat]) => ({ lat, lng }));
    const pick = (name: string) => u.searchParams.get(name)!.split(';').map(Number);
    const src = pick('sources');
    const dst = pick('destinations');
    const d = src.map((a) => dst.map((b) => (a === b ? 0 : haversineMetres(pts[a], pts[b]) * 1.5)));
    const first = src.map((a) => dst.map((b) => pts[a].lat === 27.6 && pts[b].lat === 27.61));
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(
      JSON.stringify({
        code: 'Ok',
        distances: d.map((row, i) => row.map((x, j) => (first[i][j] ? null : x))),
        durations: d.map((row, i) => row.map((x, j) => (first[i][j] ? null : x / 10))),
      }),
    );
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const points = Array.from({ length: 7 }, (_, i) => ({ lat: 27.6 + i * 0.01, lng: 113.5 + (i % 3) * 0.01 }));

describe('OSRM distance provider', () => {
  it('assembles the table from blocks, keeping great-circle values for unroutable pairs', async () => {
    requests = 0;
    const provider = createOsrmProvider({ url, block: 3 });
    const table = await provider.table(points);
    expect(requests).toBe(9); // 3 × 3 blocks of 7 points
    expect(provider.lastSource()).toBe('osrm');
    const hav = haversineTable(points);
    expect(table.distance[0 * 7 + 1]).toBeCloseTo(hav.distance[1], 6); // unroutable: the fallback (great circle × 1.3)
    expect(table.distance[2 * 7 + 5]).toBeCloseTo(haversineMetres(points[2], points[5]) * 1.5, 3);
    expect(table.duration[6 * 7 + 4]).toBeCloseTo((haversineMetres(points[6], points[4]) * 1.5) / 10, 3);
    expect(table.distance[3 * 7 + 3]).toBe(0);
  });

  it('falls back to great-circle distances when the server fails', async () => {
    failing = true;
    const errors: unknown[] = [];
    const provider = createOsrmProvider({ url, onFallback: (e) => errors.push(e) });
    const table = await provider.table(points);
    failing = false;
    expect(provider.lastSource()).toBe('haversine');
    expect(errors).toHaveLength(1);
    expect(Array.from(table.distance)).toEqual(Array.from(haversineTable(points).distance));
  });

  it('plans a calendar on the road table', async () => {
    const [depot, ...shops] = points;
    const retailers = shops.map((p, i) => ({ ...p, id: i + 1, visitsPerCycle: 2, serviceMinutes: 15, opensAt: 450, closesAt: 1260, orderWeekday: 3 }));
    const table = await createOsrmProvider({ url }).table(points);
    const plan = planWorkerCycle(
      { depot, retailers, table, days: workingDays('2026-11-09', 4, [1, 2, 3, 4, 5]), dayStart: 510, dayEnd: 1050, policy: 'avoid', workWeekdays: [1, 2, 3, 4, 5], roadFactor: 1.3, speedKmh: 25 },
      { maxIterations: 300 },
    );
    expect(plan.visits).toBe(12);
    expect(plan.unplanned).toEqual([]);
    // Legs are road metres: 1.5 × the straight line from the depot (shop 1's leg is unroutable and falls back to 1.3 ×).
    const first = plan.days.flatMap((d) => d.stops.slice(0, 1)).find((x) => x.retailerId !== 1)!;
    const shop = retailers.find((r) => r.id === first.retailerId)!;
    expect(first.legMetres).toBe(Math.round(haversineMetres(depot, shop) * 1.5));
  });
});
