// The county's accounts (decision 0862): only the administrator lists them and resets a password. The reset is
// called on an id nobody has, so no demo account's password changes: 404 for the administrator, 403 for the others.
import type { MatrixModule } from './types.js';

const missing = 2147483646;

export const users: MatrixModule = {
  calls: () => [
    //                                                                                 admin mgr  head worker agent retailer
    { name: 'users of the county', method: 'GET', route: '/api/users', url: () => '/api/users', expected: [200, 403, 403, 403, 403, 403] },
    {
      name: 'reset a password (unknown user)', method: 'POST', route: '/api/users/:id/password-reset', url: () => `/api/users/${missing}/password-reset`,
      expected: [404, 403, 403, 403, 403, 403],
    },
  ],
};
