// Wrong orders and returns, emergency supply and the supply-plan sheet,
// through the HTTP API: an approved return or correction moves the line,
// the order totals, the limit counters and the sales figures; a declined one
// moves nothing; emergency requests are granted in part or declined with a
// reason; a bad sheet is refused whole with a report and writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { findMonthlySales } from '../../src/app/retailers/retailer-queries.js';
import { startTestApp, type TestApp } from '../support/test-app.js';
import { multipart } from '../support/retailer-factory.js';
import { ordersOutOfStepWithLines } from '../support/order-facts.js';
import type { Correction, EmergencyRequest, OrderList } from '../../src/shared/order-corrections.js';
import type { PlanDetail } from '../../src/shared/ordering.js';

let t: TestApp;
let manager: string;
let agent: string;
let worker: string;
let retailerCookie: string;
let planId: number;
let own: number; // the retailer account's shop
let orderId: number;
let scarce: { productId: number; limitQty: number };
let plain: number;
let other: number; // another non-scarce product
const db = () => t.database.db;

const line = async (productId: number) =>
  (
    await query<{ id: number; qty: number; amount: number }>(
      db(),
      sql`select id::int8 as id, ordered_qty as qty, amount::float8 as amount from order_lines where order_id = ${orderId} and product_id = ${productId}`,
    )
  ).map((l) => ({ ...l, id: Number(l.id) }));
const counter = async (productId: number) =>
  (await query<{ n: number }>(db(), sql`select ordered_qty as n from order_limits where plan_id = ${planId} and retailer_id = ${own} and product_id = ${productId}`))[0]?.n;
const orderTotals = async () =>
  (await query<{ qty: number; amount: number }>(db(), sql`select total_qty as qty, total_amount::float8 as amount from orders where id = ${orderId}`))[0];
// The monthly sales the retailer card draws (this month shows there once it is over).
const monthAmount = async () => (await findMonthlySales(db(), own, '2026-11-01')).months.find((m) => m.month === '2026-11')!.amount;

