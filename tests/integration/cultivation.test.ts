// New-brand cultivation (issue 17 item 4) through the HTTP app: a launch is
// made for one grid's shops, orders of hand-picked weeks give the 上柜率 and
// 复购率 computed by hand, a worker's visit records the shelf and feedback, the
// band of earlier launches warns marketing once, scope holds per role, and
// bad input is refused and changes nothing.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { refreshOrderFacts } from '../../src/db/order-facts.js';
import { listCatalogProducts } from '../../src/db/product-catalog.js';
import { recomputeLaunchStats } from '../../src/app/cultivation/recompute-launch-stats.js';
import { launchListingRateByWorker } from '../../src/app/cultivation/launch-listing-rate-by-worker.js';
import type { LaunchDashboard } from '../../src/shared/cultivation.js';
import { startTestApp, TODAY, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let head: string;
let worker: string;
let orgId: number;
let gridId: number;
let productId: number;
let shops: { id: number; lat: number; lng: number }[];
let launchId: number;
const db = () => t.database.db;
const form = { displayScore: 4, priceTags: 'complete' as const, storeImage: 'B' as const };
const counts = async () =>
  (await query<{ launches: number; targets: number; checks: number; visits: number }>(db(), sql`select (select count(*)::int from launches) as launches,
    (select count(*)::int from launch_targets) as targets, (select count(*)::int from launch_checks) as checks, (select count(*)::int from visits) as visits`))[0];

async function order(retailerId: number, date: string, qty: number, status = 'confirmed') {
  const [o] = await query<{ id: number }>(db(), sql`insert into orders (org_id, retailer_id, order_date, channel, status, total_qty, total_amount, settlement_method)
    values (${orgId}, ${retailerId}, ${date}, 'phone', ${status}, 0, 0, 'cash') returning id::int`);
  await db().execute(sql`insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
    values (${orgId}, ${o.id}, ${productId}, ${qty + 1}, ${qty}, ${qty}, 100, ${qty * 100})`);
  await refreshOrderFacts(db(), sql`o.id = ${o.id}`);
}

beforeAll(async () => {
  t = await startTestApp();
  [manager, head, worker] = await Promise.all([t.login('county_manager'), t.login('station_head'), t.login('grid_worker')]);
  const [w] = await query<{ orgId: number; gridId: number }>(db(), sql`select u.org_id as "orgId", g.id as "gridId" from users u join grids g on g.worker_id = u.id
    where u.username = 'worker1' order by g.id limit 1`);
  ({ orgId, gridId } = w);
  shops = await query(db(), sql`select id, lat, lng from retailers where grid_id = ${gridId} and status = 'active' order by id`);
  productId = (await listCatalogProducts(db(), orgId, [{ code: '43099777', brand: '芙蓉王', name: '测试新品', priceClass: 2, wholesalePrice: 100, retailPrice: 120, provinceMade: false, isNew: true }])).get('43099777')!;
}, 120_000);
afterAll(async () => {
  await t?.close();
});

describe('the demo county', () => {
  it('has earlier launches for the band and one in progress with orders and feedback', async () => {
    const list = (await t.api(manager, 'GET', '/api/launches')).json().items as { id: number; status: string; currentWeek: number; targets: number }[];
    const active = list.filter((l) => l.status === 'active');
    expect(list.filter((l) => l.status === 'finished').length).toBeGreaterThanOrEqual(2);
    expect(active.length).toBe(1);
    expect(active[0].currentWeek).toBe(6);
    const d = (await t.api(manager, 'GET', `/api/launches/${active[0].id}`)).json() as LaunchDashboard;
    expect(d.curve.length).toBe(6);
    expect(d.curve[5].listingRate).toBeGreaterThan(0);
    expect(d.bands.listingRate.length).toBeGreaterThanOrEqual(5);
    expect(d.feedback.checks).toBeGreaterThan(0);
    expect(d.byGrid.length).toBeGreaterThan(1);
  });
});

describe('a launch', () => {
  it('refuses a launch without a product or target, or with no shop in its target, and changes nothing', async () => {
    const before = await counts();
    const noProduct = await t.api(manager, 'POST', '/api/launches', { launchWeek: '2026-11-02', target: { gridIds: [gridId] } });
    expect(noProduct.statusCode).toBe(422);
    expect(noProduct.json().code).toBe('launch_product_required');
    const noTarget = await t.api(manager, 'POST', '/api/launches', { productId, launchWeek: '2026-11-02' });
    expect(noTarget.json().code).toBe('launch_target_required');
    const empty = await t.api(manager, 'POST', '/api/launches', { productId, launchWeek: '2026-11-02', target: { gridIds: [gridId], tierMin: 30, formats: ['Q'], segments: ['close'] } });
    expect(empty.statusCode).toBe(422);
    expect(empty.json().code).toBe('launch_target_empty');
    expect((await t.api(manager, 'POST', '/api/launches', { productId: 2147483000, launchWeek: '2026-11-02', target: {} })).json().code).toBe('launch_product_required');
    expect((await t.api(manager, 'POST', '/api/launches', { productId, launchWeek: '2026-13-02', target: {} })).statusCode).toBe(400);
    expect((await t.api(worker, 'POST', '/api/launches', { productId, launchWeek: '2026-11-02', target: {} })).statusCode).toBe(403);
    expect(await counts()).toEqual(before);
  });

  it('targets one grid, written with its audit row and a job', async () => {
    const res = await t.api(manager, 'POST', '/api/launches', { productId, name: '测试新品', launchWeek: '2026-11-04', weeks: 8, target: { gridIds: [gridId] } });
    expect(res.statusCode).toBe(201);
    ({ id: launchId } = res.json());
    expect(res.json().targets).toBe(shops.length);
    const [l] = await query<{ week: string }>(db(), sql`select to_char(launch_week, 'YYYY-MM-DD') as week from launches where id = ${launchId}`);
    expect(l.week).toBe('2026-11-02');
    const [a] = await query<{ n: number }>(db(), sql`select count(*)::int as n from audit_log where entity = 'launch' and entity_ids[1] = ${launchId} and action = 'create'`);
    expect(a.n).toBe(1);
    await t.jobs.waitIdle();
  });

  it('上柜率 and 复购率 by lifecycle week as computed by hand, shelf and feedback from a visit', async () => {
    const [a, b, c, d] = shops;
    await order(a.id, '2026-11-03', 2); // week 1
    await order(a.id, '2026-11-17', 1); // week 3: a reorder
    await order(b.id, '2026-11-10', 2); // week 2
    await order(c.id, '2026-11-05', 1); // week 1
    await order(c.id, '2026-11-12', 1, 'cancelled'); // a cancelled order is no reorder
    await order(d.id, '2026-11-09', 1); // week 2, twice: still one week
    await order(d.id, '2026-11-13', 1);
    await order(shops[4].id, '2026-10-27', 3); // before the launch week: not counted
    // The worker records the shelf and feedback at shop a; at a shop outside the target the visit is refused whole.
    const outside = await query<{ id: number; lat: number; lng: number }>(db(), sql`select r.id, r.lat, r.lng from retailers r join grids g on g.id = r.grid_id
      join users u on u.id = g.worker_id where u.username = 'worker1' and r.grid_id <> ${gridId} and r.status = 'active' limit 1`);
    const check = { launchId, onShelf: true, taste: 4, priceAcceptance: 'fair', pack: 5, rebuyIntent: 'yes', samplesGiven: 3 };
    if (outside.length) {
      const before = await counts();
      const refused = await t.api(worker, 'PUT', `/api/visits/${randomUUID()}`, { retailerId: outside[0].id, checkIn: outside[0], form: { ...form, launch: check } });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().code).toBe('launch_not_targeted');
      expect(await counts()).toEqual(before);
    }
    const visitId = randomUUID();
    const ok = await t.api(worker, 'PUT', `/api/visits/${visitId}`, { retailerId: a.id, checkIn: a, form: { ...form, launch: check } });
    expect(ok.statusCode).toBe(200);
    // Sent again: stored once.
    expect((await t.api(worker, 'PUT', `/api/visits/${visitId}`, { retailerId: a.id, checkIn: a, form: { ...form, launch: check } })).json().duplicate).toBe(true);

    expect((await t.api(manager, 'POST', `/api/launches/${launchId}/recompute`)).statusCode).toBe(202);
    await t.jobs.waitIdle();
    const dash = (await t.api(manager, 'GET', `/api/launches/${launchId}`)).json() as LaunchDashboard;
    const n = shops.length;
    // 2026-11-24 is in lifecycle week 4.
    expect(dash.curve.map((p) => p.week)).toEqual([1, 2, 3, 4]);
    expect(dash.curve[0].listingRate).toBeCloseTo(2 / n);
    expect(dash.curve[1].listingRate).toBeCloseTo(4 / n);
    expect(dash.curve[1].reorderRate).toBe(0);
    expect(dash.curve[2].reorderRate).toBeCloseTo(1 / 4);
    expect(dash.curve[2].shelfRate).toBe(0);
    expect(dash.curve[3].shelfRate).toBeCloseTo(1 / n);
    expect(dash.curve[3].distributionRate).toBeCloseTo(1 / n);
    expect(dash.curve[0].supplied).toBe(3);
    expect(dash.curve[1].requested).toBe(3 + 2 + 2); // b 3, d 2 + 2 (c's cancelled order not counted)
    expect(dash.feedback).toMatchObject({ checks: 1, onShelf: 1, tasteAvg: 4, packAvg: 5, samples: 3, rebuy: { yes: 1 }, price: { fair: 1 } });
    expect(dash.byGrid).toEqual([expect.objectContaining({ key: gridId, targets: n })]);
    expect(dash.byGrid[0].listingRate).toBeCloseTo(4 / n);
  });

  it('在架率 by week is what each shop’s latest check up to that week said: a later check, even in the same week, overrides', async () => {
    const [, b, c] = shops;
    const [{ workerId }] = await query<{ workerId: number }>(db(), sql`select worker_id as "workerId" from launch_targets where org_id = ${orgId} and launch_id = ${launchId} limit 1`);
    const plant = (retailerId: number, day: string, onShelf: boolean) =>
      db().execute(sql`insert into launch_checks (org_id, launch_id, visit_id, retailer_id, worker_id, visit_date, on_shelf, taste, price_acceptance, pack, rebuy_intent, samples_given, created_at)
        values (${orgId}, ${launchId}, ${randomUUID()}, ${retailerId}, ${workerId}, ${day}::date, ${onShelf}, 3, 'fair', 3, 'maybe', 0, (${day}::date + interval '10 hours')::timestamp at time zone 'Asia/Shanghai')`);
    await plant(b.id, '2026-11-04', true); // week 1: on the shelf…
    await plant(b.id, '2026-11-18', false); // …week 3: gone
    await plant(c.id, '2026-11-10', true); // week 2: on, then off two days later: off
    await plant(c.id, '2026-11-12', false);
    await plant(c.id, '2026-11-23', true); // week 4: back
    expect((await t.api(manager, 'POST', `/api/launches/${launchId}/recompute`)).statusCode).toBe(202);
    await t.jobs.waitIdle();
    const dash = (await t.api(manager, 'GET', `/api/launches/${launchId}`)).json() as LaunchDashboard;
    const n = shops.length;
    // Shop a's on-shelf check from the visit above is in week 4.
    expect(dash.curve.map((p) => Math.round(p.distributionRate! * n))).toEqual([1, 1, 0, 2]);
    // 上柜 (ever seen on the shelf) only grows: b from week 1, c from week 2, a in week 4.
    expect(dash.curve.map((p) => Math.round(p.shelfRate! * n))).toEqual([1, 2, 2, 3]);
  });

  it('below the band of earlier launches: a warning on the dashboard and one notice to marketing, not repeated', async () => {
    // A second product launched to the same grid the same week, never ordered: 上柜率 0 in week 3.
    const other = (await listCatalogProducts(db(), orgId, [{ code: '43099778', brand: '芙蓉王', name: '无人问津', priceClass: 3, wholesalePrice: 80, retailPrice: 100, provinceMade: false, isNew: true }])).get('43099778')!;
    const created = await t.api(manager, 'POST', '/api/launches', { productId: other, launchWeek: '2026-11-02', target: { gridIds: [gridId] } });
    expect(created.statusCode).toBe(201);
    const id = created.json().id as number;
    await t.jobs.waitIdle();
    const dash = (await t.api(manager, 'GET', `/api/launches/${id}`)).json() as LaunchDashboard;
    const band = dash.bands.listingRate.find((b) => b.week === 3)!;
    expect(band.launches).toBeGreaterThanOrEqual(2);
    expect(band.low).toBeGreaterThan(0);
    expect(dash.warnings).toContainEqual(expect.objectContaining({ week: 3, measure: 'listingRate', value: 0 }));
    expect((await t.api(manager, 'GET', '/api/launches')).json().items.find((l: { id: number }) => l.id === id).warning).toBe(true);
    const inbox = async () => ((await t.api(manager, 'GET', '/api/notices')).json().items as { title: string; body: string }[]).filter((x) => x.title.includes('无人问津'));
    // One notice per measure below its band (上柜率, and the quantity asked for, also nil).
    expect((await inbox()).length).toBe(dash.warnings.length);
    expect((await inbox()).map((x) => x.body)).toContainEqual(expect.stringContaining('第 3 周上柜率为 0.0%'));
    await recomputeLaunchStats(db(), orgId, id, TODAY);
    expect((await inbox()).length).toBe(dash.warnings.length);
  });

  it('each role sees its own scope; a launch id outside it is 404', async () => {
    const headView = (await t.api(head, 'GET', `/api/launches/${launchId}`));
    const [st] = await query<{ stationId: number }>(db(), sql`select station_id as "stationId" from users where username = 'station1'`);
    const [gs] = await query<{ stationId: number }>(db(), sql`select station_id as "stationId" from grids where id = ${gridId}`);
    if (st.stationId === gs.stationId) {
      expect(headView.statusCode).toBe(200);
      expect(headView.json().scope).toBe('station');
      expect(headView.json().warnings).toEqual([]);
    } else expect(headView.statusCode).toBe(404);
    const mine = (await t.api(worker, 'GET', `/api/launches/${launchId}`)).json() as LaunchDashboard;
    expect(mine.scope).toBe('worker');
    expect(mine.byWorker.map((w) => w.targets)).toEqual([shops.length]);
    expect((await t.api(manager, 'GET', '/api/launches/2147483000')).statusCode).toBe(404);
    expect((await t.api(head, 'POST', `/api/launches/${launchId}/recompute`)).statusCode).toBe(403);
  });

  it('gives score sheets each worker’s listing rate of a month', async () => {
    const rows = await launchListingRateByWorker(db(), orgId, '2026-11');
    const [w] = await query<{ id: number }>(db(), sql`select id from users where username = 'worker1'`);
    const mine = rows.find((r) => r.workerId === w.id)!;
    const [expected] = await query<{ targets: number }>(db(), sql`select count(*)::int as targets from launch_targets t join launches l on l.org_id = t.org_id and l.id = t.launch_id
      where t.worker_id = ${w.id} and l.launch_week < '2026-12-01' and l.launch_week + 7 * l.weeks > '2026-11-01'`);
    expect(mine.targets).toBe(expected.targets);
    expect(mine.listed).toBeGreaterThanOrEqual(4);
    expect(mine.rate).toBeCloseTo(mine.listed / mine.targets);
    expect(await launchListingRateByWorker(db(), orgId, '2020-01')).toEqual([]);
  });
});
