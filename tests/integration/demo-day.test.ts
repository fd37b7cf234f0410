// The demo as `npm start` creates it opens on an order day: this week's plan
// is published, so a shop whose order day is today can be ordered for at
// once, and a shop whose day has passed cannot.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { query } from '../../src/db/client.js';
import { seedDemoCounty } from '../../src/app/demo/demo-seed.js';
import { buildApp } from '../../src/server/app.js';
import { createTestDatabase, type TestDatabase } from '../support/test-db.js';
import type { DayRoute, Progress } from '../../src/shared/visits.js';

// Tuesday 2026-11-24, 10:00 in Beijing.
const NOW = new Date('2026-11-24T02:00:00Z');
let database: TestDatabase;
let app: FastifyInstance;
let agent: string;

const shopWithOrderDay = async (weekday: number) =>
  (await query<{ id: number }>(database.db, sql`select id from retailers where order_weekday = ${weekday} and status = 'active' order by id limit 1`))[0]!.id;

beforeAll(async () => {
  database = await createTestDatabase();
  await seedDemoCounty(database.db, { seed: 42, today: NOW, retailers: 300, weeks: 8, currentWeekPlan: true });
  app = await buildApp({ db: database.db, now: () => NOW });
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'agent', password: 'agent123' } });
  agent = `zy_session=${res.cookies.find((c) => c.name === 'zy_session')!.value}`;
});
afterAll(async () => {
  await app?.close();
  await database?.drop();
});

