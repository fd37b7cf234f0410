// The "today" home (issue 17 item 5) through the HTTP app: each role gets its
// items, each count equals the records behind it, counted here independently
// in SQL, and only within the viewer's scope; doing the thing takes it off.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { startTestApp, TODAY, type DemoRole, type TestApp } from '../support/test-app.js';
import type { Home, HomeItemKey } from '../../src/shared/home.js';

let t: TestApp;
const cookie = {} as Record<DemoRole, string>;
let ids: { worker1: number; station1: number; agent: number; own: number; otherStation: number; planId: number };

const count = async (statement: ReturnType<typeof sql>) => (await query<{ n: number }>(t.database.db, statement))[0].n;
const home = async (role: DemoRole): Promise<Home> => {
  const res = await t.api(cookie[role], 'GET', '/api/home');
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as Home;
};
const item = (h: Home, key: HomeItemKey) => h.items.find((i) => i.key === key);
const keys = (h: Home) => h.items.map((i) => i.key).sort();

beforeAll(async () => {
  t = await startTestApp();
  for (const role of ['admin', 'county_manager', 'station_head', 'grid_worker', 'call_agent', 'retailer'] as DemoRole[]) cookie[role] = await t.login(role);
  const db = t.database.db;
  const [u] = await query<{ worker1: number; station1: number; agent: number; own: number; stationId: number }>(
    db,
    sql`select (select id from users where username = 'worker1') as worker1, (select id from users where username = 'station1') as station1,
      (select id from users where username = 'agent') as agent, (select retailer_id from users where username = 'retailer') as own,
      (select station_id from users where username = 'station1') as "stationId"`,
  );
  const [o] = await query<{ id: number }>(
    db,
    sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.station_id <> ${u.stationId} and r.status = 'active' order by r.id limit 1`,
  );
  // This week's plan, allocated and published with its default windows: Tuesday's shops order today until 17:00 Beijing.
  const plan = (await t.api(cookie.county_manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-23' })).json();
  await t.api(cookie.county_manager, 'POST', `/api/supply-plans/${plan.plan.id}/allocate`);
  await t.jobs.waitIdle();
  expect((await t.api(cookie.county_manager, 'POST', `/api/supply-plans/${plan.plan.id}/publish`)).statusCode).toBe(200);
  // Station 1's visit calendars.
  expect((await t.api(cookie.station_head, 'POST', '/api/visit-plans', {})).statusCode).toBe(202);
  await t.jobs.waitIdle();
  ids = { worker1: u.worker1, station1: u.station1, agent: u.agent, own: u.own, otherStation: o.id, planId: plan.plan.id };
});
afterAll(() => t?.close());

describe('GET /api/home', () => {
  it('refuses an anonymous caller', async () => {
    expect((await t.api(null, 'GET', '/api/home')).statusCode).toBe(401);
  });

  it('answers each role its own items', async () => {
    expect(keys(await home('grid_worker'))).toEqual(
      expect.arrayContaining(['desk.cases_due', 'desk.surveys_due', 'ordering.window_closing', 'retailers.birthdays', 'settlement.failed', 'visit.follow_ups_overdue', 'visit.stops_today']),
    );
    expect(keys(await home('call_agent'))).toEqual(expect.arrayContaining(['desk.logged_open', 'desk.surveys_due', 'ordering.call_list']));
    expect(keys(await home('station_head'))).toEqual(expect.arrayContaining(['desk.breaches', 'desk.cases_due', 'visit.missed', 'visit.workers_today', 'ordering.window_closing']));
    expect(keys(await home('county_manager'))).toEqual(
      expect.arrayContaining(['approvals.corrections', 'approvals.emergency', 'approvals.rewards', 'figures.retailers', 'rating.run_status', 'supply.plan_status']),
    );
    expect(keys(await home('retailer'))).toEqual(['desk.my_cases', 'notices.unread', 'ordering.my_window']);
    expect(keys(await home('admin'))).toEqual(expect.arrayContaining(['audit.today', 'jobs.backlog', 'jobs.failed']));
    // Nobody gets another role's to-dos.
    expect(item(await home('retailer'), 'ordering.call_list')).toBeUndefined();
    expect(item(await home('call_agent'), 'approvals.emergency')).toBeUndefined();
    expect(item(await home('grid_worker'), 'desk.breaches')).toBeUndefined();
  });
});

describe('the grid worker', () => {
  it("counts today's stops of their own calendar and the shops of their grids whose window closes today unordered", async () => {
    const h = await home('grid_worker');
    const stops = item(h, 'visit.stops_today')!;
    expect(stops.total).toBe(await count(sql`select count(*)::int as n from visit_plan_stops where worker_id = ${ids.worker1} and visit_date = '2026-11-24'`));
    expect(stops.total).toBeGreaterThan(0);
    const closing = item(h, 'ordering.window_closing')!;
    const mine = await count(sql`select count(*)::int as n from retailers r join grids g on g.id = r.grid_id
      where g.worker_id = ${ids.worker1} and r.status = 'active' and r.order_weekday = 2
        and not exists (select 1 from plan_orders po where po.plan_id = ${ids.planId} and po.retailer_id = r.id)`);
    expect(closing.count).toBe(mine);
    expect(closing.count).toBeGreaterThan(0);
    // Only shops of the worker's grids.
    const rowShops = await query<{ n: number }>(t.database.db, sql`select count(*)::int as n from retailers r join grids g on g.id = r.grid_id
      where g.worker_id = ${ids.worker1} and r.shop_name = any(${`{${closing.rows.map((r) => `"${r.label}"`).join(',')}}`}::text[])`);
    expect(rowShops[0].n).toBeGreaterThanOrEqual(closing.rows.length);
    expect(closing.rows[0].link).toMatch(/^\/take-orders\?retailerId=\d+$/);

    // An order for one of them takes it off the list.
    const shopId = Number(closing.rows[0].link!.split('=')[1]);
    const [product] = await query<{ id: number }>(t.database.db, sql`select id from products where not scarce and active order by id limit 1`);
    const res = await t.api(cookie.grid_worker, 'POST', '/api/orders', { retailerId: shopId, channel: 'visit', idempotencyKey: 'home-order-1', lines: [{ productId: product.id, orderedQty: 1 }] });
    expect(res.statusCode, res.body).toBe(201);
    expect(item(await home('grid_worker'), 'ordering.window_closing')!.count).toBe(mine - 1);
  });

  it('lists a case they handle that is due today, and the 回访 of a case of their grid that someone else closed', async () => {
    const before = item(await home('grid_worker'), 'desk.cases_due')!.count;
    const price = await t.api(cookie.call_agent, 'POST', '/api/desk/cases', { retailerId: ids.own, category: 'price', text: '价签今天能到吗' });
    expect(price.statusCode).toBe(201);
    expect(price.json()).toMatchObject({ handlerId: ids.worker1, dueAt: '2026-11-25T02:00:00.000Z' });
    // Due tomorrow 10:00 (a normal shop's first contact): not today's.
    expect(item(await home('grid_worker'), 'desk.cases_due')!.count).toBe(before);
    // Had it been due at 15:00 today (a key customer's), it is.
    await t.database.db.execute(sql`update desk_cases set due_at = '2026-11-24T07:00:00Z', warn_at = '2026-11-24T05:00:00Z' where id = ${price.json().id}`);
    const h = await home('grid_worker');
    const due = item(h, 'desk.cases_due')!;
    expect(due.count).toBe(before + 1);
    expect(due.rows.find((r) => r.link === `/desk?mine=true&case=${price.json().id}`)).toMatchObject({ tag: 'due_today', at: '2026-11-24T07:00:00.000Z' });
    expect(due.count).toBe(
      await count(sql`select count(*)::int as n from desk_cases where handler_id = ${ids.worker1} and status <> 'closed' and due_at < '2026-11-24T16:00:00Z'`),
    );
    expect(due.rows.some((r) => r.link === `/desk?mine=true&case=${price.json().id}`)).toBe(true);

    // A supply complaint goes to the station head; closed, its 回访 is the worker's (not the handler's) to do.
    const supply = (await t.api(cookie.call_agent, 'POST', '/api/desk/cases', { retailerId: ids.own, category: 'supply', cause: 'scarce_short', text: '紧俏烟太少' })).json();
    expect((await t.api(cookie.station_head, 'POST', `/api/desk/cases/${supply.id}/close`, { resolution: 'explained', text: '按档位投放' })).statusCode).toBe(200);
    // Its 回访 falls due on a later working day: not today's yet; on the day it falls due, it is.
    expect(item(await home('grid_worker'), 'desk.surveys_due')!.rows.some((r) => r.link?.endsWith(`case=${supply.id}`))).toBe(false);
    await t.database.db.execute(sql`update desk_cases set survey_due_at = '2026-11-24T08:00:00Z' where id = ${supply.id}`);
    const surveys = item(await home('grid_worker'), 'desk.surveys_due')!;
    expect(surveys.rows.some((r) => r.link === `/desk?status=survey_due&case=${supply.id}`)).toBe(true);
    expect(item(await home('station_head'), 'desk.surveys_due')!.rows.some((r) => r.link?.endsWith(`case=${supply.id}`))).toBe(false);
    // Recording the 回访 takes it off.
    expect((await t.api(cookie.call_agent, 'POST', `/api/desk/cases/${supply.id}/survey`, { result: 'satisfied' })).statusCode).toBe(200);
    expect(item(await home('grid_worker'), 'desk.surveys_due')!.rows.some((r) => r.link?.endsWith(`case=${supply.id}`))).toBe(false);
  });

  it('shows birthdays of their shops in the next seven days, lunar ones on their solar day, and none of other grids', async () => {
    const db = t.database.db;
    const shops = await query<{ id: number }>(db, sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.worker_id = ${ids.worker1} and r.status = 'active' order by r.id limit 3`);
    await db.execute(sql`update retailers set birthday = null where grid_id in (select id from grids where worker_id = ${ids.worker1})`);
    // Solar 26 November; lunar 十月十八 2026 is 2026-11-26 too (lunar year 2026, month 10, day 8); 2 December is outside the week.
    await db.execute(sql`update retailers set birthday = '1970-11-26', birthday_calendar = 'solar' where id = ${shops[0].id}`);
    await db.execute(sql`update retailers set birthday = '1960-10-18', birthday_calendar = 'lunar' where id = ${shops[1].id}`);
    await db.execute(sql`update retailers set birthday = '1975-12-02', birthday_calendar = 'solar' where id = ${shops[2].id}`);
    await db.execute(sql`update retailers set birthday = '1980-11-24', birthday_calendar = 'solar' where id = ${ids.otherStation}`);
    const b = item(await home('grid_worker'), 'retailers.birthdays')!;
    expect(b.count).toBe(2);
    expect(b.rows.map((r) => [r.link, r.date, r.tag])).toEqual([
      [`/retailers/${shops[0].id}`, '2026-11-26', null],
      [`/retailers/${shops[1].id}`, '2026-11-26', 'lunar'],
    ]);
  });

  it('counts failed deductions of their grids as the settlement screen does', async () => {
    const h = await home('grid_worker');
    const screen = (await t.api(cookie.grid_worker, 'GET', '/api/settlement/failed')).json();
    expect(item(h, 'settlement.failed')!.count).toBe(screen.items.length);
  });
});

