// Grids and the map through the HTTP API: what the map draws within scope,
// moving retailers with history, grid operations, bad input that changes
// nothing, partition proposals applied only on confirmation, layout analysis,
// service modes and second-level delivery points. One file, so the seeded
// county is built once per engine.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { area } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { findOverlaps } from '../../src/domain/grids/grid-tiles.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let head: string;
let admin: string;
let worker: string;
let station: number;
let workerId: number;
type GridF = { id: number; code: string; name: string; stationId: number; workerId: number; retailers: number; workload: number; drawn: boolean; overlaps: number[]; area: { type: string } | null };

const db = () => t.database.db;
const count = async (q: ReturnType<typeof sql>) => (await query<{ n: number }>(db(), q))[0].n;
/** Everything a failed call must leave alone. */
const fingerprint = async () =>
  (
    await query<{ h: string }>(
      db(),
      sql`select md5(
        (select string_agg(id || ':' || grid_id || ':' || version, ',' order by id) from retailers) ||
        (select string_agg(id || ':' || name || ':' || coalesce(worker_id, 0) || ':' || station_id, ',' order by id) from grids) ||
        (select count(*) from retailer_changes)::text || (select count(*) from grid_areas)::text) as h`,
    )
  )[0].h;

beforeAll(async () => {
  t = await startTestApp();
  [head, admin, worker] = await Promise.all([t.login('station_head'), t.login('admin'), t.login('grid_worker')]);
  const [u] = await query<{ station: number; worker: number }>(
    db(),
    sql`select h.station_id as station, w.id as worker from users h, users w where h.username = 'station1' and w.username = 'worker1'`,
  );
  station = u.station;
  workerId = u.worker;
});
afterAll(() => t?.close());

const grids = async (cookie = head) => (await t.api(cookie, 'GET', '/api/map/grids')).json() as GridF[];

describe('the map', () => {
  it('shows a station head only the retailers and grids of their station, with areas and workloads', async () => {
    const pts = (await t.api(head, 'GET', '/api/map/points')).json();
    const n = await count(sql`select count(*)::int n from retailers r join grids g on g.id = r.grid_id where g.station_id = ${station} and r.status <> 'cancelled'`);
    expect(pts.mode).toBe('points');
    expect(pts.total).toBe(n);
    expect(pts.points).toHaveLength(n);
    const gs = await grids();
    expect(gs.every((g) => g.stationId === station)).toBe(true);
    const ids = new Set(gs.map((g) => g.id));
    expect(pts.points.every((p: number[]) => ids.has(p[3]))).toBe(true);
    const full = gs.filter((g) => g.retailers > 0);
    expect(full.every((g) => ['Polygon', 'MultiPolygon'].includes(g.area?.type ?? '') && g.workload > 0)).toBe(true);
  });

  it('a grid worker sees only their own grids', async () => {
    const gs = await grids(worker);
    expect(gs.length).toBeGreaterThan(0);
    expect(gs.every((g) => g.workerId === workerId)).toBe(true);
  });

  it('clusters in SQL when more points are in view than asked for', async () => {
    const res = (await t.api(admin, 'GET', '/api/map/points?zoom=9&maxPoints=100')).json();
    expect(res.mode).toBe('clusters');
    expect(res.points).toHaveLength(0);
    expect(res.clusters.reduce((a: number, c: number[]) => a + c[2], 0)).toBe(res.total);
    expect(res.clusters.length).toBeLessThan(res.total);
  });

  it('lists villages and towns', async () => {
    const places = (await t.api(head, 'GET', '/api/map/places')).json() as { kind: string }[];
    expect(places.some((p) => p.kind === 'town')).toBe(true);
    expect(places.some((p) => p.kind === 'village')).toBe(true);
  });
});

