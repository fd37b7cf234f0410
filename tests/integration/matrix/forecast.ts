// Demand forecasts (issue 18): staff with a territory read the forecast screen
// in their scope; marketing overrides the county's figures and asks for a
// fresh run. The matrix's county has no forecast run yet: a product's series
// is not found, an override is refused (409) — and the run, queued last, is
// what a manager's click starts (the module must stay last in MATRIX: it stops the job runner).
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

let productId = 0;

async function product(ctx: MatrixContext) {
  if (!productId) [{ id: productId }] = await query<{ id: number }>(ctx.t.database.db, sql`select id from products where active order by id limit 1`);
  return productId;
}

export const forecast: MatrixModule = {
  reset: () => {
    productId = 0;
  },
  calls: (ctx) => [
    //                                                                                                                admin mgr  head worker agent retailer
    { name: 'forecast overview', method: 'GET', route: '/api/forecasts', url: () => '/api/forecasts', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'forecast accuracy by grid', method: 'GET', route: '/api/forecasts/accuracy', url: () => '/api/forecasts/accuracy?month=2026-11', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'shops likely to run out', method: 'GET', route: '/api/forecasts/stockout-risks', url: () => '/api/forecasts/stockout-risks', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'forecast series (no run yet)', method: 'GET', route: '/api/forecasts/products/:productId', url: () => `/api/forecasts/products/${productId || 1}`, expected: [404, 404, 404, 404, 403, 403] },
    {
      name: 'override a forecast (no run yet)', method: 'POST', route: '/api/forecasts/overrides', url: () => '/api/forecasts/overrides',
      body: async () => ({ productId: await product(ctx), weekStart: '2026-11-30', qty: 10, reason: '春节备货' }),
      expected: [409, 409, 403, 403, 403, 403],
    },
    {
      name: 'withdraw an override (no run yet)', method: 'POST', route: '/api/forecasts/overrides/withdraw', url: () => '/api/forecasts/overrides/withdraw',
      body: async () => ({ productId: await product(ctx), weekStart: '2026-11-30', reason: '备货结束' }),
      expected: [409, 409, 403, 403, 403, 403],
    },
    {
      name: 'shops of a product and week (no run yet)', method: 'GET', route: '/api/forecasts/products/:productId/shops',
      url: () => `/api/forecasts/products/${productId || 1}/shops?weekStart=2026-11-30`,
      expected: [409, 409, 409, 409, 403, 403],
    },
    {
      name: 'override a shop (no run yet)', method: 'POST', route: '/api/forecasts/shop-overrides', url: () => '/api/forecasts/shop-overrides',
      body: async () => ({ retailerId: ctx.own(), productId: await product(ctx), weekStart: '2026-11-30', qty: 10, reason: '婚宴' }),
      expected: [409, 409, 409, 409, 403, 403],
    },
    {
      name: 'withdraw a shop override (no run yet)', method: 'POST', route: '/api/forecasts/shop-overrides/withdraw', url: () => '/api/forecasts/shop-overrides/withdraw',
      body: async () => ({ retailerId: ctx.own(), productId: await product(ctx), weekStart: '2026-11-30', reason: '婚宴取消' }),
      expected: [409, 409, 409, 409, 403, 403],
    },
    {
      name: 'run the forecast', method: 'POST', route: '/api/forecasts/runs', url: () => '/api/forecasts/runs',
      // Only queued here: the runner stops first (forecast is the last module), or each 202 would cost the file a
      // whole forecast run (about 90 s each on a loaded machine) that nobody reads.
      body: async () => {
        await ctx.t.jobs.stop(0);
        return {};
      },
      expected: [202, 202, 403, 403, 403, 403],
    },
  ],
};