describe('the call-centre agent', () => {
  it("counts the county's shops whose window is open today and who have not ordered; 回访 due across the county", async () => {
    const h = await home('call_agent');
    const list = item(h, 'ordering.call_list')!;
    expect(list.count).toBe(
      await count(sql`select count(*)::int as n from retailers r where r.status = 'active' and r.order_weekday = 2
        and not exists (select 1 from plan_orders po where po.plan_id = ${ids.planId} and po.retailer_id = r.id)`),
    );
    expect(list.count).toBeGreaterThan(item(await home('grid_worker'), 'ordering.window_closing')!.count);
    expect(item(h, 'desk.surveys_due')!.count).toBe(
      await count(sql`select count(*)::int as n from desk_cases c where c.status = 'closed' and c.handler_id is distinct from ${ids.agent}
        and not exists (select 1 from desk_surveys s where s.case_id = c.id and s.at >= c.closed_at) and (c.survey_due_at is null or c.survey_due_at < '2026-11-24T16:00:00Z')`),
    );
    expect(item(h, 'desk.logged_open')!.count).toBe(
      await count(sql`select count(*)::int as n from desk_cases where status <> 'closed' and (created_by = ${ids.agent} or handler_id = ${ids.agent})`),
    );
  });
});

describe('the station head', () => {
  it("sees breaches and workers of their own station only", async () => {
    const h = await home('station_head');
    const workers = await query<{ name: string }>(t.database.db, sql`select display_name as name from users where role = 'grid_worker' and station_id = (select station_id from users where id = ${ids.station1})`);
    const progress = item(h, 'visit.workers_today')!;
    expect(progress.rows.length).toBeGreaterThan(0);
    for (const r of progress.rows) expect(workers.map((w) => w.name)).toContain(r.label);
    expect(progress.total).toBe(
      await count(sql`select count(*)::int as n from visit_plan_stops s join users u on u.id = s.worker_id
        where u.station_id = (select station_id from users where id = ${ids.station1}) and s.visit_date = '2026-11-24'`),
    );
    const breaches = item(h, 'desk.breaches')!;
    expect(breaches.count).toBe(
      await count(sql`select count(*)::int as n from desk_cases c where c.status <> 'closed' and (c.breached_at is not null or c.due_at <= ${TODAY.toISOString()}::timestamptz)
        and (c.station_id = (select station_id from users where id = ${ids.station1}) or c.handler_id = ${ids.station1})`),
    );
    expect(breaches.count).toBeLessThanOrEqual(item(await home('county_manager'), 'desk.breaches')!.count);
  });
});