describe('grid areas tile the county (issue 14 item 11)', () => {
  it('areas drawn from the shops cover the county once, without overlapping', async () => {
    const gs = (await grids(admin)).filter((g) => g.area);
    const [{ boundary }] = await query<{ boundary: Polygon | MultiPolygon }>(db(), sql`select boundary from orgs order by id limit 1`);
    const total = gs.reduce((s, g) => s + area(g.area as Polygon), 0);
    expect(total / area(boundary)).toBeCloseTo(1, 2);
    // Not even a sliver (0.01 % of the smaller area) is shared by two grids.
    expect(findOverlaps(gs.map((g) => ({ gridId: g.id, area: g.area as Polygon })), 0.0001)).toEqual([]);
    expect((await t.api(admin, 'GET', '/api/map/grid-overlaps')).json()).toEqual([]);
  });

  it('two drawn areas that overlap are listed with both names and flagged, until one is redrawn', async () => {
    const [a, b] = (await grids()).filter((g) => g.retailers > 0);
    const square = (w: number, s: number, d: number) => [[w, s], [w + d, s], [w + d, s + d], [w, s + d]];
    expect((await t.api(head, 'PUT', `/api/grids/${a.id}/area`, { ring: square(113.49, 27.64, 0.02) })).statusCode).toBe(200);
    expect((await t.api(head, 'PUT', `/api/grids/${b.id}/area`, { ring: square(113.5, 27.65, 0.02) })).statusCode).toBe(200);
    const listed = (await t.api(head, 'GET', '/api/map/grid-overlaps')).json();
    expect(listed).toHaveLength(1);
    expect(listed[0]).toMatchObject({ a: { id: Math.min(a.id, b.id) }, b: { id: Math.max(a.id, b.id) }, share: 0.25, overlap: { type: 'Polygon' } });
    expect(listed[0].km2).toBeGreaterThan(0.5);
    expect([listed[0].a.name, listed[0].b.name].sort()).toEqual([a.name, b.name].sort());
    const after = await grids();
    expect(after.find((g) => g.id === a.id)).toMatchObject({ drawn: true, overlaps: [b.id] });
    // The other grids' cells give way to the drawn areas: only the drawn pair overlaps.
    const others = after.filter((g) => g.area && g.id !== a.id && g.id !== b.id);
    expect(findOverlaps([...others, after.find((g) => g.id === a.id)!].map((g) => ({ gridId: g.id, area: g.area as Polygon })), 0.001)).toEqual([]);
    // Redrawn beside the other, the overlap is gone from the list.
    expect((await t.api(head, 'PUT', `/api/grids/${b.id}/area`, { ring: square(113.51, 27.65, 0.02) })).statusCode).toBe(200);
    expect((await t.api(head, 'GET', '/api/map/grid-overlaps')).json()).toEqual([]);
    for (const g of [a, b]) expect((await t.api(head, 'PUT', `/api/grids/${g.id}/area`, { ring: null })).statusCode).toBe(200);
  });
});

