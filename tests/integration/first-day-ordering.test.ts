// The first day's server rules (issue 14): marketing plans the current week,
// not a past one; every weekday's order window is listed with the shops it
// concerns and can be moved with a reason, audited and handed to the
// notices hook in the same transaction; a grid worker may not change a
// shop's customer code, licence number or grid (decision 1402).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { onOrderWindowChanged, type OrderWindowChanged } from '../../src/app/ordering/order-window-changed.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let worker: string;
let head: string;
let planId: number;
const events: OrderWindowChanged[] = [];
let unsubscribe: () => void;

const db = () => t.database.db;
const auditRows = async () =>
  query<{ detail: Record<string, unknown>; entityIds: number[] }>(db(), sql`select detail, entity_ids as "entityIds" from audit_log where entity = 'order_window' order by id`);

beforeAll(async () => {
  t = await startTestApp();
  [manager, worker, head] = await Promise.all([t.login('county_manager'), t.login('grid_worker'), t.login('station_head')]);
  unsubscribe = onOrderWindowChanged(async (tx, e) => {
    // A subscriber works in the change's transaction (the notices feature would enqueue its job here).
    await tx.execute(sql`select 1`);
    events.push(e);
  });
});
afterAll(async () => {
  unsubscribe?.();
  await t?.close();
});

