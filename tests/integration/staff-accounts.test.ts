// The administrator opens, edits and closes staff accounts of their own county
// (decision 0863): a new grid worker gets a login with a generated password shown
// once and must choose their own at the first login; a leaver's account is
// closed, which ends their sessions at once; a worker who still has grids keeps
// the role until they are reassigned; names are unique; shops' logins and one's
// own role are not changed here; another county's accounts are not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { cloneCounty } from '../../src/app/demo/clone-county.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: string;
let liling: number;
let station: { id: number; name: string };
let otherStation: number; // a station of the neighbouring county
const db = () => t.database.db;

const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const cookieOf = (res: { cookies: { name: string; value: string }[] }) => `zy_session=${res.cookies.find((c) => c.name === 'zy_session')!.value}`;
const audits = (action: string, id: number) =>
  query<{ detail: Record<string, unknown> }>(db(), sql`select detail from audit_log where action = ${action} and entity = 'user' and ${id} = any(entity_ids) order by id`);

beforeAll(async () => {
  t = await startTestApp();
  await t.jobs.stop(0);
  admin = await t.login('admin');
  [{ id: liling }] = await query<{ id: number }>(db(), sql`select id from orgs where code = 'liling'`);
  [station] = await query<{ id: number; name: string }>(db(), sql`select id, name from stations where org_id = ${liling} order by id limit 1`);
  const [{ cityId }] = await query<{ cityId: number }>(db(), sql`select parent_id as "cityId" from org_units where org_id = ${liling}`);
  const { orgId: youxian } = await cloneCounty(db(), liling, { code: 'youxian', name: '攸县烟草专卖局（营销部）', adcode: '430223', parentId: cityId, usernamePrefix: 'yx_', withOrders: false });
  [{ id: otherStation }] = await query<{ id: number }>(db(), sql`select id from stations where org_id = ${youxian} order by id limit 1`);
  forgetOrgTree();
}, 180_000);
afterAll(() => t?.close());

