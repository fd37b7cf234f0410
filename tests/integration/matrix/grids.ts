// Grids and the map (issue 4). The map is for staff with a territory; grid
// changes for those who run one. Mutating calls use bodies that give the same
// answer however often they run (a non-empty grid cannot be deleted, a merge
// into itself is refused, a move into the retailer's own grid moves nothing).
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixContext, MatrixModule } from './types.js';

// Filled by the first call's body, which runs before any later call builds its URL.
const ids = { grid: 0, station: 0, worker: 0 };
let counter = 0;

async function load({ t, own }: MatrixContext) {
  const [r] = await query<{ grid: number; station: number; worker: number }>(
    t.database.db,
    sql`select g.id as grid, g.station_id as station, g.worker_id as worker from retailers r join grids g on g.id = r.grid_id where r.id = ${own()}`,
  );
  Object.assign(ids, r);
}

// A small square around the county centre (醴陵 city).
const ring = () => [[113.49, 27.64], [113.51, 27.64], [113.51, 27.66], [113.49, 27.66]];

export const grids: MatrixModule = {
  calls: (ctx) => [
    //                                                                                        admin mgr  head worker agent retailer
    {
      name: 'map select',
      method: 'POST',
      route: '/api/map/select',
      url: () => '/api/map/select',
      body: async () => (await load(ctx), { ring: ring() }),
      expected: [200, 200, 200, 200, 403, 403],
    },
    { name: 'map points', method: 'GET', route: '/api/map/points', url: () => '/api/map/points', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'map grids', method: 'GET', route: '/api/map/grids', url: () => '/api/map/grids', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'map grid overlaps', method: 'GET', route: '/api/map/grid-overlaps', url: () => '/api/map/grid-overlaps', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'map places', method: 'GET', route: '/api/map/places', url: () => '/api/map/places', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'grid workers', method: 'GET', route: '/api/grid-workers', url: () => '/api/grid-workers', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'grid moves', method: 'GET', route: '/api/grids/:id/moves', url: () => `/api/grids/${ids.grid}/moves`, expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'grid create',
      method: 'POST',
      route: '/api/grids',
      url: () => '/api/grids',
      body: async () => ({ stationId: ids.station, name: `矩阵网格${++counter}`, workerId: ids.worker }),
      expected: [200, 200, 200, 403, 403, 403],
    },
    {
      name: 'grid edit',
      method: 'PATCH',
      route: '/api/grids/:id',
      url: () => `/api/grids/${ids.grid}`,
      body: async () => ({ policy: `一格一策 ${++counter}` }),
      expected: [200, 200, 200, 403, 403, 403],
    },
    { name: 'grid delete non-empty', method: 'DELETE', route: '/api/grids/:id', url: () => `/api/grids/${ids.grid}`, expected: [409, 409, 409, 403, 403, 403] },
    {
      name: 'grid area',
      method: 'PUT',
      route: '/api/grids/:id/area',
      url: () => `/api/grids/${ids.grid}/area`,
      body: async () => ({ ring: null }),
      expected: [200, 200, 200, 403, 403, 403],
    },
    {
      name: 'grid split without worker',
      method: 'POST',
      route: '/api/grids/:id/split',
      url: () => `/api/grids/${ids.grid}/split`,
      body: async () => ({ name: '拆分', workerId: null }),
      expected: [422, 422, 422, 403, 403, 403],
    },
    {
      name: 'grid merge into itself',
      method: 'POST',
      route: '/api/grids/:id/merge',
      url: () => `/api/grids/${ids.grid}/merge`,
      body: async () => ({ intoGridId: ids.grid }),
      expected: [422, 422, 422, 403, 403, 403],
    },
    {
      name: 'grid move retailers',
      method: 'POST',
      route: '/api/grids/:id/retailers',
      url: () => `/api/grids/${ids.grid}/retailers`,
      body: async () => ({ retailerIds: [ctx.own()] }),
      expected: [200, 200, 200, 403, 403, 403],
    },
    {
      name: 'grid proposal',
      method: 'POST',
      route: '/api/grid-proposals',
      url: () => '/api/grid-proposals',
      body: async () => ({ stationId: ids.station, grids: 5 }),
      expected: [202, 202, 202, 403, 403, 403],
    },
    { name: 'blank villages', method: 'GET', route: '/api/layout/blank-villages', url: () => '/api/layout/blank-villages', expected: [200, 200, 200, 403, 403, 403] },
    { name: 'dense spots', method: 'GET', route: '/api/layout/dense-spots', url: () => '/api/layout/dense-spots', expected: [200, 200, 200, 403, 403, 403] },
    { name: 'layout export', method: 'GET', route: '/api/layout/export', url: () => '/api/layout/export?kind=blank&format=csv', expected: [200, 200, 200, 403, 403, 403] },
    { name: 'service modes', method: 'GET', route: '/api/service-modes', url: () => '/api/service-modes', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'service modes classify', method: 'POST', route: '/api/service-modes/classify', url: () => '/api/service-modes/classify', expected: [200, 200, 200, 403, 403, 403] },
    {
      name: 'service mode set',
      method: 'PUT',
      route: '/api/service-modes/:id',
      url: () => `/api/service-modes/${ctx.own()}`,
      body: async () => ({ mode: 'fixed' }),
      expected: [200, 200, 200, 403, 403, 403],
    },
    {
      name: 'delivery proposal',
      method: 'POST',
      route: '/api/delivery-points/proposal',
      url: () => '/api/delivery-points/proposal',
      body: async () => ({ p: 2, maxKm: 5, remoteKm: 5 }),
      expected: [202, 202, 202, 403, 403, 403],
    },
    {
      name: 'delivery record',
      method: 'PUT',
      route: '/api/delivery-points',
      url: () => '/api/delivery-points',
      body: async () => ({ points: [] }),
      expected: [200, 200, 200, 403, 403, 403],
    },
    { name: 'delivery points', method: 'GET', route: '/api/delivery-points', url: () => '/api/delivery-points', expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'grid proposal apply unknown',
      method: 'POST',
      route: '/api/grid-proposals/:id/apply',
      url: () => '/api/grid-proposals/999999/apply',
      expected: [404, 404, 404, 403, 403, 403],
    },
  ],
};
