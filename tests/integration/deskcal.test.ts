// The working calendar's override table and new-licensee onboarding through
// the HTTP API: scope, step order, deadlines on working days (国庆 2026), bad
// input refused with zh/en text and nothing changed, audit rows written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { sweepOnboardingDeadlines } from '../../src/app/onboarding/sweep-onboarding-deadlines.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';
import type { CalendarYear } from '../../src/shared/calendar.js';
import type { OnboardingItem, OnboardingStats } from '../../src/shared/onboarding.js';

let t: TestApp;
let admin: string;
let manager: string;
let head: string;
let worker: string;
const db = () => t.database.db;
const count = async (table: string) => (await query<{ n: number }>(db(), sql`select count(*)::int as n from ${sql.raw(table)}`))[0].n;
const snapshot = async () => ({
  overrides: await count('calendar_overrides'),
  onboardings: await count('onboardings'),
  done: (await query<{ n: number }>(db(), sql`select count(*)::int as n from onboarding_steps where completed_at is not null`))[0].n,
  audit: await count('audit_log'),
});
const list = async (cookie: string, status = 'open') => ((await t.api(cookie, 'GET', `/api/onboardings?status=${status}`)).json() as { items: OnboardingItem[] }).items;

beforeAll(async () => {
  t = await startTestApp();
  [admin, manager, head, worker] = await Promise.all([t.login('admin'), t.login('county_manager'), t.login('station_head'), t.login('grid_worker')]);
});
afterAll(() => t?.close());

