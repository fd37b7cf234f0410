// Service modes (定点 / 流动) and second-level delivery points through the API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: string;
let head: string;
const db = () => t.database.db;

beforeAll(async () => {
  t = await startTestApp();
  [admin, head] = await Promise.all([t.login('admin'), t.login('station_head')]);
});
afterAll(() => t?.close());

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
    const res = await t.api(admin, 'POST', '/api/delivery-points/proposal', { p: 3, maxKm: 5, remoteKm: 5 });
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json();
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