describe('staff accounts (decision 0863)', () => {
  let newId: number;
  let firstPassword: string;

  it('opens a grid worker’s account: a password shown once, changed at the first login, audited without it', async () => {
    const res = await t.api(admin, 'POST', '/api/users', { username: 'wang.li', displayName: '王丽', role: 'grid_worker', stationId: station.id, phone: '13907330001' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers['cache-control']).toBe('no-store');
    const { user, temporaryPassword } = res.json();
    expect(user).toMatchObject({ username: 'wang.li', displayName: '王丽', role: 'grid_worker', active: true, mustChangePassword: true, stationId: station.id, stationName: station.name });
    expect(temporaryPassword).toMatch(/^[a-z2-9]{10}$/);
    [newId, firstPassword] = [user.id, temporaryPassword];
    // The list shows the new account with its station.
    const listed = (await t.api(admin, 'GET', '/api/users?q=wang.li')).json().items;
    expect(listed).toEqual([expect.objectContaining({ id: newId, stationName: station.name, mustChangePassword: true })]);
    // The new worker logs in, may only change the password, then works.
    const first = await login('wang.li', temporaryPassword);
    expect(first.statusCode).toBe(200);
    const cookie = cookieOf(first);
    expect((await t.api(cookie, 'GET', '/api/retailers')).json().code).toBe('password_change_required');
    expect((await t.api(cookie, 'POST', '/api/auth/password', { currentPassword: temporaryPassword, newPassword: 'Chaling-2027!' })).statusCode).toBe(200);
    expect((await t.api(cookieOf(await login('wang.li', 'Chaling-2027!')), 'GET', '/api/retailers')).statusCode).toBe(200);
    // The audit row names the account; the password is nowhere in it.
    const [row] = await audits('create', newId);
    expect(row.detail).toMatchObject({ username: 'wang.li', role: 'grid_worker', stationId: station.id });
    expect(JSON.stringify(row.detail)).not.toContain(temporaryPassword);
  });

  it('refuses bad input in plain words and writes nothing', async () => {
    const users = async () => (await query<{ n: number }>(db(), sql`select count(*)::int as n from users`))[0].n;
    const before = await users();
    const cases: [unknown, number, string][] = [
      [{ username: 'wang.li', displayName: '另一个王丽', role: 'call_agent' }, 409, 'username_taken'],
      [{ username: 'worker1', displayName: '重名', role: 'call_agent' }, 409, 'username_taken'],
      [{ username: 'yx_worker1', displayName: '别县的名字', role: 'call_agent' }, 409, 'username_taken'],
      [{ username: 'ab', displayName: '太短', role: 'call_agent' }, 400, 'validation_failed'],
      [{ username: '<script>', displayName: 'x', role: 'call_agent' }, 400, 'validation_failed'],
      [{ username: 'new.head', displayName: '站长', role: 'station_head' }, 400, 'validation_failed'],
      [{ username: 'new.head', displayName: '站长', role: 'station_head', stationId: otherStation }, 422, 'station_unknown'],
      [{ username: 'new.boss', displayName: '省里的人', role: 'regional_marketing' }, 400, 'validation_failed'],
      [{ username: 'new.shop', displayName: '店', role: 'retailer' }, 400, 'validation_failed'],
    ];
    for (const [body, status, code] of cases) {
      const res = await t.api(admin, 'POST', '/api/users', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
      expect(res.json().messageEn).toBeTruthy();
    }
    const missingStation = await t.api(admin, 'POST', '/api/users', { username: 'new.head', displayName: '站长', role: 'station_head' });
    expect(missingStation.json().details).toEqual([expect.objectContaining({ field: 'stationId', code: 'station_required' })]);
    expect(await users()).toBe(before);
  });

  it('closes a leaver’s account: their open session ends at once and they cannot log in; reopening lets them back', async () => {
    const session = cookieOf(await login('wang.li', 'Chaling-2027!'));
    expect((await t.api(session, 'GET', '/api/me')).statusCode).toBe(200);
    const closed = await t.api(admin, 'PATCH', `/api/users/${newId}`, { active: false });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json()).toMatchObject({ id: newId, active: false });
    expect((await t.api(session, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await login('wang.li', 'Chaling-2027!')).statusCode).toBe(401);
    const [row] = await audits('update', newId);
    // The sessions of every login so far, this one among them.
    expect(row.detail).toMatchObject({ username: 'wang.li', changed: { active: { from: true, to: false } } });
    expect(row.detail.sessionsEnded).toBeGreaterThanOrEqual(1);
    expect((await t.api(admin, 'PATCH', `/api/users/${newId}`, { active: true })).json().active).toBe(true);
    expect((await login('wang.li', 'Chaling-2027!')).statusCode).toBe(200);
  });

  it('moves an account to another role and station; a station role keeps a station', async () => {
    const head = await t.api(admin, 'PATCH', `/api/users/${newId}`, { role: 'station_head', displayName: '王丽（站长）' });
    expect(head.statusCode, head.body).toBe(200);
    expect(head.json()).toMatchObject({ role: 'station_head', stationId: station.id, displayName: '王丽（站长）' });
    const agent = await t.api(admin, 'PATCH', `/api/users/${newId}`, { role: 'call_agent' });
    expect(agent.json()).toMatchObject({ role: 'call_agent', stationId: null });
    const noStation = await t.api(admin, 'PATCH', `/api/users/${newId}`, { role: 'grid_worker' });
    expect(noStation.statusCode).toBe(400);
    expect(noStation.json().details).toEqual([expect.objectContaining({ field: 'stationId', code: 'station_required' })]);
    expect((await t.api(admin, 'PATCH', `/api/users/${newId}`, {})).statusCode).toBe(400);
  });

  it('keeps a worker who still has grids: closing or a new role is refused, naming the grids', async () => {
    const [{ id, grids }] = await query<{ id: number; grids: number }>(
      db(),
      sql`select u.id, count(g.id)::int as grids from users u join grids g on g.org_id = u.org_id and g.worker_id = u.id where u.username = 'worker1' group by u.id`,
    );
    expect(grids).toBeGreaterThan(0);
    for (const body of [{ active: false }, { role: 'call_agent' }]) {
      const res = await t.api(admin, 'PATCH', `/api/users/${id}`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(409);
      expect(res.json().code).toBe('user_has_grids');
      expect(res.json().grids.length).toBeGreaterThan(0);
    }
    expect((await t.api(await t.login('grid_worker'), 'GET', '/api/me')).statusCode).toBe(200);
  });

  it('does not touch shops’ logins, the own account’s role or another county’s accounts', async () => {
    const [{ id: shopLogin }] = await query<{ id: number }>(db(), sql`select id from users where username = 'retailer'`);
    expect((await t.api(admin, 'PATCH', `/api/users/${shopLogin}`, { active: false })).json().code).toBe('user_not_staff');
    const [{ id: self }] = await query<{ id: number }>(db(), sql`select id from users where username = 'admin'`);
    expect((await t.api(admin, 'PATCH', `/api/users/${self}`, { active: false })).json().code).toBe('user_self_change');
    expect((await t.api(admin, 'PATCH', `/api/users/${self}`, { role: 'call_agent' })).json().code).toBe('user_self_change');
    const [{ id: neighbour }] = await query<{ id: number }>(db(), sql`select id from users where username = 'yx_worker1'`);
    const res = await t.api(admin, 'PATCH', `/api/users/${neighbour}`, { displayName: '改名' });
    expect(res.statusCode).toBe(404);
    const [{ name }] = await query<{ name: string }>(db(), sql`select display_name as name from users where id = ${neighbour}`);
    expect(name).not.toBe('改名');
    // Nobody but the administrator opens accounts.
    expect((await t.api(await t.login('county_manager'), 'POST', '/api/users', { username: 'by.manager', displayName: 'x', role: 'call_agent' })).statusCode).toBe(403);
  });
});
