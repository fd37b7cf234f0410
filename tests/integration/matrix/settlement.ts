// Settlement screen and order-cycle measures (issue 6). Recording, retrying
// and the dated report are in ordering.ts; these are the calls the screens
// make without a date and the failed-deduction list every territory reads.
import type { MatrixModule } from './types.js';

export const settlement: MatrixModule = {
  calls: () => [
    //                                                                                                       admin mgr  head worker agent retailer
    { name: 'failed deductions', method: 'GET', route: '/api/settlement/failed', url: () => '/api/settlement/failed', expected: [200, 200, 200, 200, 403, 403] },
    { name: 'settlement report (latest day)', method: 'GET', route: '/api/settlement/report', url: () => '/api/settlement/report', expected: [200, 200, 403, 403, 403, 403] },
    { name: 'order-cycle stats (latest week)', method: 'GET', route: '/api/ordering/stats', url: () => '/api/ordering/stats', expected: [200, 200, 200, 200, 200, 403] },
  ],
};
