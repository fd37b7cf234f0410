// The administrator resets a user's password (decision 0862) and the API holds
// a user to changing a password someone else chose (0861): the temporary
// password is shown once, the user's sessions end, the audit names the user and
// never the secret; until the user changes it, only /api/me, the change and
// logging out answer. Nobody else resets, and never across counties.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { cloneCounty } from '../../src/app/demo/clone-county.js';
import { forgetOrgTree } from '../../src/app/org-tree/org-tree-queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let admin: string;
let liling: number;
const db = () => t.database.db;

type UserState = { id: number; hash: string; required: boolean; sessions: number; attempts: number | null };
const userState = async (username: string): Promise<UserState> =>
  (
    await query<UserState>(
      db(),
      sql`select u.id, u.password_hash as hash, u.password_change_required as required,
        (select count(*)::int from sessions s where s.user_id = u.id) as sessions,
        (select attempts from login_attempts where key = ${`u:${username.toLowerCase()}`}) as attempts
        from users u where u.username = ${username}`,
    )
  )[0];
const login = (username: string, password: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } });
const resets = () => query<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where action = 'password_reset'`).then((r) => r[0].n);

beforeAll(async () => {
  t = await startTestApp();
  await t.jobs.stop(0);
  admin = await t.login('admin');
  [{ id: liling }] = await query<{ id: number }>(db(), sql`select id from orgs where code = 'liling'`);
  const [{ cityId }] = await query<{ cityId: number }>(db(), sql`select parent_id as "cityId" from org_units where org_id = ${liling}`);
  await cloneCounty(db(), liling, { code: 'youxian', name: '攸县烟草专卖局（营销部）', adcode: '430223', parentId: cityId, usernamePrefix: 'yx_', withOrders: false });
  forgetOrgTree();
}, 180_000);
afterAll(() => t?.close());

describe('the administrator resets a password', () => {
  let temporary: string;

  it('lists the accounts of the own county only, staff first, and finds one by name', async () => {
    const res = await t.api(admin, 'GET', '/api/users');
    expect(res.statusCode).toBe(200);
    const list = res.json() as { items: { username: string; role: string; mustChangePassword: boolean }[]; total: number };
    expect(list.items.map((u) => u.username)).toEqual(expect.arrayContaining(['admin', 'manager', 'station1', 'worker1', 'agent', 'retailer']));
    expect(list.items.some((u) => u.username.startsWith('yx_'))).toBe(false);
    expect(list.items.some((u) => u.role.startsWith('regional_'))).toBe(false);
    expect(list.items.at(-1)!.role).toBe('retailer');
    const found = (await t.api(admin, 'GET', '/api/users?q=worker2')).json();
    expect(found.items.map((u: { username: string }) => u.username)).toEqual(['worker2', 'worker20', 'worker21', 'worker22']);
    // A search is text, not a pattern.
    expect((await t.api(admin, 'GET', '/api/users?q=%25')).json().total).toBe(0);
  });

  it('resets a worker’s password: a temporary one shown once, the must-change flag set, every session ended, audited without it', async () => {
    const phone = await t.login('grid_worker');
    const desktop = await t.login('grid_worker');
    // A wrong password counted against the account: the reset clears it.
    expect((await login('worker1', 'not-the-password')).statusCode).toBe(401);
    const before = await userState('worker1');
    expect(before).toMatchObject({ required: false, sessions: 2, attempts: 1 });
    // Both sessions are in the server's few-second cache.
    for (const s of [phone, desktop]) expect((await t.api(s, 'GET', '/api/retailers?pageSize=1')).statusCode).toBe(200);

    const res = await t.api(admin, 'POST', `/api/users/${before.id}/password-reset`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json();
    temporary = body.temporaryPassword;
    expect(temporary).toMatch(/^[a-z2-9]{10}$/);
    expect(body).toMatchObject({ user: { id: before.id, username: 'worker1', mustChangePassword: true }, sessionsEnded: 2 });

    const after = await userState('worker1');
    expect(after).toMatchObject({ required: true, sessions: 0, attempts: null });
    expect(after.hash).toMatch(/^\$argon2id\$/);
    expect(after.hash).not.toBe(before.hash);
    // Logged out everywhere at once, the cache notwithstanding; the old password no longer logs in.
    for (const s of [phone, desktop]) expect((await t.api(s, 'GET', '/api/me')).statusCode).toBe(401);
    expect((await login('worker1', 'worker123')).statusCode).toBe(401);

    const [audit] = await query<{ orgId: number; text: string; entityIds: number[] }>(
      db(),
      sql`select org_id as "orgId", detail::text as text, entity_ids as "entityIds" from audit_log where action = 'password_reset' order by id desc limit 1`,
    );
    expect(audit).toMatchObject({ orgId: liling, entityIds: [before.id] });
    expect(JSON.parse(audit.text)).toEqual({ username: 'worker1', sessionsEnded: 2 });
    for (const secret of [temporary, after.hash, before.hash, 'argon2']) expect(audit.text).not.toContain(secret);
    // Named on the audit screen in both languages.
    const labels = (await t.api(admin, 'GET', '/api/audit?action=password_reset')).json() as { items: { action: string }[] };
    expect(labels.items.map((i) => i.action)).toContain('password_reset');
  });

  it('with the temporary password the worker may only see who they are, change it or log out: 403 password_change_required elsewhere', async () => {
    const first = await login('worker1', temporary);
    expect(first.statusCode).toBe(200);
    expect(first.json().user.mustChangePassword).toBe(true);
    const worker = `zy_session=${first.cookies.find((c) => c.name === 'zy_session')!.value}`;
    expect((await t.api(worker, 'GET', '/api/me')).json().user.mustChangePassword).toBe(true);
    for (const [method, url, payload] of [
      ['GET', '/api/retailers?pageSize=1', undefined],
      ['GET', '/api/notices/unread', undefined],
      ['POST', '/api/notices/read-all', undefined],
      ['GET', '/api/home', undefined],
    ] as const) {
      const res = await t.api(worker, method, url, payload);
      expect(res.statusCode, `${method} ${url}`).toBe(403);
      expect(res.json().code).toBe('password_change_required');
      expect(res.json().message).toMatch(/请先修改密码/);
      expect(res.json().messageEn).toMatch(/Change your password first/);
    }
    // The change itself, with the temporary password as the current one: everything answers again at once.
    const changed = await t.api(worker, 'POST', '/api/auth/password', { currentPassword: temporary, newPassword: 'amber-field-63' });
    expect(changed.statusCode, changed.body).toBe(200);
    expect((await t.api(worker, 'GET', '/api/retailers?pageSize=1')).statusCode).toBe(200);
    expect((await t.api(worker, 'GET', '/api/me')).json().user.mustChangePassword).toBe(false);
    expect((await userState('worker1')).required).toBe(false);
    // Logging out is never refused, flag or not.
    const again = await login('worker1', 'amber-field-63');
    expect((await t.api(`zy_session=${again.cookies.find((c) => c.name === 'zy_session')!.value}`, 'POST', '/api/auth/logout')).statusCode).toBe(200);
  });

  it('a password changed through another process lets the user on at once, the session cache notwithstanding', async () => {
    await db().execute(sql`update users set password_change_required = true where username = 'station1'`);
    const station = await t.login('station_head');
    // Both answers leave this session's viewer, flag set, in the server's few-second cache.
    expect((await t.api(station, 'GET', '/api/me')).json().user.mustChangePassword).toBe(true);
    expect((await t.api(station, 'GET', '/api/retailers?pageSize=1')).json().code).toBe('password_change_required');
    // Another API process served the change: this one reads the session afresh before refusing.
    await db().execute(sql`update users set password_change_required = false where username = 'station1'`);
    expect((await t.api(station, 'GET', '/api/retailers?pageSize=1')).statusCode).toBe(200);
  });

  it('refuses the administrator’s own account, another county’s user and an unknown one; writes nothing', async () => {
    const [self] = await query<{ id: number }>(db(), sql`select id from users where username = 'admin'`);
    const [other] = await query<{ id: number; hash: string }>(db(), sql`select id, password_hash as hash from users where username = 'yx_worker1'`);
    const before = await resets();
    const own = await t.api(admin, 'POST', `/api/users/${self.id}/password-reset`);
    expect(own.statusCode).toBe(422);
    expect(own.json()).toMatchObject({ code: 'password_reset_self' });
    expect(own.json().message).toMatch(/修改密码/);
    const across = await t.api(admin, 'POST', `/api/users/${other.id}/password-reset`);
    expect(across.statusCode).toBe(404);
    expect(across.json().code).toBe('not_found');
    expect((await t.api(admin, 'POST', '/api/users/2147483646/password-reset')).statusCode).toBe(404);
    const [still] = await query<{ hash: string; required: boolean }>(db(), sql`select password_hash as hash, password_change_required as required from users where id = ${other.id}`);
    expect(still).toEqual({ hash: other.hash, required: false });
    expect(await resets()).toBe(before);
    // The other county's own administrator may.
    const yxAdmin = await t.login(['yx_admin', 'admin123']);
    expect((await t.api(yxAdmin, 'POST', `/api/users/${other.id}/password-reset`)).statusCode).toBe(200);
  });

  it('refuses every role that does not keep the accounts, and a province user looking into the county', async () => {
    const [target] = await query<{ id: number; hash: string }>(db(), sql`select id, password_hash as hash from users where username = 'worker3'`);
    for (const role of ['county_manager', 'station_head', 'call_agent', 'retailer'] as const) {
      const cookie = await t.login(role);
      const res = await t.api(cookie, 'POST', `/api/users/${target.id}/password-reset`);
      expect(res.statusCode, role).toBe(403);
      expect(res.json().code).toBe('forbidden');
      expect((await t.api(cookie, 'GET', '/api/users')).statusCode, role).toBe(403);
    }
    const province = await t.login(['province', 'province123']);
    const drilled = await t.app.inject({ method: 'POST', url: `/api/users/${target.id}/password-reset`, headers: { cookie: province, 'x-zy-org': String(liling) } });
    expect(drilled.statusCode).toBe(403);
    expect(drilled.json().code).toBe('org_read_only');
    const [still] = await query<{ hash: string }>(db(), sql`select password_hash as hash from users where id = ${target.id}`);
    expect(still.hash).toBe(target.hash);
  });
});
