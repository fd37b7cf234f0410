// The org tree (issue 19): the tree and rules every role reads; the roll-ups
// and their refresh for province and city users only; a county's own rule
// version for those who run the county.
import type { MatrixModule } from './types.js';

export const orgTree: MatrixModule = {
  calls: () => [
    //                                                                                                                                   admin mgr  head worker agent retailer
    { name: 'org tree', method: 'GET', route: '/api/org-tree', url: () => '/api/org-tree', expected: [200, 200, 200, 200, 200, 200], regionalHome: 200 },
    { name: 'roll-up', method: 'GET', route: '/api/rollups', url: () => '/api/rollups', expected: [403, 403, 403, 403, 403, 403], regionalHome: 200 },
    { name: 'roll-up retailer search', method: 'GET', route: '/api/rollups/retailers', url: () => '/api/rollups/retailers?q=%E4%BE%BF%E5%88%A9', expected: [403, 403, 403, 403, 403, 403], regionalHome: 200 },
    { name: 'roll-up export', method: 'GET', route: '/api/rollups/export', url: () => '/api/rollups/export?format=csv', expected: [403, 403, 403, 403, 403, 403], regionalHome: 200 },
    { name: 'roll-up refresh', method: 'POST', route: '/api/rollups/refresh', url: () => '/api/rollups/refresh', expected: [403, 403, 403, 403, 403, 403], regionalHome: 202 },
    { name: 'rule in force', method: 'GET', route: '/api/org-rules/:kind', url: () => '/api/org-rules/tier_shares', expected: [200, 200, 200, 200, 200, 200], regionalHome: 200 },
    {
      name: 'set a rule',
      method: 'PUT',
      route: '/api/org-rules/:kind',
      url: () => '/api/org-rules/tier_shares',
      body: async () => ({ body: { top: 5, middle: 60, bottom: 35 }, overridable: true }),
      expected: [200, 200, 403, 403, 403, 403],
      regionalHome: 200,
    },
  ],
};
