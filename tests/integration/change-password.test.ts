// Changing one's own password (decision 0860): a shop's ordering login opened
// at onboarding must change its initial password; the change checks the
// current password on the login throttle, refuses weak ones with every rule
// named, ends the user's other sessions and is audited without any secret.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
const db = () => t.database.db;
beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('county_manager');
});
afterAll(() => t?.close());

/** A new licensee's chain up to marketing's step, which opens the shop's login: its name and initial password. */
async function openShopLogin(licenceNo: string): Promise<{ username: string; password: string }> {
  const grid = (await t.api(manager, 'GET', '/api/grids')).json()[0] as { id: number };
  const { id } = (await t.api(manager, 'POST', '/api/onboardings', { licenceNo, shopName: `新店${licenceNo.slice(-2)}`, gridId: grid.id })).json() as { id: number };
  expect((await t.api(manager, 'POST', `/api/onboardings/${id}/steps`, { step: 'marketing_notified' })).statusCode).toBe(200);
  const setup = { step: 'client_manager_setup', eSettlementOpened: true, fileCollected: true, shopPhotographed: true, proposedClass: 'CZ1', proposedTier: 5, reason: '周边同类店铺 5 档' };
  expect((await t.api(manager, 'POST', `/api/onboardings/${id}/steps`, setup)).statusCode).toBe(200);
  const [shop] = await query<{ id: number; orderWeekday: number }>(
    db(),
    sql`select r.id, r.order_weekday as "orderWeekday" from retailers r where not exists (select 1 from users u where u.retailer_id = r.id)
      and not exists (select 1 from onboardings o where o.retailer_id = r.id) order by r.id limit 1`,
  );
  const res = await t.api(manager, 'POST', `/api/onboardings/${id}/steps`, { step: 'customer_entered', retailerId: shop.id, orderWeekday: shop.orderWeekday, openAccount: true });
  expect(res.statusCode, res.body).toBe(200);
  const { account } = res.json() as { account: { username: string; initialPassword: string } };
  return { username: account.username, password: account.initialPassword };
}

type UserState = { hash: string; required: boolean; sessions: number; attempts: number | null };
const userState = async (username: string): Promise<UserState> =>
  (
    await query<UserState>(
      db(),
      sql`select u.password_hash as hash, u.password_change_required as required,
        (select count(*)::int from sessions s where s.user_id = u.id) as sessions,
        (select attempts from login_attempts where key = ${`u:${username.toLowerCase()}`}) as attempts
        from users u where u.username = ${username}`,
    )
  )[0];
const change = (cookie: string, currentPassword: string, newPassword: string) => t.api(cookie, 'POST', '/api/auth/password', { currentPassword, newPassword });
const me = async (cookie: string) => (await t.api(cookie, 'GET', '/api/me')).json().user as { mustChangePassword: boolean };
const auditOf = (username: string) =>
  query<{ action: string; detail: Record<string, unknown>; text: string }>(
    db(),
    sql`select a.action, a.detail, a.detail::text as text from audit_log a join users u on u.id = a.user_id
      where u.username = ${username} and a.action in ('password_change', 'password_change_failed', 'login_throttled') order by a.id`,
  );

