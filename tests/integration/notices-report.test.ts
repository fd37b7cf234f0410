// The notices report's reminder effect (issue 16 item 5): of the shops due to
// order in a closed window, those their reminder reached (read in the app
// before the window closed) and how many ordered, against those it did not reach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { query } from '../../src/db/client.js';
import { generateWindowNotices } from '../../src/app/notices/generate-window-notices.js';
import { noticeReport } from '../../src/app/notices/notice-report.js';
import type { Viewer } from '../../src/domain/access/viewer.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let planId: number;
let viewer: Viewer;
const db = () => t.database.db;

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('county_manager');
  [viewer] = await query<Viewer>(db(), sql`select id as "userId", org_id as "orgId", role, username, display_name as "displayName", station_id as "stationId", retailer_id as "retailerId" from users where username = 'manager'`);
  planId = (await t.api(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-23' })).json().plan.id;
  expect((await t.api(manager, 'POST', `/api/supply-plans/${planId}/allocate`)).statusCode).toBe(202);
  await t.jobs.waitIdle();
  expect((await t.api(manager, 'POST', `/api/supply-plans/${planId}/publish`)).statusCode).toBe(200);
  await t.jobs.waitIdle();
  await t.jobs.stop(0);
}, 120_000);
afterAll(() => t?.close());

describe('reminder effect', () => {
  it('compares the ordering of shops the reminder reached with those it did not', async () => {
    // Monday 10:00 Beijing: the reminders for Tuesday's window.
    await generateWindowNotices(db(), viewer.orgId, new Date('2026-11-23T02:00:00Z'));
    const tuesday = await query<{ id: number; notice: number }>(db(), sql`select n.retailer_id as id, n.id::int as notice from notices n join retailers r on r.id = n.retailer_id
      where n.template = 'order_window_open' and n.occasion = ${`plan:${planId}`} and r.order_weekday = 2 and r.status = 'active'
        and exists (select 1 from order_limits l where l.plan_id = ${planId} and l.retailer_id = r.id) order by r.id`);
    expect(tuesday.length).toBeGreaterThan(4);
    const [readOrdered, readOnly, unreadOrdered] = tuesday;
    await query(db(), sql`update notices set read_at = '2026-11-23T03:00:00Z' where id in (${readOrdered.notice}, ${readOnly.notice})`);
    const [plain] = await query<{ id: number }>(db(), sql`select product_id as id from supply_plan_items where plan_id = ${planId} and not scarce limit 1`);
    const agent = await t.login('call_agent');
    for (const shop of [readOrdered, unreadOrdered]) {
      const res = await t.api(agent, 'POST', '/api/orders', { retailerId: shop.id, channel: 'phone', idempotencyKey: `effect-${shop.id}`, lines: [{ productId: plain.id, orderedQty: 1 }] });
      expect(res.statusCode, res.body).toBe(201);
    }
    // Wednesday morning: Monday's and Tuesday's windows have closed.
    const { reminderEffect: e } = await noticeReport(db(), viewer, 7, new Date('2026-11-25T00:00:00Z'));
    expect(e.reached).toBe(2);
    expect(e.reachedOrdered).toBe(1);
    expect(e.reachedShare).toBe(0.5);
    expect(e.notReachedOrdered).toBe(1);
    expect(e.notReached).toBeGreaterThanOrEqual(tuesday.length - 2);
    expect(e.notReachedShare).toBeCloseTo(1 / e.notReached, 3);
    // Through the route: the same figures for the manager, nothing for a window not yet closed.
    const res = await t.api(manager, 'GET', '/api/notices/report');
    expect(res.statusCode).toBe(200);
    expect(res.json().reminderEffect).toMatchObject({ windows: expect.any(Number) });
  });
});