describe('calendar overrides', () => {
  it('refuses a make-up workday on a statutory holiday with zh/en text, and changes nothing', async () => {
    const before = await snapshot();
    const res = await t.api(manager, 'POST', '/api/calendar/overrides', { date: '2026-10-01', workday: true, name: '调休' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'calendar_override_makeup_on_holiday' });
    expect(res.json().message).toContain('国庆节');
    expect(res.json().messageEn).toContain('statutory holiday');
    for (const bad of [{ date: '2027-02-30', workday: false }, { date: '2027-02-07', workday: 'yes' }, { date: '2027-02-07', workday: true, name: 'x'.repeat(41) }]) {
      expect((await t.api(manager, 'POST', '/api/calendar/overrides', bad)).statusCode).toBe(400);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('adds a 2027 make-up day, refuses it twice, shows it in the year view, deletes it; each write audited', async () => {
    const audit = await count('audit_log');
    const add = await t.api(manager, 'POST', '/api/calendar/overrides', { date: '2027-02-07', workday: true, name: '春节调休' });
    expect(add.statusCode).toBe(201);
    const again = await t.api(admin, 'POST', '/api/calendar/overrides', { date: '2027-02-07', workday: false });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('calendar_override_duplicate');
    const year = (await t.api(head, 'GET', '/api/calendar/years/2027')).json() as CalendarYear;
    expect(year.statutoryData).toBe(false);
    expect(year.days).toHaveLength(365);
    expect(year.days.find((d) => d.date === '2027-02-07')).toMatchObject({ workday: true, kind: 'makeup', source: 'override', name: '春节调休' });
    const y2026 = (await t.api(head, 'GET', '/api/calendar/years/2026')).json() as CalendarYear;
    expect(y2026.days.find((d) => d.date === '2026-09-20')).toMatchObject({ workday: true, kind: 'makeup', source: 'statutory' });
    expect(y2026.days.find((d) => d.date === '2026-10-05')).toMatchObject({ workday: false, kind: 'holiday', name: '国庆节' });
    expect((await t.api(head, 'POST', '/api/calendar/overrides', { date: '2027-02-08', workday: false })).statusCode).toBe(403);
    expect((await t.api(manager, 'DELETE', '/api/calendar/overrides/2027-02-07')).statusCode).toBe(200);
    expect((await t.api(manager, 'DELETE', '/api/calendar/overrides/2027-02-07')).statusCode).toBe(404);
    expect(await count('audit_log')).toBe(audit + 2);
  });
});

describe('onboarding', () => {
  it('the demo has chains under way and one finished through its first order', async () => {
    const open = await list(manager);
    expect(open.length).toBeGreaterThanOrEqual(4);
    const states = open.flatMap((o) => o.steps.map((s) => s.state));
    expect(states).toContain('breached');
    expect(states).toContain('warning');
    const finished = await list(manager, 'finished');
    expect(finished).toHaveLength(1);
    expect(finished[0].firstOrderOn).not.toBeNull();
    expect(finished[0].steps.every((s) => s.state === 'done')).toBe(true);
    const stats = (await t.api(manager, 'GET', '/api/onboardings/stats')).json() as OnboardingStats;
    expect(stats.open).toBe(open.length);
    expect(stats.steps[0].done).toBeGreaterThanOrEqual(4);
    expect(stats.steps[0].medianDays).not.toBeNull();
  });

  it('scope: a grid worker and a station head see only the shops in their grids / station', async () => {
    const all = await list(manager, 'all');
    const mine = await list(worker, 'all');
    const [{ ids }] = await query<{ ids: number[] }>(
      db(),
      sql`select coalesce(array_agg(g.id), '{}') as ids from grids g join users u on u.id = g.worker_id where u.username = 'worker1'`,
    );
    expect(mine.length).toBeGreaterThan(0);
    expect(mine.length).toBeLessThan(all.length);
    expect(mine.every((o) => ids.includes(o.gridId))).toBe(true);
    const heads = await list(head, 'all');
    expect(heads.length).toBeLessThan(all.length);
    const foreign = all.find((o) => !heads.some((h) => h.id === o.id))!;
    const res = await t.api(head, 'POST', `/api/onboardings/${foreign.id}/steps`, { step: 'marketing_notified' });
    expect(res.statusCode).toBe(404);
  });

  it('records a licence before 国庆 2026: the first step is due two working days after the holiday starts', async () => {
    const [grid] = await query<{ id: number }>(db(), sql`select g.id from grids g join users u on u.id = g.worker_id where u.username = 'worker1' order by g.id limit 1`);
    const res = await t.api(manager, 'POST', '/api/onboardings', {
      licenceNo: '430281911111',
      shopName: '测试新店',
      gridId: grid.id,
      licensedAt: '2026-09-30T10:00:00+08:00',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().id as number;
    const ob = (await list(manager, 'all')).find((o) => o.id === id)!;
    // 10-01…10-07 holiday: 10-08 and 10-09 are the two working days; closing 17:30 Shanghai.
    expect(ob.steps[0]).toMatchObject({ step: 'marketing_notified', owner: 'monopoly', state: 'breached', dueAt: '2026-10-09T09:30:00.000Z' });
    expect(ob.steps.slice(1).every((s) => s.state === 'waiting' && s.dueAt === null)).toBe(true);
    expect((await t.api(manager, 'POST', '/api/onboardings', { licenceNo: '430281911111', shopName: '再来', gridId: grid.id })).json().code).toBe(
      'onboarding_licence_exists',
    );
  });

  it('enforces step order and ownership, refuses bad input and changes nothing', async () => {
    const ob = (await list(manager)).find((o) => o.licenceNo === '430281911111')!;
    const before = await snapshot();
    const cases: [string, unknown, number, string][] = [
      [manager, { step: 'customer_entered', retailerId: 1, orderWeekday: 2 }, 409, 'onboarding_step_out_of_order'],
      [worker, { step: 'marketing_notified' }, 403, 'forbidden'],
      [manager, { step: 'no_such_step' }, 400, 'validation_failed'],
      [manager, { step: 'client_manager_setup', eSettlementOpened: true, fileCollected: true, shopPhotographed: true, proposedClass: 'cz-1', proposedTier: 8, reason: '理由充分的' }, 400, 'validation_failed'],
    ];
    for (const [cookie, body, status, code] of cases) {
      const res = await t.api(cookie, 'POST', `/api/onboardings/${ob.id}/steps`, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(status);
      expect(res.json().code).toBe(code);
      expect(res.json().message).toMatch(/[\u4e00-\u9fff]/);
    }
    for (const body of [{ licenceNo: '12345', shopName: '短号', gridId: 1 }, { licenceNo: '430281922222', shopName: '', gridId: 1 }]) {
      expect((await t.api(manager, 'POST', '/api/onboardings', body)).statusCode).toBe(400);
    }
    const noGrid = await t.api(manager, 'POST', '/api/onboardings', { licenceNo: '430281922222', shopName: '无网格', gridId: 999999 });
    expect(noGrid.statusCode).toBe(400);
    expect(noGrid.json().details[0]).toMatchObject({ field: 'gridId' });
    expect(await snapshot()).toEqual(before);
  });

  it('runs the chain: the client manager completes their step, the next clock starts on working days', async () => {
    const ob = (await list(manager)).find((o) => o.licenceNo === '430281911111')!;
    expect((await t.api(manager, 'POST', `/api/onboardings/${ob.id}/steps`, { step: 'marketing_notified', note: '已通知' })).statusCode).toBe(200);
    const setup = { step: 'client_manager_setup', eSettlementOpened: true, fileCollected: true, shopPhotographed: true, proposedClass: 'CZ1', proposedTier: 8, reason: '周边同类店铺 8 档' };
    const done = await t.api(worker, 'POST', `/api/onboardings/${ob.id}/steps`, setup);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.json()).toMatchObject({ step: 'client_manager_setup', nextStep: 'customer_entered' });
    expect((await t.api(worker, 'POST', `/api/onboardings/${ob.id}/steps`, setup)).json().code).toBe('onboarding_step_done');
    const now = (await list(worker)).find((o) => o.id === ob.id)!;
    // TODAY is Tuesday 2026-11-24: one working day on is Wednesday 17:30 Shanghai.
    expect(now.steps[2]).toMatchObject({ state: 'open', startedAt: TODAY.toISOString(), dueAt: '2026-11-25T09:30:00.000Z', canComplete: false });
    expect(now.steps[1].detail).toMatchObject({ proposedClass: 'CZ1', proposedTier: 8 });
    const [{ n }] = await query<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where entity = 'onboarding' and ${ob.id} = any(entity_ids)`);
    expect(n).toBe(3);
  });

  it('the sweep marks warnings and breaches once, and tells each step’s owner once per level in their inbox', async () => {
    const first = await sweepOnboardingDeadlines(db(), new Date(TODAY.getTime() + 30 * 86_400_000));
    expect(first.breached).toBeGreaterThan(0);
    expect(first.notified).toBeGreaterThan(0);
    const again = await sweepOnboardingDeadlines(db(), new Date(TODAY.getTime() + 30 * 86_400_000));
    expect(again).toEqual({ warned: 0, breached: 0, notified: 0 });
    // Marketing's step of the chain run above (county managers act for marketing): a warning and a breach, once each.
    // (The notices are visible from the sweep's time, a month past the app's clock: read from the table.)
    const mine = await query<{ title: string; body: string }>(
      db(),
      sql`select n.title, n.body from notices n join users u on u.id = n.user_id where u.username = 'manager' and n.title like '%：测试新店' and n.sms_text is null`,
    );
    expect(mine.map((n) => n.title).sort()).toEqual(['新办户时限预警：测试新店', '新办户超时：测试新店']);
    expect(mine[0].body).toContain('营销录入客户及订货周期');
    // The client manager's steps go to the grid's worker who owns them, never to the county; nobody is told twice.
    const rows = await query<{ userId: number; owner: number | null; role: string; n: number }>(
      db(),
      sql`select n.user_id as "userId", s.owner_user_id as owner, u.role, count(*)::int as n from notices n
        join onboarding_steps s on s.org_id = n.org_id and s.onboarding_id = (n.params->>'onboardingId')::int and s.step = n.params->>'step'
        join users u on u.id = n.user_id
        where n.template = 'onboarding_deadline' group by n.user_id, s.owner_user_id, u.role, n.occasion`,
    );
    expect(rows.every((r) => r.n === 1)).toBe(true);
    const cm = rows.filter((r) => r.owner !== null);
    expect(cm.length).toBeGreaterThan(0);
    expect(cm.every((r) => r.userId === r.owner && r.role === 'grid_worker')).toBe(true);
  });

  it('marketing enters the customer: the order day goes into the file with its history, the shop gets its ordering login once', async () => {
    const ob = (await list(manager)).find((o) => o.licenceNo === '430281911111')!;
    // A shop with no login yet, of worker1's grid, not linked to any onboarding.
    const [shop] = await query<{ id: number; licenceNo: string; orderWeekday: number }>(
      db(),
      sql`select r.id, r.licence_no as "licenceNo", r.order_weekday as "orderWeekday" from retailers r
        where not exists (select 1 from users u where u.retailer_id = r.id) and not exists (select 1 from onboardings o where o.retailer_id = r.id)
        order by r.id limit 1`,
    );
    const weekday = (shop.orderWeekday % 7) + 1;
    const res = await t.api(manager, 'POST', `/api/onboardings/${ob.id}/steps`, { step: 'customer_entered', retailerId: shop.id, orderWeekday: weekday, openAccount: true });
    expect(res.statusCode, res.body).toBe(200);
    const { account } = res.json() as { account: { username: string; initialPassword: string } };
    expect(account.username).toBe(shop.licenceNo);
    expect(account.initialPassword).toMatch(/^[a-z2-9]{10}$/);
    // The retailer logs in with it and reads their own file.
    const retailer = await t.login([account.username, account.initialPassword]);
    expect((await t.api(retailer, 'GET', '/api/me')).json().user).toMatchObject({ role: 'retailer', retailerId: shop.id });
    const [file] = await query<{ orderWeekday: number; changes: { field: string; old: number; new: number }[]; source: string }>(
      db(),
      sql`select r.order_weekday as "orderWeekday", c.changes, c.source from retailers r join retailer_changes c on c.retailer_id = r.id where r.id = ${shop.id} order by c.id desc limit 1`,
    );
    expect(file).toMatchObject({ orderWeekday: weekday, source: 'onboarding', changes: [{ field: 'orderWeekday', old: shop.orderWeekday, new: weekday }] });
    // Neither the database nor the audit row holds the password in clear.
    const [stored] = await query<{ hash: string; audit: string }>(
      db(),
      sql`select u.password_hash as hash, (select string_agg(detail::text, ' ') from audit_log where entity = 'onboarding' and ${ob.id} = any(entity_ids)) as audit from users u where u.username = ${account.username}`,
    );
    expect(stored.hash).toMatch(/^\$argon2id\$/);
    expect(stored.audit).not.toContain(account.initialPassword);
    expect(stored.audit).toContain('"accountCreated": true');
  });

  it('a shop that already has a login keeps it: no new password; a login name already taken refuses the step and changes nothing', async () => {
    const chain = async (licenceNo: string) => {
      const grid = (await t.api(manager, 'GET', '/api/grids')).json()[0] as { id: number };
      const { id } = (await t.api(manager, 'POST', '/api/onboardings', { licenceNo, shopName: `新店${licenceNo.slice(-2)}`, gridId: grid.id })).json() as { id: number };
      expect((await t.api(manager, 'POST', `/api/onboardings/${id}/steps`, { step: 'marketing_notified' })).statusCode).toBe(200);
      const setup = { step: 'client_manager_setup', eSettlementOpened: true, fileCollected: true, shopPhotographed: true, proposedClass: 'CZ1', proposedTier: 5, reason: '周边同类店铺 5 档' };
      expect((await t.api(manager, 'POST', `/api/onboardings/${id}/steps`, setup)).statusCode).toBe(200);
      return id;
    };
    const [own] = await query<{ id: number; orderWeekday: number }>(db(), sql`select r.id, r.order_weekday as "orderWeekday" from retailers r join users u on u.retailer_id = r.id where u.username = 'retailer'`);
    const first = await chain('430281933301');
    const kept = await t.api(manager, 'POST', `/api/onboardings/${first}/steps`, { step: 'customer_entered', retailerId: own.id, orderWeekday: own.orderWeekday, openAccount: true });
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json().account).toEqual({ username: 'retailer', initialPassword: null });
    await t.login('retailer');

    // Another shop whose licence number is already someone's login name.
    const [shop] = await query<{ id: number; licenceNo: string }>(
      db(),
      sql`select r.id, r.licence_no as "licenceNo" from retailers r where not exists (select 1 from users u where u.retailer_id = r.id)
        and not exists (select 1 from onboardings o where o.retailer_id = r.id) order by r.id desc limit 1`,
    );
    await t.database.db.execute(sql`update users set username = ${shop.licenceNo} where username = 'agent'`);
    const second = await chain('430281933302');
    const before = await snapshot();
    const taken = await t.api(manager, 'POST', `/api/onboardings/${second}/steps`, { step: 'customer_entered', retailerId: shop.id, orderWeekday: 3, openAccount: true });
    await t.database.db.execute(sql`update users set username = 'agent' where username = ${shop.licenceNo}`);
    expect(taken.statusCode).toBe(409);
    expect(taken.json()).toMatchObject({ code: 'onboarding_account_taken' });
    expect(taken.json().message).toMatch(/[\u4e00-\u9fff]/);
    expect(await snapshot()).toEqual(before);
    expect((await list(manager)).find((o) => o.id === second)!.retailerId).toBeNull();
  });
});
