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
});