beforeAll(async () => {
  t = await startTestApp();
  [manager, agent, worker, retailerCookie] = await Promise.all([t.login('county_manager'), t.login('call_agent'), t.login('grid_worker'), t.login('retailer')]);
  [{ own }] = await query<{ own: number }>(db(), sql`select retailer_id as own from users where username = 'retailer'`);
  // The retailer orders on Tuesday; TODAY is Tuesday 10:00 Beijing time, so the window is open.
  await db().execute(sql`update retailers set order_weekday = 2 where id = ${own}`);
  const plan = (await t.api(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-23' })).json() as PlanDetail;
  planId = plan.plan.id;
  await t.api(manager, 'POST', `/api/supply-plans/${planId}/allocate`);
  await t.jobs.waitIdle();
  await t.api(manager, 'POST', `/api/supply-plans/${planId}/publish`);
  // Their limit of one scarce product is set to 5 cartons.
  [scarce] = await query<{ productId: number; limitQty: number }>(
    db(),
    sql`update order_limits set limit_qty = 5 where plan_id = ${planId} and retailer_id = ${own}
          and product_id = (select min(product_id) from order_limits where plan_id = ${planId} and retailer_id = ${own})
        returning product_id as "productId", limit_qty as "limitQty"`,
  );
  expect(scarce).toBeDefined();
  [plain, other] = plan.items.filter((i) => !i.scarce).map((i) => i.productId);
  const res = await t.api(agent, 'POST', '/api/orders', {
    retailerId: own,
    channel: 'phone',
    idempotencyKey: 'corrections-test-1',
    lines: [
      { productId: scarce.productId, orderedQty: 3 },
      { productId: plain, orderedQty: 4 },
    ],
  });
  expect(res.statusCode, res.body).toBe(201);
  orderId = res.json().orderId;
});
afterAll(() => t?.close());

describe('wrong orders and returns', () => {
  it('lists the week’s orders with their lines, searchable by shop, within scope', async () => {
    const [{ code, name }] = await query<{ code: string; name: string }>(db(), sql`select customer_code as code, shop_name as name from retailers where id = ${own}`);
    const byCode = (await t.api(agent, 'GET', `/api/orders?q=${code}`)).json() as OrderList;
    expect(byCode.week).toEqual({ planId, weekStart: '2026-11-23' });
    expect(byCode.items.map((o) => o.id)).toContain(orderId);
    expect(byCode.items.every((o) => o.retailerId === own)).toBe(true);
    expect(byCode.items[0].lines.find((l) => l.productId === plain)).toMatchObject({ orderedQty: 4, pendingQty: 0 });
    const byName = (await t.api(agent, 'GET', `/api/orders?q=${encodeURIComponent(name.slice(0, 3))}`)).json() as OrderList;
    expect(byName.items.some((o) => o.id === orderId)).toBe(true);
    // The retailer sees only their own orders; a station head of another station none of them.
    const mine = (await t.api(retailerCookie, 'GET', '/api/orders')).json() as OrderList;
    expect(mine.items.every((o) => o.retailerId === own)).toBe(true);
    const station5 = await t.login(['station5', 'station123']);
    expect(((await t.api(station5, 'GET', `/api/orders?q=${code}`)).json() as OrderList).items).toEqual([]);
  });

  it('refuses a correction while the order can still be amended, and bad requests', async () => {
    const [l] = await line(plain);
    const res = await t.api(agent, 'POST', `/api/order-lines/${l.id}/corrections`, { kind: 'return', qty: 1, reason: '退货' });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'order_amendable', message: '该订单仍在订货时间内，请直接修改订单' });
    // The window closes: from now on only a correction changes the order.
    await db().execute(sql`update order_windows set closes_at = '2026-11-24T01:00:00Z' where plan_id = ${planId}`);
    const cases: [unknown, number, string][] = [
      [{ kind: 'return', qty: 5, reason: '退货' }, 422, 'correction_too_many'],
      [{ kind: 'return', qty: 1.5, reason: '退货' }, 400, 'validation_failed'],
      [{ kind: 'return', qty: 1, reason: ' ' }, 400, 'validation_failed'],
      [{ kind: 'correction', qty: 1, reason: '录错品规' }, 400, 'validation_failed'],
      [{ kind: 'correction', qty: 1, replacementProductId: plain, reason: '录错品规' }, 422, 'replacement_same_product'],
      [{ kind: 'correction', qty: 1, replacementProductId: 999999, reason: '录错品规' }, 422, 'unknown_product'],
    ];
    for (const [body, status, code] of cases) {
      const r = await t.api(agent, 'POST', `/api/order-lines/${l.id}/corrections`, body);
      expect(r.statusCode, JSON.stringify(body)).toBe(status);
      expect(r.json().code).toBe(code);
    }
    expect((await t.api(retailerCookie, 'GET', '/api/order-corrections')).json().items).toEqual([]);
  });

  it('refuses returns and corrections on orders older than the configured period (30 days): rated history stays as it was', async () => {
    const [old] = await query<{ id: number }>(
      db(),
      sql`select l.id::int as id from order_lines l join orders o on o.id = l.order_id
          where o.retailer_id = ${own} and o.status = 'confirmed' and l.ordered_qty > 0 and o.order_date < '2026-10-01' order by o.order_date limit 1`,
    );
    const before = await query<{ n: number }>(db(), sql`select count(*)::int as n from order_corrections`);
    const res = await t.api(agent, 'POST', `/api/order-lines/${old!.id}/corrections`, { kind: 'return', qty: 1, reason: '退货' });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'correction_too_late', message: expect.stringMatching(/期限/), withinDays: 30 });
    expect(await query<{ n: number }>(db(), sql`select count(*)::int as n from order_corrections`)).toEqual(before);
  });

  it('declining leaves the order as it was; the requester reads the reason', async () => {
    const [l] = await line(plain);
    const before = await orderTotals();
    const req = await t.api(agent, 'POST', `/api/order-lines/${l.id}/corrections`, { kind: 'return', qty: 3, reason: '零售户退货' });
    expect(req.statusCode).toBe(201);
    // Pending cartons count: no more than the line holds can be asked for.
    expect((await t.api(agent, 'POST', `/api/order-lines/${l.id}/corrections`, { kind: 'return', qty: 2, reason: '再退' })).json().code).toBe('correction_too_many');
    const pending = (await t.api(manager, 'GET', '/api/order-corrections?status=pending')).json().items as Correction[];
    expect(pending.find((c) => c.id === req.json().id)).toMatchObject({ kind: 'return', qty: 3, lineQty: 4, orderId, retailerId: own, status: 'pending', requestedBy: expect.any(String) });
    expect((await t.api(agent, 'GET', `/api/orders?q=`)).json().items.find((o: { id: number }) => o.id === orderId).lines.find((x: { productId: number }) => x.productId === plain).pendingQty).toBe(3);
    const noReason = await t.api(manager, 'POST', `/api/order-corrections/${req.json().id}/decision`, { approve: false, reason: '' });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0]).toMatchObject({ field: 'reason', code: 'decline_reason_required' });
    const no = await t.api(manager, 'POST', `/api/order-corrections/${req.json().id}/decision`, { approve: false, reason: '已过退货期限' });
    expect(no.json().status).toBe('rejected');
    expect(await orderTotals()).toEqual(before);
    expect((await line(plain))[0].qty).toBe(4);
    const seen = (await t.api(retailerCookie, 'GET', '/api/order-corrections')).json().items as Correction[];
    expect(seen.find((c) => c.id === req.json().id)).toMatchObject({ status: 'rejected', decisionReason: '已过退货期限' });
  });

  it('an approved return takes cartons off the line, the totals, the limit counter and the month’s sales', async () => {
    const [l] = await line(scarce.productId);
    const [before, counted, sales] = [await orderTotals(), await counter(scarce.productId), await monthAmount()];
    const unit = l.amount / l.qty;
    const req = await t.api(worker, 'POST', `/api/order-lines/${l.id}/corrections`, { kind: 'return', qty: 2, reason: '包装破损退货' });
    expect(req.statusCode).toBe(201);
    const ok = await t.api(manager, 'POST', `/api/order-corrections/${req.json().id}/decision`, { approve: true });
    expect(ok.json()).toEqual({ id: req.json().id, status: 'approved' });
    expect((await line(scarce.productId))[0].qty).toBe(1);
    expect(await counter(scarce.productId)).toBe(counted - 2);
    const after = await orderTotals();
    expect(after.qty).toBe(before.qty - 2);
    expect(after.amount).toBeCloseTo(before.amount - 2 * unit, 2);
    expect(await monthAmount()).toBeCloseTo(sales - 2 * unit, 2);
    expect((await t.api(manager, 'POST', `/api/order-corrections/${req.json().id}/decision`, { approve: true })).json().code).toBe('correction_decided');
  });

  it('an approved correction (wrong brand) moves cartons to the right product, joining its line', async () => {
    const [from] = await line(plain);
    // Wrong brand onto a product the order lacks: a new line.
    const a = await t.api(agent, 'POST', `/api/order-lines/${from.id}/corrections`, { kind: 'correction', qty: 1, replacementProductId: other, reason: '电访员录错品规' });
    expect((await t.api(manager, 'POST', `/api/order-corrections/${a.json().id}/decision`, { approve: true, reason: '核实无误' })).json().status).toBe('approved');
    expect((await line(other)).map((x) => x.qty)).toEqual([1]);
    // And again onto it: the same line grows, no second line of one product.
    const b = await t.api(agent, 'POST', `/api/order-lines/${from.id}/corrections`, { kind: 'correction', qty: 2, replacementProductId: other, reason: '电访员录错品规' });
    await t.api(manager, 'POST', `/api/order-corrections/${b.json().id}/decision`, { approve: true });
    expect((await line(other)).map((x) => x.qty)).toEqual([3]);
    expect((await line(plain))[0].qty).toBe(1);
    // Totals and the rating facts (class-1, class-2+ cartons, lines) follow the moved cartons.
    expect(await ordersOutOfStepWithLines(db())).toEqual([]);
    // Only marketing staff decide.
    const c = await t.api(agent, 'POST', `/api/order-lines/${from.id}/corrections`, { kind: 'return', qty: 1, reason: '退货' });
    expect((await t.api(agent, 'POST', `/api/order-corrections/${c.json().id}/decision`, { approve: true })).statusCode).toBe(403);
  });
});

