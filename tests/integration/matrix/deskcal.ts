// Working calendar and new-licensee onboarding (issue 15). Writes use bodies
// that are refused after the permission check (a make-up day on 国庆, a
// licence already recorded, a step already done), so the rows stay as seeded.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

const onboardingOf = async (ctx: MatrixContext, licenceNo: string) =>
  (await query<{ id: number; gridId: number }>(ctx.t.database.db, sql`select id, grid_id as "gridId" from onboardings where licence_no = ${licenceNo}`))[0];

let inWorker1Grid = 0;

export const deskcal: MatrixModule = {
  reset: () => {
    inWorker1Grid = 0;
  },
  calls: (ctx) => [
    //                                                                                                            admin mgr  head worker agent retailer
    { name: 'calendar year', method: 'GET', route: '/api/calendar/years/:year', url: () => '/api/calendar/years/2026', expected: [200, 200, 200, 200, 200, 403] },
    { name: 'calendar overrides', method: 'GET', route: '/api/calendar/overrides', url: () => '/api/calendar/overrides', expected: [200, 200, 200, 200, 200, 403] },
    {
      name: 'calendar override add (make-up day on 国庆)',
      method: 'POST',
      route: '/api/calendar/overrides',
      url: () => '/api/calendar/overrides',
      body: async () => ({ date: '2026-10-02', workday: true, name: '矩阵' }),
      expected: [422, 422, 403, 403, 403, 403],
    },
    {
      name: 'calendar override delete (none that day)',
      method: 'DELETE',
      route: '/api/calendar/overrides/:date',
      url: () => '/api/calendar/overrides/2031-01-02',
      expected: [404, 404, 403, 403, 403, 403],
    },
    { name: 'onboardings', method: 'GET', route: '/api/onboardings', url: () => '/api/onboardings', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'onboarding stats', method: 'GET', route: '/api/onboardings/stats', url: () => '/api/onboardings/stats', expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'onboarding record (licence already recorded)',
      method: 'POST',
      route: '/api/onboardings',
      url: () => '/api/onboardings',
      body: async () => {
        const o = await onboardingOf(ctx, '430281900003');
        inWorker1Grid = o.id;
        return { licenceNo: '430281900003', shopName: '矩阵', gridId: o.gridId };
      },
      expected: [409, 409, 403, 403, 403, 403],
    },
    {
      name: 'onboarding step complete (already done)',
      method: 'POST',
      route: '/api/onboardings/:id/steps',
      url: () => `/api/onboardings/${inWorker1Grid}/steps`,
      body: async () => {
        inWorker1Grid = (await onboardingOf(ctx, '430281900003')).id;
        return { step: 'marketing_notified' };
      },
      expected: [409, 409, 409, 409, 403, 403],
    },
  ],
};