describe('demo day', () => {
  it("has this week's plan published with a window for every weekday", async () => {
    const plans = await query<{ weekStart: string; status: string; windows: number }>(
      database.db,
      sql`select p.week_start::text as "weekStart", p.status, (select count(*)::int from order_windows w where w.plan_id = p.id) as windows from supply_plans p`,
    );
    expect(plans).toEqual([{ weekStart: '2026-11-23', status: 'published', windows: 7 }]);
  });

  it("takes an order at once for a shop whose order day is today, and shows the closed window of yesterday's shops", async () => {
    const today = await shopWithOrderDay(2);
    const view = await app.inject({ method: 'GET', url: `/api/ordering/retailers/${today}`, headers: { cookie: agent } });
    expect(view.statusCode).toBe(200);
    const body = view.json();
    expect(body.window).toMatchObject({ orderDate: '2026-11-24', open: true });
    const product = (await query<{ id: number }>(database.db, sql`select id from products where not scarce and active order by id limit 1`))[0]!.id;
    const order = await app.inject({
      method: 'POST',
      url: '/api/orders',
      headers: { cookie: agent },
      payload: { retailerId: today, channel: 'phone', idempotencyKey: 'demo-day-order-1', lines: [{ productId: product, orderedQty: 2 }] },
    });
    expect(order.statusCode).toBe(201);

    const yesterday = await shopWithOrderDay(1);
    const closed = (await app.inject({ method: 'GET', url: `/api/ordering/retailers/${yesterday}`, headers: { cookie: agent } })).json();
    expect(closed.window?.open ?? false).toBe(false);
  });

  it('shows notices on its first day: sent and read ones, this week\'s supply notice, and unread ones for the demo shop (issue 16)', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'retailer', password: 'retailer123' } });
    const shop = `zy_session=${res.cookies.find((c) => c.name === 'zy_session')!.value}`;
    const inbox = (await app.inject({ method: 'GET', url: '/api/notices', headers: { cookie: shop } })).json() as { items: { template: string; readAt: string | null }[]; unread: number };
    expect(inbox.unread).toBeGreaterThan(0);
    expect(inbox.items.some((n) => n.template === 'supply_notice' && !n.readAt)).toBe(true);
    const [c] = await query<{ read: number; delivered: number }>(database.db, sql`select (select count(*)::int from notices where read_at is not null) as read,
      (select count(*)::int from notice_deliveries where state = 'delivered') as delivered`);
    expect(c.read).toBeGreaterThan(0);
    expect(c.delivered).toBeGreaterThan(0);
  });

  it('opens on a county at work: visits done since the cycle began, today\'s up to 10:00, and the worker\'s day agrees with the progress', async () => {
    const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'manager', password: 'manager123' } });
    const manager = `zy_session=${login.cookies.find((c) => c.name === 'zy_session')!.value}`;
    const p = (await app.inject({ method: 'GET', url: '/api/visits/progress', headers: { cookie: manager } })).json() as Progress;
    expect(p.planning).toBe(false);
    const sum = (k: 'planned' | 'done' | 'late' | 'missed' | 'pending') => p.workers.reduce((a, w) => a + w[k], 0);
    expect(sum('done')).toBeGreaterThan(0);
    const past = sum('done') + sum('late') + sum('missed');
    expect(sum('done') / past).toBeGreaterThan(0.8);
    expect(sum('missed') / past).toBeLessThan(0.1);
    expect(p.workers.filter((w) => w.planned > 0).every((w) => w.done > 0)).toBe(true);

    const wl = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'worker1', password: 'worker123' } });
    const worker = `zy_session=${wl.cookies.find((c) => c.name === 'zy_session')!.value}`;
    const route = (await app.inject({ method: 'GET', url: '/api/visit-plans/day', headers: { cookie: worker } })).json() as DayRoute;
    const mine = (await app.inject({ method: 'GET', url: '/api/visits/progress?from=2026-11-24&to=2026-11-24', headers: { cookie: worker } })).json() as Progress;
    expect(route.summary.planned).toBe(mine.workers[0].planned);
    expect(route.summary.done).toBe(mine.workers[0].done);
    expect(route.stops.filter((s) => s.visit?.status === 'done').every((s) => s.plannedStart + s.serviceMinutes <= 10 * 60)).toBe(true);
  });

  it('has a second, small county under the same city: both in the city roll-up with their figures, and a shop of 醴陵 can be moved there (decision 1923)', async () => {
    const login = async (username: string, password: string) =>
      `zy_session=${(await app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password } })).cookies.find((c) => c.name === 'zy_session')!.value}`;
    const [{ liling, youxian, city }] = await query<{ liling: number; youxian: number; city: number }>(
      database.db,
      sql`select l.id as liling, y.id as youxian, u.parent_id as city from orgs l join orgs y on y.code = 'youxian' join org_units u on u.org_id = y.id
          join org_units lu on lu.org_id = l.id and lu.parent_id = u.parent_id where l.code = 'liling'`,
    );
    const [n] = await query<{ liling: number; youxian: number }>(
      database.db,
      sql`select count(*) filter (where org_id = ${liling})::int as liling, count(*) filter (where org_id = ${youxian})::int as youxian from retailers`,
    );
    expect(n.youxian).toBeGreaterThan(0);
    expect(n.youxian).toBeLessThan(n.liling / 2);

    const province = await login('province', 'province123');
    const rollup = (await app.inject({ method: 'GET', url: `/api/rollups?parentId=${city}`, headers: { cookie: province } })).json();
    expect(rollup.total).toMatchObject({ counties: 2, missing: 0 });
    const yx = rollup.rows.find((r: { orgId: number }) => r.orgId === youxian);
    expect(yx.retailers.total).toBe(n.youxian);
    expect(yx.supply.weekStart).not.toBeNull();
    expect(yx.sellThroughPct).not.toBeNull();
    expect(yx.measures.shops).toBeGreaterThan(0); // its active shops, measured at seeding
    // Its visit calendar of this cycle, walked up to now as 醴陵's (decision 1929).
    expect(yx.visits.planned).toBeGreaterThan(0);
    expect(yx.visits.done).toBeGreaterThan(0);

    // Its own people see their own county only.
    const yxManager = await login('yx_manager', 'manager123');
    const list = (await app.inject({ method: 'GET', url: '/api/retailers?pageSize=1', headers: { cookie: yxManager } })).json();
    expect(list.total).toBe(n.youxian);
    const progress = (await app.inject({ method: 'GET', url: '/api/visits/progress', headers: { cookie: yxManager } })).json() as Progress;
    expect(progress.planning).toBe(false); // every worker has a calendar: nothing left for a job to make
    const walking = progress.workers.filter((w) => w.planned > 0);
    expect(walking.length).toBeGreaterThan(0);
    expect(walking.every((w) => w.done > 0)).toBe(true);

    // 醴陵's administrator previews and moves a shop of a grid 攸县 did not copy (a copied one's customer code is taken there).
    const admin = await login('admin', 'admin123');
    const candidates = await query<{ id: number }>(
      database.db,
      sql`select r.id from retailers r where r.org_id = ${liling} and r.status = 'active'
          and r.customer_code not in (select customer_code from retailers where org_id = ${youxian}) order by r.id limit 10`,
    );
    let moved = false;
    for (const { id } of candidates) {
      const preview = (await app.inject({ method: 'GET', url: `/api/retailers/${id}/move-preview?toOrgId=${youxian}`, headers: { cookie: admin } })).json();
      expect(preview.counties.map((c: { orgId: number }) => c.orgId)).toContain(youxian);
      expect(preview.grids.length).toBeGreaterThan(0);
      if (preview.refusals.length > 0) continue;
      const res = await app.inject({
        method: 'POST',
        url: `/api/retailers/${id}/move`,
        headers: { cookie: admin },
        payload: { toOrgId: youxian, toGridId: preview.grids.find((g: { workerName: string | null }) => g.workerName).id, reason: '边界调整 boundary change' },
      });
      expect(res.statusCode).toBe(200);
      moved = true;
      break;
    }
    expect(moved).toBe(true);
  });
});