describe('emergency supply', () => {
  it('a retailer asks, marketing grants part of it, the retailer sees the decision', async () => {
    const r = await t.api(retailerCookie, 'POST', '/api/emergency-requests', { retailerId: own, productId: scarce.productId, qty: 10, reason: '春节前客流大，备货不足' });
    expect(r.statusCode).toBe(201);
    const id = r.json().id;
    const pending = (await t.api(manager, 'GET', '/api/emergency-requests?status=pending')).json().items as EmergencyRequest[];
    expect(pending.find((e) => e.id === id)).toMatchObject({ retailerId: own, qty: 10, status: 'pending', approvedQty: null });
    expect((await t.api(manager, 'POST', `/api/emergency-requests/${id}/decision`, { approve: true, qty: 11 })).json().code).toBe('emergency_over_requested');
    expect((await t.api(worker, 'POST', `/api/emergency-requests/${id}/decision`, { approve: true, qty: 6 })).statusCode).toBe(403);
    const ok = await t.api(manager, 'POST', `/api/emergency-requests/${id}/decision`, { approve: true, qty: 6, reason: '调剂 6 条' });
    expect(ok.json()).toEqual({ id, status: 'approved', approvedQty: 6 });
    expect((await t.api(manager, 'POST', `/api/emergency-requests/${id}/decision`, { approve: false, reason: '重复' })).json().code).toBe('request_decided');
    const mine = (await t.api(retailerCookie, 'GET', '/api/emergency-requests')).json().items as EmergencyRequest[];
    expect(mine.find((e) => e.id === id)).toMatchObject({ status: 'approved', approvedQty: 6, decisionReason: '调剂 6 条', decidedBy: expect.any(String) });
    expect((await t.api(manager, 'GET', '/api/emergency-requests?status=pending')).json().items.some((e: EmergencyRequest) => e.id === id)).toBe(false);
  });

  it('declining needs a reason; a grid worker asks only for their own retailers', async () => {
    const r = await t.api(worker, 'POST', '/api/emergency-requests', { retailerId: own, productId: plain, qty: 5, reason: '节前备货' });
    expect(r.statusCode).toBe(201);
    const noReason = await t.api(manager, 'POST', `/api/emergency-requests/${r.json().id}/decision`, { approve: false });
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().details[0].code).toBe('decline_reason_required');
    expect((await t.api(manager, 'POST', `/api/emergency-requests/${r.json().id}/decision`, { approve: false, reason: '本周货源已全部投放' })).json()).toMatchObject({ status: 'declined', approvedQty: null });
    const [{ id: far }] = await query<{ id: number }>(db(), sql`select r.id from retailers r join grids g on g.id = r.grid_id where g.worker_id <> (select id from users where username = 'worker1') limit 1`);
    expect((await t.api(worker, 'POST', '/api/emergency-requests', { retailerId: far, productId: plain, qty: 5, reason: '节前备货' })).statusCode).toBe(404);
  });
});

