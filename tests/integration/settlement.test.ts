// The settlement screen's API and the order-cycle measures on the demo county:
// the daily report with its one-sided records, failed deductions flagged to
// retailer and grid worker and seen within scope, retry, and stock-out rate
// and 动销率 per product and grid.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import type { FailedDeductions, SettlementReport } from '../../src/shared/settlement.js';
import type { OrderCycleStats } from '../../src/shared/ordering-stats.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let head: string;
let worker: string;
let agent: string;
let worker1Id: number;

const db = () => t.database.db;
const failedList = async (cookie: string) => (await t.api(cookie, 'GET', '/api/settlement/failed')).json() as FailedDeductions;

beforeAll(async () => {
  t = await startTestApp();
  [manager, head, worker, agent] = await Promise.all([t.login('county_manager'), t.login('station_head'), t.login('grid_worker'), t.login('call_agent')]);
  [{ id: worker1Id }] = await query<{ id: number }>(db(), sql`select id from users where username = 'worker1'`);
});
afterAll(() => t?.close());

describe('daily settlement report', () => {
  it('opens on the latest order day with totals by method and status, and lists only the real one-sided records', async () => {
    const res = await t.api(manager, 'GET', '/api/settlement/report');
    expect(res.statusCode).toBe(200);
    const report = res.json() as SettlementReport;
    const [{ day, orders, amount }] = await query<{ day: string; orders: number; amount: number }>(
      db(),
      sql`select max(order_date)::text as day, count(*) filter (where order_date = (select max(order_date) from orders where status = 'confirmed'))::int as orders,
                 coalesce(sum(total_amount) filter (where order_date = (select max(order_date) from orders where status = 'confirmed')), 0)::float8 as amount
          from orders where status = 'confirmed'`,
    );
    expect(report.date).toBe(day);
    expect(report.totals.reduce((s, x) => s + x.orders, 0)).toBe(orders);
    expect(report.totals.reduce((s, x) => s + x.amount, 0)).toBeCloseTo(amount, 2);
    expect(new Set(report.totals.map((x) => x.method))).toContain('bank_deduction');
    // The demo's history has its bank and POS records: the two planted one-sided records are all there is.
    expect(report.mismatches.map((m) => m.kind).sort()).toEqual(['amount_differs', 'deducted_twice']);
    const twice = report.mismatches.find((m) => m.kind === 'deducted_twice')!;
    expect(twice.deductions).toBe(2);
    expect(twice.deducted).toBeCloseTo(twice.orderAmount * 2, 2);
    expect(twice.externalRefs).toHaveLength(2);
    expect(twice.retailer.shopName.length).toBeGreaterThan(0);
    const less = report.mismatches.find((m) => m.kind === 'amount_differs')!;
    expect(less.deducted).toBeLessThan(less.orderAmount);
  });

  it('refuses a malformed date with a message in Chinese, and anyone but marketing', async () => {
    const bad = await t.api(manager, 'GET', '/api/settlement/report?date=2026-11');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0]).toMatchObject({ field: 'date', code: 'date_format', message: '日期格式应为 YYYY-MM-DD' });
    expect((await t.api(head, 'GET', '/api/settlement/report')).statusCode).toBe(403);
  });
});

describe('failed deductions', () => {
  it('are flagged to the retailer and the grid worker, and each territory sees its own', async () => {
    const all = await failedList(manager);
    expect(all.items.length).toBeGreaterThan(1);
    expect(all.failed).toBe(all.items.length);
    for (const f of all.items) {
      expect(f.settlementStatus).toBe('failed');
      expect(f.flagged).toEqual({ retailer: true, worker: true });
      expect(f.failureReason).toBeTruthy();
    }
    const mine = await failedList(worker);
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.length).toBeLessThan(all.items.length);
    expect(mine.items.every((f) => f.worker?.id === worker1Id)).toBe(true);
    const station = await failedList(head);
    const [{ n }] = await query<{ n: number }>(
      db(),
      sql`select count(*)::int n from orders o join retailers r on r.id = o.retailer_id join grids g on g.id = r.grid_id
          where o.settlement_status = 'failed' and o.status = 'confirmed' and g.station_id = (select station_id from users where username = 'station1')`,
    );
    expect(station.items.length).toBe(n);
    expect((await t.api(agent, 'GET', '/api/settlement/failed')).statusCode).toBe(403);
  });

  it('a new failure shows up for marketing and the worker; a retry puts it back to pending until the bank deducts it', async () => {
    const [o] = await query<{ id: number }>(
      db(),
      sql`select o.id::int8 as id from orders o join retailers r on r.id = o.retailer_id join grids g on g.id = r.grid_id
          where g.worker_id = ${worker1Id} and o.status = 'confirmed' and o.settlement_status = 'deducted' and o.settlement_method <> 'cash'
          order by o.order_date desc, o.id limit 1`,
    );
    const id = Number(o.id);
    expect((await t.api(manager, 'POST', `/api/orders/${id}/settlement`, { status: 'failed', failureReason: '账户余额不足' })).statusCode).toBe(200);
    const seen = (await failedList(worker)).items.find((f) => f.orderId === id);
    expect(seen).toMatchObject({ settlementStatus: 'failed', failureReason: '账户余额不足', flagged: { retailer: true, worker: true } });
    expect(seen!.attempts).toBeGreaterThanOrEqual(1);

    // Only marketing retries.
    expect((await t.api(worker, 'POST', `/api/orders/${id}/settlement/retry`)).statusCode).toBe(403);
    const retry = await t.api(manager, 'POST', `/api/orders/${id}/settlement/retry`);
    expect(retry.json()).toEqual({ orderId: id, settlementStatus: 'pending' });
    const after = await failedList(manager);
    expect(after.items.find((f) => f.orderId === id)?.settlementStatus).toBe('pending');
    expect(after.retrying).toBeGreaterThanOrEqual(1);
    expect((await t.api(manager, 'POST', `/api/orders/${id}/settlement/retry`)).json().code).toBe('settlement_not_failed');

    await t.api(manager, 'POST', `/api/orders/${id}/settlement`, { status: 'deducted', externalRef: 'BK-RETRY-1' });
    expect((await failedList(manager)).items.some((f) => f.orderId === id)).toBe(false);
  });
});

