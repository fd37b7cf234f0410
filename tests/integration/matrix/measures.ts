// The four measures and score sheets (issue 17). The first call's body finds
// worker1 and their station (the sheets' subjects); writes use bodies that are
// refused after the permission check (weights not adding up, an unknown source),
// except a measures run, which recomputes the same night.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixModule } from './types.js';

let worker = 0;
let station = 0;
const BAD_WEIGHTS = { loyalty: { continuity: 0.5, stability: 0.5, tenure: 0.5, clean: 0.5 }, contribution: { percentile: 0.5, share: 0.2, margin: 0.3 }, tenureFullMonths: 36 };

export const measures: MatrixModule = {
  reset: () => {
    worker = 0;
    station = 0;
  },
  calls: (ctx) => [
    //                                                                                                            admin mgr  head worker agent retailer
    {
      name: 'measure definition update (weights not adding up)',
      method: 'PUT',
      route: '/api/measures/definition',
      url: () => '/api/measures/definition',
      body: async () => {
        const [u] = await query<{ id: number; stationId: number }>(ctx.t.database.db, sql`select id, station_id as "stationId" from users where username = 'worker1'`);
        worker = u.id;
        station = u.stationId;
        return BAD_WEIGHTS;
      },
      expected: [422, 422, 403, 403, 403, 403],
    },
    { name: 'measure definition', method: 'GET', route: '/api/measures/definition', url: () => '/api/measures/definition', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'measures run', method: 'POST', route: '/api/measures/runs', url: () => '/api/measures/runs', body: async () => ({}), expected: [202, 202, 403, 403, 403, 403] },
    { name: 'measures county', method: 'GET', route: '/api/measures/county', url: () => '/api/measures/county', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'retailer measures (own shop)', method: 'GET', route: '/api/retailers/:id/measures', url: () => `/api/retailers/${ctx.own()}/measures`, expected: [200, 200, 200, 200, 403, 403] },
    { name: 'retailer measures (other station)', method: 'GET', route: '/api/retailers/:id/measures', url: () => `/api/retailers/${ctx.other()}/measures`, expected: [200, 200, 404, 404, 403, 403] },
    { name: 'score scheme', method: 'GET', route: '/api/score-sheets/scheme', url: () => '/api/score-sheets/scheme', expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'score scheme update (unknown source)',
      method: 'PUT',
      route: '/api/score-sheets/scheme',
      url: () => '/api/score-sheets/scheme',
      body: async () => ({ items: [{ source: 'no_such_source', points: 10, target: 1, cap: 10 }] }),
      expected: [422, 422, 403, 403, 403, 403],
    },
    { name: 'score sheets', method: 'GET', route: '/api/score-sheets', url: () => '/api/score-sheets?month=2026-10', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'score sheet (worker1)', method: 'GET', route: '/api/score-sheets/:kind/:subjectId', url: () => `/api/score-sheets/worker/${worker}?month=2026-10`, expected: [200, 200, 200, 200, 403, 403] },
    { name: 'score sheet (worker1’s station)', method: 'GET', route: '/api/score-sheets/:kind/:subjectId', url: () => `/api/score-sheets/station/${station}?month=2026-10`, expected: [200, 200, 200, 404, 403, 403] },
    {
      name: 'score sheet drill (worker1 visits)',
      method: 'GET',
      route: '/api/score-sheets/:kind/:subjectId/items/:source',
      url: () => `/api/score-sheets/worker/${worker}/items/visits_done?month=2026-10`,
      expected: [200, 200, 200, 200, 403, 403],
    },
    { name: 'score sheet export (worker1)', method: 'GET', route: '/api/score-sheets/:kind/:subjectId/export', url: () => `/api/score-sheets/worker/${worker}/export?month=2026-10`, expected: [200, 200, 200, 200, 403, 403] },
  ],
};