describe('moving retailers between grids', () => {
  it('selects by a drawn polygon, moves, and the list and the history agree', async () => {
    const gs = (await grids()).filter((g) => g.retailers >= 3);
    const [from, to] = gs;
    const members = await query<{ id: number; lat: number; lng: number }>(db(), sql`select id, lat, lng from retailers where grid_id = ${from.id} order by id`);
    // A small box around the first member selects it (and maybe neighbours).
    const m = members[0];
    const ring = [[m.lng - 0.0005, m.lat - 0.0005], [m.lng + 0.0005, m.lat - 0.0005], [m.lng + 0.0005, m.lat + 0.0005], [m.lng - 0.0005, m.lat + 0.0005]];
    const selected = (await t.api(head, 'POST', '/api/map/select', { ring })).json() as { id: number; gridId: number }[];
    expect(selected.map((s) => s.id)).toContain(m.id);
    const picked = selected.map((s) => s.id);

    const res = await t.api(head, 'POST', `/api/grids/${to.id}/retailers`, { retailerIds: picked, reason: '调整网格' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().moved).toBe(selected.filter((s) => s.gridId !== to.id).length);

    const list = (await t.api(head, 'GET', `/api/retailers?gridId=${to.id}&pageSize=200`)).json() as { items: { id: number }[] };
    for (const id of picked) expect(list.items.map((r) => r.id)).toContain(id);
    const moves = (await t.api(head, 'GET', `/api/grids/${to.id}/moves`)).json() as { retailerId: number; fromGridId: number; toGridId: number; reason: string }[];
    expect(moves.find((x) => x.retailerId === m.id)).toMatchObject({ fromGridId: from.id, toGridId: to.id, reason: '调整网格' });
    const history = (await t.api(head, 'GET', `/api/retailers/${m.id}/history`)).json() as { source: string; changes: { field: string; old: unknown; new: unknown }[] }[];
    expect(history[0]).toMatchObject({ source: 'grid_move', changes: [{ field: 'gridId', old: from.id, new: to.id }] });
    expect(await count(sql`select count(*)::int n from audit_log where entity = 'retailer' and ${m.id} = any(entity_ids) and detail->>'op' = 'grid_move'`)).toBe(1);
  });

  it('refuses a retailer outside the station head’s scope and changes nothing', async () => {
    const [other] = await query<{ id: number }>(db(), sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.station_id <> ${station} limit 1`);
    const [own] = await grids();
    const before = await fingerprint();
    const mine = await query<{ id: number }>(db(), sql`select id from retailers where grid_id <> ${own.id} and grid_id in (select id from grids where station_id = ${station}) limit 1`);
    const res = await t.api(head, 'POST', `/api/grids/${own.id}/retailers`, { retailerIds: [mine[0].id, other.id] });
    expect(res.statusCode).toBe(404);
    expect(await fingerprint()).toBe(before);
  });
});

describe('bad input gets a clear 4xx and changes nothing', () => {
  it('a self-intersecting polygon', async () => {
    const [g] = await grids();
    const before = await fingerprint();
    const bowTie = [[113.49, 27.64], [113.51, 27.66], [113.51, 27.64], [113.49, 27.66]];
    for (const [method, url] of [['POST', '/api/map/select'], ['PUT', `/api/grids/${g.id}/area`]] as const) {
      const res = await t.api(head, method, url, { ring: bowTie });
      expect(res.statusCode).toBe(422);
      expect(res.json()).toMatchObject({ code: 'polygon_self_intersecting', message: expect.stringMatching(/交叉/) });
    }
    expect(await fingerprint()).toBe(before);
  });

  it('a grid area with a corner outside the county', async () => {
    const [g] = await grids();
    const before = await fingerprint();
    const res = await t.api(head, 'PUT', `/api/grids/${g.id}/area`, { ring: [[113.49, 27.64], [113.51, 27.64], [114.5, 28.5]] });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('outside_county');
    expect(await fingerprint()).toBe(before);
  });

  it('a grid without a worker (create, split, unassign)', async () => {
    const [g] = (await grids()).filter((x) => x.retailers >= 2);
    const before = await fingerprint();
    for (const [method, url, body] of [
      ['POST', '/api/grids', { stationId: station, name: '无人网格' }],
      ['POST', '/api/grids', { stationId: station, name: '无人网格', workerId: null }],
      ['POST', `/api/grids/${g.id}/split`, { name: '拆分', workerId: null }],
      ['PATCH', `/api/grids/${g.id}`, { workerId: null }],
    ] as const) {
      const res = await t.api(head, method, url, body);
      expect(res.statusCode, url).toBe(422);
      expect(res.json()).toMatchObject({ code: 'grid_worker_required', message: expect.stringMatching(/网格员/) });
    }
    expect(await fingerprint()).toBe(before);
  });

  it('deleting a grid that still has retailers', async () => {
    const [g] = (await grids()).filter((x) => x.retailers > 0);
    const before = await fingerprint();
    const res = await t.api(head, 'DELETE', `/api/grids/${g.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'grid_not_empty', retailers: g.retailers });
    expect(await fingerprint()).toBe(before);
  });

  it('a worker of another station', async () => {
    const [other] = await query<{ id: number }>(db(), sql`select id from users where role = 'grid_worker' and station_id <> ${station} limit 1`);
    const before = await fingerprint();
    const res = await t.api(head, 'POST', '/api/grids', { stationId: station, name: '新网格', workerId: other.id });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('unknown_worker');
    expect(await fingerprint()).toBe(before);
  });
});

describe('grid operations', () => {
  it('create, rename with policy and targets, draw the area, split, merge, delete', async () => {
    const created = await t.api(head, 'POST', '/api/grids', { stationId: station, name: '新建网格', workerId });
    expect(created.statusCode, created.body).toBe(200);
    const id = created.json().id as number;
    expect((await t.api(head, 'PATCH', `/api/grids/${id}`, { name: '新建网格甲', policy: '定点服务', targets: { visitsPerMonth: 20 } })).statusCode).toBe(200);
    const area = await t.api(head, 'PUT', `/api/grids/${id}/area`, { ring: [[113.49, 27.64], [113.5, 27.64], [113.5, 27.65], [113.49, 27.65]] });
    expect(area.statusCode, area.body).toBe(200);
    let g = (await grids()).find((x) => x.id === id)!;
    expect(g).toMatchObject({ name: '新建网格甲', retailers: 0, area: { type: 'Polygon' } });

    // Split a full grid by workload, then merge the new half into the new empty grid, then delete that one's leftovers.
    const full = (await grids()).filter((x) => x.retailers >= 4)[0];
    const split = await t.api(head, 'POST', `/api/grids/${full.id}/split`, { name: '拆分网格', workerId });
    expect(split.statusCode, split.body).toBe(200);
    const { gridId: half, moved } = split.json();
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(full.retailers);
    const merge = await t.api(head, 'POST', `/api/grids/${half}/merge`, { intoGridId: id });
    expect(merge.statusCode, merge.body).toBe(200);
    expect(merge.json()).toEqual({ moved, source: 'deleted' });
    g = (await grids()).find((x) => x.id === id)!;
    expect(g.retailers).toBe(moved);
    expect((await grids()).some((x) => x.id === half)).toBe(false);

    // Move them back, then the empty grid can go.
    const back = await query<{ id: number }>(db(), sql`select id from retailers where grid_id = ${id}`);
    expect((await t.api(head, 'POST', `/api/grids/${full.id}/retailers`, { retailerIds: back.map((r) => r.id) })).json().moved).toBe(moved);
    const del = await t.api(head, 'DELETE', `/api/grids/${id}`);
    expect(del.statusCode, del.body).toBe(200);
    expect(await count(sql`select count(*)::int n from grids where id = ${id}`)).toBe(0);
  });

  it('an empty grid that other records still point at is retired instead of deleted', async () => {
    const make = async (name: string) => (await t.api(head, 'POST', '/api/grids', { stationId: station, name, workerId })).json().id as number;
    const [kept, other] = [await make('保留网格'), await make('引用网格')];
    // Another record refers to `kept` (here: a retirement pointing at it), so the row cannot go.
    await db().execute(sql`insert into grid_retired (grid_id, org_id, merged_into) select ${other}, org_id, ${kept} from grids where id = ${other}`);
    const res = await t.api(head, 'DELETE', `/api/grids/${kept}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().result).toBe('retired');
    expect(await count(sql`select count(*)::int n from grids where id = ${kept}`)).toBe(1);
    expect((await grids()).some((g) => g.id === kept)).toBe(false);
    expect((await t.api(head, 'PATCH', `/api/grids/${kept}`, { name: '复活' })).statusCode).toBe(404);
    // Nor is it offered in the grid lists of the retailer filters and the edit form.
    const listed = (await t.api(head, 'GET', '/api/grids')).json() as { id: number }[];
    expect(listed.some((g) => g.id === kept)).toBe(false);
    expect(listed.length).toBeGreaterThan(0);
  });

  it('lists the workers a station head may assign: their own station only', async () => {
    const ws = (await t.api(head, 'GET', '/api/grid-workers')).json() as { stationId: number }[];
    expect(ws.length).toBeGreaterThan(0);
    expect(ws.every((w) => w.stationId === station)).toBe(true);
  });
});

describe('partition proposals', () => {
  it('proposes balanced grids beside today’s figures and applies only on confirmation', async () => {
    const current = await grids();
    const n = current.filter((g) => g.retailers > 0).length;
    const before = await fingerprint();
    const job = await t.queued(head, await t.api(head, 'POST', '/api/grid-proposals', { grids: n }));
    expect(job.state, job.error ?? '').toBe('completed');
    const p = job.result;
    expect(p.stationId).toBe(station);
    expect(p.grids).toHaveLength(n);
    expect(p.proposed.maxMinRatio).toBeLessThan(p.current.maxMinRatio);
    expect(p.grids.every((g: { stationId: number }) => g.stationId === station)).toBe(true);
    expect(await fingerprint()).toBe(before); // nothing applied yet

    const applied = await t.api(head, 'POST', `/api/grid-proposals/${p.id}/apply`);
    expect(applied.statusCode, applied.body).toBe(200);
    expect(applied.json().moved).toBe(p.moves);
    const after = (await grids()).filter((g) => g.retailers > 0);
    const ws = after.map((g) => g.workload);
    expect(Math.max(...ws) / Math.min(...ws)).toBeCloseTo(p.proposed.maxMinRatio, 1);
    expect((await t.api(head, 'POST', `/api/grid-proposals/${p.id}/apply`)).json().code).toBe('proposal_applied');
  });

  it('refuses a proposal made before retailers moved', async () => {
    const p = (await t.queued(head, await t.api(head, 'POST', '/api/grid-proposals', { grids: 4 }))).result;
    const [a, b] = (await grids()).filter((g) => g.retailers > 1);
    const [r] = await query<{ id: number }>(db(), sql`select id from retailers where grid_id = ${a.id} limit 1`);
    await t.api(head, 'POST', `/api/grids/${b.id}/retailers`, { retailerIds: [r.id] });
    const before = await fingerprint();
    const res = await t.api(head, 'POST', `/api/grid-proposals/${p.id}/apply`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('proposal_stale');
    expect(await fingerprint()).toBe(before);
  });
});

describe('layout analysis (网点布局)', () => {
  const km = (a: { lat: number; lng: number }, b: { lat: number; lng: number }) =>
    Math.hypot((a.lat - b.lat) * 110.57, (a.lng - b.lng) * 111.32 * Math.cos((b.lat * Math.PI) / 180));

  it('lists exactly the villages above the population with no licensed retailer within the distance', async () => {
    const res = await t.api(head, 'GET', '/api/layout/blank-villages?minPopulation=900&radiusKm=2');
    expect(res.statusCode).toBe(200);
    const blank = res.json() as { id: number; nearestKm: number | null }[];
    const villages = await query<{ id: number; lat: number; lng: number }>(db(), sql`select id, lat, lng from villages where kind = 'village' and population >= 900`);
    const shops = await query<{ lat: number; lng: number }>(db(), sql`select lat, lng from retailers where status = 'active'`);
    const expected = villages.filter((v) => shops.every((s) => km(s, v) > 2)).map((v) => v.id).sort((a, b) => a - b);
    expect(expected.length).toBeGreaterThan(0);
    expect(blank.map((v) => v.id).sort((a, b) => a - b)).toEqual(expected);
    expect(blank.every((v) => v.nearestKm === null || v.nearestKm > 2)).toBe(true);
  });

  it('finds over-dense spots, each with at least the asked number of retailers within the radius', async () => {
    const spots = (await t.api(admin, 'GET', '/api/layout/dense-spots?radiusM=300&minCount=4')).json() as { lat: number; lng: number; members: number }[];
    const shops = await query<{ lat: number; lng: number }>(db(), sql`select lat, lng from retailers where status = 'active'`);
    expect(spots.length).toBeGreaterThan(0);
    for (const s of spots) {
      expect(s.members).toBeGreaterThanOrEqual(4);
      expect(shops.filter((x) => km(x, s) <= 0.3 + 1e-6).length).toBe(s.members);
    }
  });

  it('exports both lists as files', async () => {
    const csv = await t.api(head, 'GET', '/api/layout/export?kind=blank&format=csv&minPopulation=900');
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body).toContain('村名');
    const xlsx = await t.api(head, 'GET', '/api/layout/export?kind=dense&format=xlsx');
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
  });
});

type Modes = { fixed: number; mobile: number; groups: { groupNo: number; members: { id: number }[] }[] };

describe('service modes', () => {
  it('classifies every active retailer; mobile ones come in groups', async () => {
    const res = await t.api(admin, 'POST', '/api/service-modes/classify');
    expect(res.statusCode, res.body).toBe(200);
    const { fixed, mobile, groups } = res.json();
    const [{ n }] = await query<{ n: number }>(db(), sql`select count(*)::int n from retailers where status = 'active'`);
    expect(fixed + mobile).toBe(n);
    expect(mobile).toBeGreaterThan(0);
    const modes = (await t.api(admin, 'GET', '/api/service-modes')).json() as Modes;
    expect(modes.groups).toHaveLength(groups);
    expect(modes.groups.reduce((a, g) => a + g.members.length, 0)).toBe(mobile);
  });

  it('a mode set by hand survives reclassification and shows in the retailer history', async () => {
    const modes = (await t.api(head, 'GET', '/api/service-modes')).json() as Modes;
    const [r] = await query<{ id: number }>(
      db(),
      sql`select m.retailer_id as id from retailer_service_modes m join retailers r on r.id = m.retailer_id join grids g on g.id = r.grid_id
        join users u on u.username = 'station1' where g.station_id = u.station_id and m.mode = 'fixed' order by m.retailer_id limit 1`,
    );
    expect(modes.fixed).toBeGreaterThan(0);
    expect((await t.api(head, 'PUT', `/api/service-modes/${r.id}`, { mode: 'mobile' })).statusCode).toBe(200);
    expect((await t.api(head, 'POST', '/api/service-modes/classify')).statusCode).toBe(200);
    const [m] = await query<{ mode: string; manual: boolean; g: number | null }>(db(), sql`select mode, manual, group_no as g from retailer_service_modes where retailer_id = ${r.id}`);
    expect(m).toMatchObject({ mode: 'mobile', manual: true });
    expect(m.g).not.toBeNull();
    const history = (await t.api(head, 'GET', `/api/retailers/${r.id}/history`)).json() as { source: string }[];
    expect(history[0].source).toBe('service_mode');
  });

  it('refuses a retailer outside the station head’s scope', async () => {
    const [o] = await query<{ id: number }>(
      db(),
      sql`select r.id from retailers r join grids g on g.id = r.grid_id join users u on u.username = 'station1' where g.station_id <> u.station_id limit 1`,
    );
    expect((await t.api(head, 'PUT', `/api/service-modes/${o.id}`, { mode: 'mobile' })).statusCode).toBe(404);
  });
});

describe('second-level delivery', () => {
  it('proposes points that bring remote retailers closer, and records the chosen ones', async () => {
    const job = await t.queued(admin, await t.api(admin, 'POST', '/api/delivery-points/proposal', { p: 3, maxKm: 5, remoteKm: 5 }));
    expect(job.state, job.error ?? '').toBe('completed');
    const p = job.result;
    expect(p.remote).toBeGreaterThan(0);
    expect(p.points.length).toBeLessThanOrEqual(3);
    expect(p.after.meanKm).toBeLessThan(p.before.meanKm);
    const served = p.points.reduce((a: number, x: { serves: unknown[] }) => a + x.serves.length, 0);
    expect(served).toBeLessThanOrEqual(p.remote);

    const body = { points: p.points.map((x: { retailerId: number; serves: { id: number }[] }, i: number) => ({ retailerId: x.retailerId, kind: i === 0 ? 'pickup' : 'entrusted', serves: x.serves.map((s) => s.id) })) };
    const saved = await t.api(admin, 'PUT', '/api/delivery-points', body);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toEqual({ points: p.points.length, served });
    const list = (await t.api(admin, 'GET', '/api/delivery-points')).json() as { served: number; kind: string }[];
    expect(list.reduce((a, x) => a + x.served, 0)).toBe(served);
    expect(list[0].kind).toBe('pickup');
    // Recording again replaces, never duplicates.
    await t.api(admin, 'PUT', '/api/delivery-points', body);
    expect((await t.api(admin, 'GET', '/api/delivery-points')).json()).toHaveLength(p.points.length);
  });

  it('refuses points outside the scope and changes nothing', async () => {
    const before = (await t.api(admin, 'GET', '/api/delivery-points')).json();
    const [o] = await query<{ id: number }>(
      db(),
      sql`select r.id from retailers r join grids g on g.id = r.grid_id join users u on u.username = 'station1' where g.station_id <> u.station_id and r.status = 'active' limit 1`,
    );
    const res = await t.api(head, 'PUT', '/api/delivery-points', { points: [{ retailerId: o.id, kind: 'pickup', serves: [] }] });
    expect(res.statusCode).toBe(404);
    expect((await t.api(admin, 'GET', '/api/delivery-points')).json()).toEqual(before);
  });
});
