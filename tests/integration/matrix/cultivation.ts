// New-brand cultivation (issue 17): staff with a territory read launches in
// their scope; marketing creates them and asks for a recompute. The create
// call comes first: its body also finds the demo's launch in progress, which
// the later calls open.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

let running = 0;
let productId = 0;
const missing = 2147483646;

async function remember(ctx: MatrixContext) {
  if (!running) {
    [{ id: running }] = await query<{ id: number }>(ctx.t.database.db, sql`select id from launches order by launch_week desc, id desc limit 1`);
    [{ id: productId }] = await query<{ id: number }>(ctx.t.database.db, sql`select id from products where is_new and active order by id limit 1`);
  }
}

export const cultivation: MatrixModule = {
  reset: () => {
    running = 0;
    productId = 0;
  },
  calls: (ctx) => [
    //                                                                                                         admin mgr  head worker agent retailer
    {
      name: 'create a launch', method: 'POST', route: '/api/launches', url: () => '/api/launches',
      body: async () => {
        await remember(ctx);
        return { productId, launchWeek: '2026-11-23', target: { tierMin: 1 } };
      },
      expected: [201, 201, 403, 403, 403, 403],
    },
    { name: 'launches', method: 'GET', route: '/api/launches', url: () => '/api/launches', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'launch form options', method: 'GET', route: '/api/launches/options', url: () => '/api/launches/options', expected: [200, 200, 403, 403, 403, 403] },
    { name: 'launch dashboard (in scope)', method: 'GET', route: '/api/launches/:id', url: () => `/api/launches/${running}`, expected: [200, 200, 200, 200, 403, 403] },
    { name: 'launch dashboard (missing)', method: 'GET', route: '/api/launches/:id', url: () => `/api/launches/${missing}`, expected: [404, 404, 404, 404, 403, 403] },
    { name: 'recompute a launch', method: 'POST', route: '/api/launches/:id/recompute', url: () => `/api/launches/${running}/recompute`, expected: [202, 202, 403, 403, 403, 403] },
  ],
};