describe('planning the current week', () => {
  it('refuses a week already past and changes nothing', async () => {
    const res = await t.api(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-16' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'plan_week_past' });
    expect(await query(db(), sql`select id from supply_plans where week_start = '2026-11-16'`)).toEqual([]);
  });

  it('plans and publishes the week of today, with a window for every weekday', async () => {
    // No products: nothing to allocate (ordering.test.ts covers allocation), so the windows come at once.
    const created = await t.api(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-23', items: [] });
    expect(created.statusCode).toBe(201);
    planId = created.json().plan.id;
    expect((await t.api(manager, 'GET', `/api/supply-plans/${planId}/windows`)).json().items).toEqual([]);
    const published = await t.api(manager, 'POST', `/api/supply-plans/${planId}/publish`);
    expect(published.statusCode).toBe(200);
    expect(published.json().plan.status).toBe('published');

    const windows = (await t.api(worker, 'GET', `/api/supply-plans/${planId}/windows`)).json().items;
    expect(windows.map((w: { orderDate: string }) => w.orderDate)).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26', '2026-11-27', '2026-11-28', '2026-11-29']);
    // Tuesday's window: 08:00 Monday to 17:00 Tuesday, Beijing time; unchanged; the shops ordering on Tuesdays.
    const [{ n }] = await query<{ n: number }>(db(), sql`select count(*)::int as n from retailers where status = 'active' and order_weekday = 2`);
    expect(windows[1]).toMatchObject({ weekday: 2, opensAt: '2026-11-23T00:00:00.000Z', closesAt: '2026-11-24T09:00:00.000Z', retailers: n, changed: false });
  });
});

describe('moving an order window', () => {
  it('extends a window with a reason: audited with before and after, and the notices hook is told', async () => {
    const res = await t.api(manager, 'PUT', `/api/supply-plans/${planId}/windows/4`, {
      opensAt: '2026-11-25T00:00:00Z',
      closesAt: '2026-11-26T12:00:00Z',
      reason: '订货日延长至 20:00',
    });
    expect(res.statusCode).toBe(200);
    const thursday = res.json().items.find((w: { weekday: number }) => w.weekday === 4);
    expect(thursday).toMatchObject({ closesAt: '2026-11-26T12:00:00.000Z', changed: true });

    const [row] = await auditRows();
    expect(row.entityIds).toEqual([planId]);
    expect(row.detail).toMatchObject({
      weekday: 4,
      orderDate: '2026-11-26',
      before: { opensAt: '2026-11-25T00:00:00.000Z', closesAt: '2026-11-26T09:00:00.000Z' },
      after: { opensAt: '2026-11-25T00:00:00.000Z', closesAt: '2026-11-26T12:00:00.000Z' },
      reason: '订货日延长至 20:00',
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ planId, weekday: 4, orderDate: '2026-11-26', reason: '订货日延长至 20:00', retailers: thursday.retailers });
    // Each shop ordering on Thursday is told, in its inbox and by SMS (it cannot opt out of when it may order).
    const told = await query<{ retailerId: number; body: string; mandatory: boolean; deliveries: number }>(
      db(),
      sql`select n.retailer_id as "retailerId", n.body, n.mandatory, (select count(*)::int from notice_deliveries d where d.notice_id = n.id) as deliveries
          from notices n where n.template = 'window_changed' and n.params->>'planId' = ${String(planId)}`,
    );
    expect(told).toHaveLength(thursday.retailers);
    expect(told.every((n) => n.mandatory && n.deliveries === 1 && n.body.includes('原因：订货日延长至 20:00'))).toBe(true);
    const shopInbox = await query<{ n: number }>(db(), sql`select count(*)::int as n from notices n join retailers r on r.id = n.retailer_id where n.template = 'window_changed' and r.order_weekday <> 4`);
    expect(shopInbox[0].n).toBe(0);
  });

  it('refuses a window that closes before it opens, or lies far from its order day, and changes nothing', async () => {
    const before = (await t.api(manager, 'GET', `/api/supply-plans/${planId}/windows`)).json().items;
    const backwards = await t.api(manager, 'PUT', `/api/supply-plans/${planId}/windows/5`, { opensAt: '2026-11-27T09:00:00Z', closesAt: '2026-11-26T00:00:00Z' });
    expect(backwards.statusCode).toBe(422);
    expect(backwards.json()).toMatchObject({ code: 'window_closes_before_opens' });
    const far = await t.api(manager, 'PUT', `/api/supply-plans/${planId}/windows/5`, { opensAt: '2027-01-04T00:00:00Z', closesAt: '2027-01-05T09:00:00Z' });
    expect(far.statusCode).toBe(422);
    expect(far.json()).toMatchObject({ code: 'window_too_long' });
    expect((await t.api(manager, 'GET', `/api/supply-plans/${planId}/windows`)).json().items).toEqual(before);
    expect(await auditRows()).toHaveLength(1);
    expect(events).toHaveLength(1);
  });

  it('is marketing’s: a grid worker may read the windows but not move one', async () => {
    const res = await t.api(worker, 'PUT', `/api/supply-plans/${planId}/windows/4`, { opensAt: '2026-11-25T00:00:00Z', closesAt: '2026-11-26T13:00:00Z' });
    expect(res.statusCode).toBe(403);
    expect(await auditRows()).toHaveLength(1);
  });
});

describe('who may change a shop’s code, licence and grid (decision 1402)', () => {
  type Shop = { id: number; version: number; customerCode: string; licenceNo: string; gridId: number; shopName: string };
  const shopOfWorker1 = async () =>
    (
      await query<Shop>(
        db(),
        sql`select r.id, r.version, r.customer_code as "customerCode", r.licence_no as "licenceNo", r.grid_id as "gridId", r.shop_name as "shopName"
            from retailers r join grids g on g.id = r.grid_id join users u on u.id = g.worker_id
            where u.username = 'worker1' and r.status = 'active' order by r.id desc limit 1`,
      )
    )[0];
  const reread = async (id: number) =>
    (await query<Shop>(db(), sql`select id, version, customer_code as "customerCode", licence_no as "licenceNo", grid_id as "gridId", shop_name as "shopName" from retailers where id = ${id}`))[0];

  it('refuses a grid worker each of the three with 403 retailer_field_forbidden, and changes nothing', async () => {
    const shop = await shopOfWorker1();
    const station = (await t.api(head, 'GET', '/api/grids')).json() as { id: number }[];
    const otherGrid = station.find((g) => g.id !== shop.gridId)!.id;
    for (const [field, value] of [
      ['customerCode', '43028100999'],
      ['licenceNo', `${shop.licenceNo.slice(0, 6)}999999`],
      ['gridId', otherGrid],
    ] as const) {
      const res = await t.api(worker, 'PATCH', `/api/retailers/${shop.id}`, { version: shop.version, shopName: `${shop.shopName}改`, [field]: value });
      expect(res.statusCode, field).toBe(403);
      expect(res.json()).toMatchObject({ code: 'retailer_field_forbidden', details: [{ field, code: 'retailer_field_forbidden' }] });
      expect(res.json().message).toMatch(/营销部/);
      expect(await reread(shop.id)).toEqual(shop);
    }
    // The same form with those fields unchanged saves the rest.
    const ok = await t.api(worker, 'PATCH', `/api/retailers/${shop.id}`, { version: shop.version, customerCode: shop.customerCode, gridId: shop.gridId, shopName: `${shop.shopName}改` });
    expect(ok.statusCode).toBe(200);
  });

  it('lets a station head move a shop between the station’s grids but not change its code; marketing changes the code', async () => {
    const shop = await shopOfWorker1();
    const station = (await t.api(head, 'GET', '/api/grids')).json() as { id: number }[];
    const otherGrid = station.find((g) => g.id !== shop.gridId)!.id;
    const code = await t.api(head, 'PATCH', `/api/retailers/${shop.id}`, { version: shop.version, customerCode: '43028100998' });
    expect(code.statusCode).toBe(403);
    const moved = await t.api(head, 'PATCH', `/api/retailers/${shop.id}`, { version: shop.version, gridId: otherGrid });
    expect(moved.statusCode).toBe(200);
    expect((await reread(shop.id)).gridId).toBe(otherGrid);
    const byMarketing = await t.api(manager, 'PATCH', `/api/retailers/${shop.id}`, { version: shop.version + 1, customerCode: '43028100998' });
    expect(byMarketing.statusCode).toBe(200);
    expect((await reread(shop.id)).customerCode).toBe('43028100998');
  });
});