describe('changing one’s own password', () => {
  let shop: { username: string; password: string };
  let phone: string;
  let desktop: string;

  it('a login opened at onboarding must change its initial password; the demo accounts need not', async () => {
    expect(await me(await t.login('retailer'))).toMatchObject({ mustChangePassword: false });
    shop = await openShopLogin('430281944401');
    const first = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: shop.username, password: shop.password } });
    expect(first.json().user).toMatchObject({ role: 'retailer', mustChangePassword: true });
    phone = `zy_session=${first.cookies.find((c) => c.name === 'zy_session')!.value}`;
    desktop = await t.login([shop.username, shop.password]);
    expect(await me(desktop)).toMatchObject({ mustChangePassword: true });
    expect((await userState(shop.username)).sessions).toBe(2);
    // The API holds it to that too (decision 0861): its own cases answer once the password is changed.
    const order = await t.api(phone, 'GET', '/api/my/cases');
    expect(order.statusCode).toBe(403);
    expect(order.json().code).toBe('password_change_required');
  });

  it('a weak new password is refused with each rule it breaks (422), before any guess is counted, and changes nothing', async () => {
    const before = await userState(shop.username);
    const digits = await change(desktop, shop.password, '12345678');
    expect(digits.statusCode).toBe(422);
    expect(digits.json()).toMatchObject({ code: 'password_weak', details: [{ field: 'newPassword', code: 'password_all_digits' }] });
    expect(digits.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(digits.json().details[0].messageEn).toBe('The new password cannot be digits only');
    const codes = async (next: string) => ((await change(desktop, 'whatever-it-is', next)).json().details as { code: string }[]).map((d) => d.code);
    expect(await codes('short1')).toEqual(['password_too_short']);
    expect(await codes(shop.username)).toEqual(['password_all_digits', 'password_same_as_username']);
    expect(await codes('whatever-it-is')).toEqual(['password_same_as_current']);
    expect(await codes('Password1')).toEqual(['password_too_common']);
    // The shape is the contract's: an empty one is a 400 like any other malformed body.
    expect((await change(desktop, shop.password, '')).statusCode).toBe(400);
    expect(await userState(shop.username)).toEqual(before);
    expect(before.attempts).toBeNull();
  });

  it('a wrong current password is refused (422, not 401: the session stays), counted like a failed login, audited, and changes nothing', async () => {
    const before = await userState(shop.username);
    const res = await change(desktop, 'not-my-password', 'blue-kettle-7');
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'password_current_wrong', details: [{ field: 'currentPassword', code: 'password_current_wrong' }] });
    expect(res.json().message).toBe('当前密码不正确');
    expect(await userState(shop.username)).toEqual({ ...before, attempts: 1 });
    expect(await me(desktop)).toMatchObject({ mustChangePassword: true });
    const audit = await auditOf(shop.username);
    expect(audit.map((a) => a.action)).toEqual(['password_change_failed']);
    expect(audit[0].text).not.toContain('not-my-password');
  });

  it('the right one changes it: the other session is ended, this one kept, the flag cleared, the audit free of secrets', async () => {
    const old = await userState(shop.username);
    // The phone was just used: its session is in the server's few-second session cache.
    expect(await me(phone)).toMatchObject({ mustChangePassword: true });
    const res = await change(desktop, shop.password, 'blue-kettle-7');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ ok: true, otherSessionsEnded: 1 });
    // The phone's session is gone at once (the cache forgets it too), the desktop's goes on.
    expect((await t.api(phone, 'GET', '/api/me')).statusCode).toBe(401);
    expect(await me(desktop)).toMatchObject({ mustChangePassword: false });
    const now = await userState(shop.username);
    expect(now).toMatchObject({ required: false, sessions: 1, attempts: null });
    expect(now.hash).toMatch(/^\$argon2id\$/);
    expect(now.hash).not.toBe(old.hash);
    // The old password no longer logs in, the new one does.
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: shop.username, password: shop.password } })).statusCode).toBe(401);
    expect(await me(await t.login([shop.username, 'blue-kettle-7']))).toMatchObject({ mustChangePassword: false });

    const audit = await auditOf(shop.username);
    expect(audit.map((a) => a.action)).toEqual(['password_change_failed', 'password_change']);
    expect(audit[1].detail).toEqual({ otherSessionsEnded: 1, wasRequired: true });
    for (const secret of [shop.password, 'blue-kettle-7', old.hash, now.hash, 'argon2']) expect(audit[1].text).not.toContain(secret);
    // Named on the audit screen in both languages.
    const admin = await t.login('admin');
    const list = (await t.api(admin, 'GET', '/api/audit?action=password_change')).json() as { items: { action: string }[] };
    expect(list.items.map((i) => i.action)).toContain('password_change');
  });

  it('five wrong current passwords lock the account like five failed logins: 429 with Retry-After, even for the right one', async () => {
    const station = await t.login('station_head');
    for (let i = 0; i < 5; i++) expect((await change(station, `wrong-${i}-guess`, 'river-stone-42')).statusCode).toBe(422);
    const locked = await change(station, 'station123', 'river-stone-42');
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(locked.json().code).toBe('too_many_attempts');
    expect((await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'station1', password: 'station123' } })).statusCode).toBe(429);
    // (The refused login's own login_throttled row is written after its answer: only the change's rows are compared.)
    const audit = await auditOf('station1');
    expect(audit.slice(0, 6).map((a) => a.action)).toEqual([...Array(5).fill('password_change_failed'), 'login_throttled']);
    expect(audit[5].detail).toEqual({ passwordChange: true });
    // Nothing changed: the session still works and the password is the old one.
    expect((await t.api(station, 'GET', '/api/me')).statusCode).toBe(200);
    const [{ ok }] = await query<{ ok: boolean }>(db(), sql`select password_change_required = false as ok from users where username = 'station1'`);
    expect(ok).toBe(true);
  });
});
