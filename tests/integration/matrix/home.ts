// The "today" home (issue 17): every role reads its own items.
import type { MatrixModule } from './types.js';

export const home: MatrixModule = {
  calls: () => [
    //                                                                 admin mgr  head worker agent retailer
    { name: 'home', method: 'GET', route: '/api/home', url: () => '/api/home', expected: [200, 200, 200, 200, 200, 200] },
  ],
};
