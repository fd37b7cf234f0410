// Supply plans, allocation and order taking (issue 6). Plans are created for
// weeks far ahead, so no order window is open: order calls within scope get
// 422 outside_window, out of scope 404.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

let week = 0;
let planId = 0;
let otherOrderId = 0;
let otherLineId = 0;
const nextWeek = () => new Date(Date.UTC(2027, 0, 4 + 7 * week++)).toISOString().slice(0, 10);

const orderBody = async (ctx: MatrixContext, retailerId: number) => {
  const [o] = await query<{ id: number }>(ctx.t.database.db, sql`select id::int8 as id from orders where retailer_id = ${ctx.other()} and settlement_status <> 'failed' order by id desc limit 1`);
  otherOrderId = Number(o.id);
  const [l] = await query<{ id: number }>(ctx.t.database.db, sql`select id::int8 as id from order_lines where order_id = ${otherOrderId} limit 1`);
  otherLineId = Number(l.id);
  return { retailerId, channel: 'phone', idempotencyKey: `matrix-${Math.random().toString(36).slice(2)}`, lines: [{ productId: 1, orderedQty: 1 }] };
};

export const ordering: MatrixModule = {
  reset: () => {
    week = 0;
    planId = 0;
    otherOrderId = 0;
    otherLineId = 0;
  },
  calls: (ctx) => [
    //                                                                                        admin mgr  head worker agent retailer
    { name: 'supply plans', method: 'GET', route: '/api/supply-plans', url: () => '/api/supply-plans', expected: [200, 200, 200, 200, 200, 403] },
    {
      name: 'supply plan create',
      method: 'POST',
      route: '/api/supply-plans',
      url: () => '/api/supply-plans',
      body: async () => {
        // The plan the calls below work on, made once directly.
        if (!planId) {
          const [p] = await query<{ id: number }>(
            ctx.t.database.db,
            sql`insert into supply_plans (org_id, week_start) select org_id, '2030-01-07' from retailers where id = ${ctx.own()} returning id`,
          );
          planId = Number(p.id);
        }
        return { weekStart: nextWeek() };
      },
      expected: [201, 201, 403, 403, 403, 403],
    },
    { name: 'supply plan', method: 'GET', route: '/api/supply-plans/:id', url: () => `/api/supply-plans/${planId}`, expected: [200, 200, 200, 200, 200, 403] },
    {
      name: 'supply plan items',
      method: 'PUT',
      route: '/api/supply-plans/:id/items',
      url: () => `/api/supply-plans/${planId}/items`,
      body: async () => ({ items: [{ productId: 1, supplyQty: 10, scarce: true }] }),
      expected: [200, 200, 403, 403, 403, 403],
    },
    { name: 'supply plan allocate', method: 'POST', route: '/api/supply-plans/:id/allocate', url: () => `/api/supply-plans/${planId}/allocate`, expected: [202, 202, 403, 403, 403, 403] },
    // The administrator publishes once the queued allocation is done; the manager then finds it published.
    {
      name: 'supply plan publish',
      method: 'POST',
      route: '/api/supply-plans/:id/publish',
      url: () => `/api/supply-plans/${planId}/publish`,
      body: async () => void (await ctx.t.jobs.waitIdle()),
      expected: [200, 409, 403, 403, 403, 403],
    },
    { name: 'order windows', method: 'GET', route: '/api/supply-plans/:id/windows', url: () => `/api/supply-plans/${planId}/windows`, expected: [200, 200, 200, 200, 200, 403] },
    {
      name: 'order window move',
      method: 'PUT',
      route: '/api/supply-plans/:id/windows/:weekday',
      url: () => `/api/supply-plans/${planId}/windows/1`,
      body: async () => ({ opensAt: '2030-01-06T00:00:00Z', closesAt: '2030-01-07T09:00:00Z' }),
      expected: [200, 200, 403, 403, 403, 403],
    },
    { name: 'order-day reminders', method: 'POST', route: '/api/ordering/reminders', url: () => '/api/ordering/reminders', expected: [200, 200, 403, 403, 403, 403] },
    { name: 'order-cycle stats', method: 'GET', route: '/api/ordering/stats', url: () => '/api/ordering/stats?weekStart=2026-11-16', expected: [200, 200, 200, 200, 200, 403] },
    { name: 'ordering own', method: 'GET', route: '/api/ordering/retailers/:id', url: () => `/api/ordering/retailers/${ctx.own()}`, expected: [200, 200, 200, 200, 200, 200] },
    { name: 'ordering other', method: 'GET', route: '/api/ordering/retailers/:id', url: () => `/api/ordering/retailers/${ctx.other()}`, expected: [200, 200, 404, 404, 200, 404] },
    { name: 'order own', method: 'POST', route: '/api/orders', url: () => '/api/orders', body: () => orderBody(ctx, ctx.own()), expected: [422, 422, 422, 422, 422, 422] },
    { name: 'order other', method: 'POST', route: '/api/orders', url: () => '/api/orders', body: () => orderBody(ctx, ctx.other()), expected: [422, 422, 404, 404, 422, 404] },
    {
      name: 'order amend other',
      method: 'PUT',
      route: '/api/orders/:id',
      url: () => `/api/orders/${otherOrderId}`,
      body: async () => ({ idempotencyKey: `matrix-${Math.random().toString(36).slice(2)}`, lines: [{ productId: 1, orderedQty: 1 }] }),
      expected: [422, 422, 404, 404, 422, 404],
    },
    // The other retailer's last order is not failed: retry is refused the same way for every allowed role.
    {
      name: 'settlement retry (not failed)',
      method: 'POST',
      route: '/api/orders/:id/settlement/retry',
      url: () => `/api/orders/${otherOrderId}/settlement/retry`,
      expected: [409, 409, 403, 403, 403, 403],
    },
    {
      name: 'settlement record (unknown order)',
      method: 'POST',
      route: '/api/orders/:id/settlement',
      url: () => '/api/orders/999999999/settlement',
      body: async () => ({ status: 'failed', failureReason: '余额不足' }),
      expected: [404, 404, 403, 403, 403, 403],
    },
    { name: 'emergency requests', method: 'GET', route: '/api/emergency-requests', url: () => '/api/emergency-requests', expected: [200, 200, 200, 200, 200, 200] },
    {
      name: 'emergency request other',
      method: 'POST',
      route: '/api/emergency-requests',
      url: () => '/api/emergency-requests',
      body: async () => ({ retailerId: ctx.other(), productId: 1, qty: 2, reason: '春节备货' }),
      expected: [201, 201, 404, 404, 201, 404],
    },
    {
      name: 'emergency decision (unknown)',
      method: 'POST',
      route: '/api/emergency-requests/:id/decision',
      url: () => '/api/emergency-requests/999999/decision',
      body: async () => ({ approve: false, reason: '货源不足' }),
      expected: [404, 404, 403, 403, 403, 403],
    },
    {
      name: 'correction of another retailer (too many)',
      method: 'POST',
      route: '/api/order-lines/:id/corrections',
      url: () => `/api/order-lines/${otherLineId}/corrections`,
      body: async () => ({ kind: 'return', qty: 100000, reason: '错单' }),
      expected: [422, 422, 404, 404, 422, 404],
    },
    {
      name: 'correction decision (unknown)',
      method: 'POST',
      route: '/api/order-corrections/:id/decision',
      url: () => '/api/order-corrections/999999/decision',
      body: async () => ({ approve: true, reason: '同意' }),
      expected: [404, 404, 403, 403, 403, 403],
    },
    { name: 'settlement report', method: 'GET', route: '/api/settlement/report', url: () => '/api/settlement/report?date=2026-11-17', expected: [200, 200, 403, 403, 403, 403] },
  ],
};