describe('the county manager', () => {
  it('counts the approvals waiting, and a decision takes one off', async () => {
    const [product] = await query<{ id: number }>(t.database.db, sql`select id from products where scarce and active order by id limit 1`);
    const made = await t.api(cookie.grid_worker, 'POST', '/api/emergency-requests', { retailerId: ids.own, productId: product.id, qty: 2, reason: '周末婚宴' });
    expect(made.statusCode, made.body).toBe(201);
    const h = await home('county_manager');
    const em = item(h, 'approvals.emergency')!;
    expect(em.count).toBe(await count(sql`select count(*)::int as n from emergency_requests where status = 'pending'`));
    expect(em.count).toBeGreaterThan(0);
    expect(item(h, 'approvals.corrections')!.count).toBe(await count(sql`select count(*)::int as n from order_corrections where status = 'pending'`));
    expect(item(h, 'approvals.rewards')!.count).toBe(await count(sql`select count(*)::int as n from desk_rewards where status = 'proposed'`));
    expect(item(h, 'supply.plan_status')).toMatchObject({ tag: 'published', count: await count(sql`select count(*)::int as n from plan_orders where plan_id = ${ids.planId}`) });
    expect(item(h, 'figures.retailers')!.count).toBe(await count(sql`select count(*)::int as n from retailers where status = 'active'`));
    const decided = await t.api(cookie.county_manager, 'POST', `/api/emergency-requests/${made.json().id}/decision`, { approve: false, reason: '本周无余量' });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(item(await home('county_manager'), 'approvals.emergency')!.count).toBe(em.count - 1);
  });
});