describe('supply plan from Excel', () => {
  let draftId: number;
  const upload = (cookie: string, id: number, filename: string, data: Buffer) => {
    const body = multipart(filename, data);
    return t.app.inject({ method: 'POST', url: `/api/supply-plans/${id}/import`, headers: { cookie, ...body.headers }, payload: body.payload });
  };
  const sheet = async (rows: (string | number)[][]) => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('货源计划');
    ws.addRow(['商品编码', '商品名称', '可供量（条）', '是否紧俏']);
    ws.addRows(rows);
    return Buffer.from(await wb.xlsx.writeBuffer());
  };
  const items = async () =>
    query<{ productId: number; supplyQty: number; scarce: boolean }>(
      db(),
      sql`select product_id as "productId", supply_qty as "supplyQty", scarce from supply_plan_items where plan_id = ${draftId} order by product_id`,
    );

  it('the template lists every product with the plan’s figures; an edited one imports', async () => {
    draftId = (await t.api(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-30' })).json().plan.id;
    await t.api(manager, 'POST', `/api/supply-plans/${draftId}/allocate`);
    await t.jobs.waitIdle();
    const tpl = await t.api(manager, 'GET', `/api/supply-plans/${draftId}/import-template`);
    expect(tpl.statusCode).toBe(200);
    expect(tpl.headers['content-disposition']).toContain('.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(tpl.rawPayload as unknown as ExcelJS.Buffer);
    const ws = wb.getWorksheet('货源计划')!;
    expect((ws.getRow(1).values as string[]).slice(1)).toEqual(['商品编码', '商品名称', '可供量（条）', '是否紧俏']);
    const [{ n }] = await query<{ n: number }>(db(), sql`select count(*)::int n from products where active`);
    expect(ws.rowCount).toBe(n + 1);
    // Change the first product: 77 cartons, scarce.
    const code = String(ws.getRow(2).getCell(1).value);
    ws.getRow(2).getCell(3).value = 77;
    ws.getRow(2).getCell(4).value = '是';
    const res = await upload(manager, draftId, 'plan.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().updated + res.json().added).toBe(n);
    const [{ id }] = await query<{ id: number }>(db(), sql`select id from products where code = ${code}`);
    expect((await items()).find((i) => i.productId === id)).toMatchObject({ supplyQty: 77, scarce: true });
    // The plan must be allocated again before it is published.
    expect((await t.api(manager, 'POST', `/api/supply-plans/${draftId}/publish`)).json().code).toBe('plan_not_allocated');
  });

  it('a file with bad rows is refused whole, with row, column and reason in Chinese, and writes nothing', async () => {
    const [a, b] = await query<{ code: string }>(db(), sql`select code from products where active order by code limit 2`);
    const before = await items();
    const res = await upload(
      manager,
      draftId,
      'plan.xlsx',
      await sheet([
        [a.code, '', 50, '否'],
        ['NO-SUCH-CODE', '', 10, '否'],
        [b.code, '', -5, '是'],
        [b.code, '', 2.5, '是'],
        [a.code, '', 8, '否'],
      ]),
    );
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('import_rejected');
    expect(res.json().rows.map((e: { row: number; column: string; message: string }) => [e.row, e.column, e.message])).toEqual([
      [3, '商品编码', '商品编码不存在或已停供'],
      [4, '可供量（条）', '可供量应为不小于 0 的整条数'],
      [5, '商品编码', '与文件中另一行重复（第 4 行）'],
      [5, '可供量（条）', '可供量应为不小于 0 的整条数'],
      [6, '商品编码', '与文件中另一行重复（第 2 行）'],
    ]);
    expect(await items()).toEqual(before);
    // Not a spreadsheet; a published plan; only marketing staff.
    expect((await upload(manager, draftId, 'plan.xlsx', Buffer.from('not a zip'))).json().code).toBe('import_bad_file');
    expect((await upload(manager, planId, 'plan.xlsx', await sheet([[a.code, '', 5, '否']]))).json().code).toBe('plan_published');
    expect((await upload(agent, draftId, 'plan.xlsx', await sheet([[a.code, '', 5, '否']]))).statusCode).toBe(403);
    expect(await items()).toEqual(before);
  });
});
