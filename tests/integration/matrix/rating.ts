// Ratings (issue 5). Calls that would change state use requests every allowed
// role gets the same answer to: the demo's published run (id 2, 2026-09) for
// publish and tier changes (409), an unfinished month for starting a run (400),
// a broken scheme (422).
import { DEFAULT_SCHEME } from '../../../src/domain/rating/default-scheme.js';
import type { MatrixModule } from './types.js';

const PUBLISHED_RUN = 2;
const badScheme = () => {
  const s = structuredClone(DEFAULT_SCHEME);
  s.tiers.weights.quantity = 36;
  return { scheme: { ...s, version: 'matrix-bad' }, note: '' };
};

export const rating: MatrixModule = {
  calls: (ctx) => [
    //                                                                                         admin mgr  head worker agent retailer
    { name: 'rating runs', method: 'GET', route: '/api/ratings/runs', url: () => '/api/ratings/runs', expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'rating run start (unfinished month)',
      method: 'POST',
      route: '/api/ratings/runs',
      url: () => '/api/ratings/runs',
      body: async () => ({ month: '2026-11' }),
      expected: [400, 400, 403, 403, 403, 403],
    },
    { name: 'rating run', method: 'GET', route: '/api/ratings/runs/:id', url: () => `/api/ratings/runs/${PUBLISHED_RUN}`, expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'rating movers',
      method: 'GET',
      route: '/api/ratings/runs/:id/movers',
      url: () => `/api/ratings/runs/${PUBLISHED_RUN}/movers`,
      expected: [200, 200, 200, 200, 403, 403],
    },
    {
      name: 'rating run scope',
      method: 'GET',
      route: '/api/ratings/runs/:id/scope',
      url: () => `/api/ratings/runs/${PUBLISHED_RUN}/scope`,
      expected: [200, 200, 200, 200, 403, 403],
    },
    {
      name: 'rating publish (already published)',
      method: 'POST',
      route: '/api/ratings/runs/:id/publish',
      url: () => `/api/ratings/runs/${PUBLISHED_RUN}/publish`,
      body: async () => ({}),
      expected: [409, 409, 403, 403, 403, 403],
    },
    {
      name: 'rating tier change (published run)',
      method: 'POST',
      route: '/api/ratings/runs/:id/retailers/:retailerId/tier',
      url: () => `/api/ratings/runs/${PUBLISHED_RUN}/retailers/${ctx.own()}/tier`,
      body: async () => ({ toTier: 1, reason: '矩阵测试原因' }),
      expected: [409, 409, 403, 403, 403, 403],
    },
    { name: 'rating schemes', method: 'GET', route: '/api/ratings/schemes', url: () => '/api/ratings/schemes', expected: [200, 200, 200, 200, 403, 403] },
    {
      name: 'rating scheme save (invalid)',
      method: 'POST',
      route: '/api/ratings/schemes',
      url: () => '/api/ratings/schemes',
      body: async () => badScheme(),
      expected: [422, 422, 403, 403, 403, 403],
    },
    {
      name: 'rating own retailer',
      method: 'GET',
      route: '/api/ratings/retailers/:id',
      url: () => `/api/ratings/retailers/${ctx.own()}`,
      expected: [200, 200, 200, 200, 403, 200],
    },
    {
      name: 'rating other retailer',
      method: 'GET',
      route: '/api/ratings/retailers/:id',
      url: () => `/api/ratings/retailers/${ctx.other()}`,
      expected: [200, 200, 404, 404, 403, 404],
    },
    {
      name: 'rating freeze (published month)',
      method: 'POST',
      route: '/api/ratings/freezes',
      url: () => '/api/ratings/freezes',
      body: async () => ({ retailerId: ctx.own(), month: '2026-09', reason: '矩阵测试冻结' }),
      expected: [409, 409, 403, 403, 403, 403],
    },
    {
      name: 'rating tier cause (published month)',
      method: 'POST',
      route: '/api/ratings/tier-causes',
      url: () => '/api/ratings/tier-causes',
      body: async () => ({ retailerId: ctx.own(), month: '2026-09', reason: '矩阵测试原因' }),
      expected: [409, 409, 403, 403, 403, 403],
    },
    {
      name: 'rating compliance record',
      method: 'POST',
      route: '/api/ratings/compliance',
      url: () => '/api/ratings/compliance',
      body: async () => ({ retailerId: ctx.own(), month: '2026-12', score: 95, penalties: 0 }),
      expected: [201, 201, 403, 403, 403, 403],
    },
    {
      name: 'rating compliance import (no file)',
      method: 'POST',
      route: '/api/ratings/compliance/import',
      url: () => '/api/ratings/compliance/import',
      expected: [400, 400, 403, 403, 403, 403],
    },
    {
      name: 'rating review sheet',
      method: 'GET',
      route: '/api/ratings/review-sheet',
      url: () => '/api/ratings/review-sheet?month=2026-09',
      expected: [200, 200, 200, 200, 403, 403],
    },
    // Customer representatives: calls that would change state aim at a missing representative (404) or an invalid cap (422).
    { name: 'representatives', method: 'GET', route: '/api/representatives', url: () => '/api/representatives', expected: [200, 200, 200, 200, 403, 200] },
    {
      name: 'representative candidates',
      method: 'GET',
      route: '/api/representatives/candidates',
      url: () => '/api/representatives/candidates',
      expected: [200, 200, 200, 200, 403, 403],
    },
    {
      name: 'representative cap over 20%',
      method: 'PUT',
      route: '/api/representatives/settings',
      url: () => '/api/representatives/settings',
      body: async () => ({ capPct: 25 }),
      expected: [422, 422, 403, 403, 403, 403],
    },
    {
      name: 'representative invite (unknown shop)',
      method: 'POST',
      route: '/api/representatives',
      url: () => '/api/representatives',
      body: async () => ({ retailerId: 99999999 }),
      expected: [404, 404, 403, 403, 403, 403],
    },
    {
      name: 'representative respond (missing)',
      method: 'POST',
      route: '/api/representatives/:id/respond',
      url: () => '/api/representatives/99999999/respond',
      body: async () => ({ accept: true }),
      expected: [403, 403, 403, 403, 403, 404],
    },
    {
      name: 'representative exit (missing)',
      method: 'POST',
      route: '/api/representatives/:id/exit',
      url: () => '/api/representatives/99999999/exit',
      body: async () => ({ reason: '矩阵测试退出' }),
      expected: [403, 403, 403, 403, 403, 404],
    },
    {
      name: 'representative review (missing)',
      method: 'POST',
      route: '/api/representatives/:id/review',
      url: () => '/api/representatives/99999999/review',
      body: async () => ({ outcome: 'keep', reason: '矩阵测试复核' }),
      expected: [404, 404, 403, 403, 403, 403],
    },
  ],
};
