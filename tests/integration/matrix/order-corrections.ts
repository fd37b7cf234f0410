// Wrong orders and returns, emergency supply lists, and the supply-plan sheet
// (issue 6). Everyone reads orders and corrections within scope; only
// marketing staff fetch the plan sheet or import one.
import type { MatrixModule } from './types.js';

export const orderCorrections: MatrixModule = {
  calls: () => [
    //                                                                                        admin mgr  head worker agent retailer
    { name: 'orders of the week', method: 'GET', route: '/api/orders', url: () => '/api/orders?q=店', expected: [200, 200, 200, 200, 200, 200] },
    { name: 'order corrections', method: 'GET', route: '/api/order-corrections', url: () => '/api/order-corrections?status=pending', expected: [200, 200, 200, 200, 200, 200] },
    {
      name: 'supply plan sheet (unknown plan)',
      method: 'GET',
      route: '/api/supply-plans/:id/import-template',
      url: () => '/api/supply-plans/999999/import-template',
      expected: [404, 404, 403, 403, 403, 403],
    },
    { name: 'supply plan import (no file)', method: 'POST', route: '/api/supply-plans/:id/import', url: () => '/api/supply-plans/999999/import', expected: [400, 400, 403, 403, 403, 403] },
  ],
};