describe('stock-out rate and 动销率', () => {
  it('opens on the latest order week and counts stock-outs per product and grid', async () => {
    const before = (await t.api(manager, 'GET', '/api/ordering/stats')).json() as OrderCycleStats;
    const [{ monday }] = await query<{ monday: string }>(db(), sql`select date_trunc('week', max(order_date))::date::text as monday from orders where status = 'confirmed'`);
    expect(before.weekStart).toBe(monday);
    // A demand line with nothing available: the retailer asked for 3 cartons of a product it had no limit for.
    const [line] = await query<{ orderId: number; gridId: number; productId: number }>(
      db(),
      sql`select o.id::int8 as "orderId", r.grid_id as "gridId", p.id as "productId" from orders o join retailers r on r.id = o.retailer_id
          cross join lateral (select id from products where id not in (select product_id from order_lines where order_id = o.id) order by id limit 1) p
          where o.status = 'confirmed' and o.order_date >= ${monday}::date order by o.id limit 1`,
    );
    await db().execute(sql`insert into order_lines (org_id, order_id, product_id, demand_qty, available_qty, ordered_qty, unit_price, amount)
      select org_id, id, ${line.productId}, 3, 0, 0, 100, 0 from orders where id = ${line.orderId}`);
    const after = (await t.api(manager, 'GET', `/api/ordering/stats?weekStart=${monday}`)).json() as OrderCycleStats;
    const grid = (s: OrderCycleStats) => s.grids.find((g) => g.gridId === line.gridId)!;
    const prod = (s: OrderCycleStats) => s.products.find((p) => p.productId === line.productId);
    expect(grid(after).stockoutLines).toBe(grid(before).stockoutLines + 1);
    expect(prod(after)!.stockoutLines).toBe((prod(before)?.stockoutLines ?? 0) + 1);
    expect(prod(after)!.stockoutRatePct).toBeCloseTo((prod(after)!.stockoutLines / prod(after)!.demandLines) * 100, 1);
    const demand = after.grids.reduce((s, g) => s + g.demandLines, 0);
    const out = after.grids.reduce((s, g) => s + g.stockoutLines, 0);
    expect(after.stockoutRatePct).toBeCloseTo((out / demand) * 100, 1);
    for (const p of after.products) expect(p.ordering).toBeLessThanOrEqual(p.base);
    for (const g of after.grids) {
      expect(g.ordering).toBeLessThanOrEqual(g.base);
      expect(g.stationName.length).toBeGreaterThan(0);
    }
    // 动销率 of the county: of those who ordered in the three weeks before, the share ordering this week.
    const [act] = await query<{ base: number; ordering: number }>(
      db(),
      sql`with b as (select distinct retailer_id from orders where status = 'confirmed' and order_date >= ${monday}::date - 21 and order_date < ${monday}::date)
          select count(*)::int as base, count(*) filter (where exists (select 1 from orders o where o.retailer_id = b.retailer_id and o.status = 'confirmed'
            and o.order_date >= ${monday}::date and o.order_date < ${monday}::date + 7))::int as ordering from b`,
    );
    expect(after.sellThroughPct).toBeCloseTo((act.ordering / act.base) * 100, 1);
  });

  it("a station head sees their station's grids, a grid worker their own", async () => {
    const all = (await t.api(manager, 'GET', '/api/ordering/stats')).json() as OrderCycleStats;
    const station = (await t.api(head, 'GET', '/api/ordering/stats')).json() as OrderCycleStats;
    const mine = (await t.api(worker, 'GET', '/api/ordering/stats')).json() as OrderCycleStats;
    const gridsOf = async (where: ReturnType<typeof sql>) => new Set((await query<{ id: number }>(db(), sql`select g.id from grids g where ${where}`)).map((g) => g.id));
    const stationGrids = await gridsOf(sql`g.station_id = (select station_id from users where username = 'station1')`);
    const workerGrids = await gridsOf(sql`g.worker_id = ${worker1Id}`);
    expect(station.grids.length).toBeGreaterThan(0);
    expect(station.grids.every((g) => stationGrids.has(g.gridId))).toBe(true);
    expect(mine.grids.length).toBeGreaterThan(0);
    expect(mine.grids.every((g) => workerGrids.has(g.gridId))).toBe(true);
    expect(mine.grids.length).toBeLessThan(all.grids.length);
    const lines = (s: OrderCycleStats) => s.products.reduce((n, p) => n + p.demandLines, 0);
    expect(lines(mine)).toBeLessThan(lines(all));
  });
});