describe('the county’s four measures', () => {
  it('shows the means of the latest night the job wrote, each measure a row linking to the measures screen', async () => {
    const m = item(await home('county_manager'), 'figures.measures')!;
    const [night] = await query<{ asOf: string; n: number; surveyed: number; loy: number }>(
      t.database.db,
      sql`select as_of::text as "asOf", count(*)::int as n, count(satisfaction)::int as surveyed, round(avg(loyalty)::numeric, 1)::float8 as loy
        from retailer_measures where as_of = (select max(as_of) from retailer_measures) group by as_of`,
    );
    expect(night.n).toBeGreaterThan(0);
    expect(m).toMatchObject({ count: night.n, extra: night.surveyed, date: night.asOf, link: '/measures' });
    expect(m.rows.map((r) => r.label)).toEqual(['满意度 Satisfaction', '忠诚度 Loyalty', '贡献度 Contribution', '依存度 Dependence']);
    expect(m.rows[1]).toMatchObject({ value: night.loy, total: 100 });
    expect(keys(await home('grid_worker'))).not.toContain('figures.measures');
  });
});

describe('the retailer', () => {
  it('sees their own window and limits, their own cases, and the unread count the bell shows', async () => {
    const h = await home('retailer');
    const w = item(h, 'ordering.my_window')!;
    const ordering = (await t.api(cookie.retailer, 'GET', `/api/ordering/retailers/${ids.own}`)).json();
    expect(w.link).toBe('/my-order');
    if (ordering.window) expect(w.date).toBe(ordering.window.orderDate);
    expect(w.count).toBe(await count(sql`select count(*)::int as n from order_limits where plan_id = ${ids.planId} and retailer_id = ${ids.own} and limit_qty > 0`));
    const cases = item(h, 'desk.my_cases')!;
    expect(cases.count).toBe(
      await count(sql`select count(*)::int as n from desk_cases c where c.retailer_id = ${ids.own}
        and (c.status <> 'closed' or not exists (select 1 from desk_surveys s where s.case_id = c.id and s.at >= c.closed_at))`),
    );
    const unread = (await t.api(cookie.retailer, 'GET', '/api/notices/unread')).json().unread;
    expect(item(h, 'notices.unread')!.count).toBe(unread);
  });
});

describe('the administrator', () => {
  it("sees the org's failed jobs and today's audit rows", async () => {
    const db = t.database.db;
    const [org] = await query<{ id: number }>(db, sql`select org_id as id from users where username = 'admin'`);
    await db.execute(sql`insert into jobs (org_id, name, payload, state, attempts, error, finished_at) values
      (${org.id}, 'rating-batch', '{}'::jsonb, 'failed', 3, 'boom', ${TODAY.toISOString()}::timestamptz),
      (null, 'desk-sweep', '{}'::jsonb, 'failed', 3, 'other', ${TODAY.toISOString()}::timestamptz)`);
    const h = await home('admin');
    const failed = item(h, 'jobs.failed')!;
    expect(failed.count).toBe(await count(sql`select count(*)::int as n from jobs where org_id = ${org.id} and state = 'failed'`));
    expect(failed.rows.map((r) => r.label)).toContain('rating-batch');
    expect(failed.rows.map((r) => r.label)).not.toContain('desk-sweep');
    expect(item(h, 'audit.today')!.count).toBe(
      await count(sql`select count(*)::int as n from audit_log where org_id = ${org.id} and at >= '2026-11-23T16:00:00Z' and at < '2026-11-24T16:00:00Z'`),
    );
  });
});
