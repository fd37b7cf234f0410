// The county's accounts (decisions 0862, 0863): only the administrator lists them, opens a staff account, edits one
// and resets a password. The reset and the edit are called on an id nobody has, so no demo account changes: 404 for
// the administrator, 403 for the others; the account opened is a call agent of its own, under a new name each time.
import type { MatrixModule } from './types.js';

const missing = 2147483646;
let opened = 0;

export const users: MatrixModule = {
  calls: () => [
    //                                                                                 admin mgr  head worker agent retailer
    { name: 'users of the county', method: 'GET', route: '/api/users', url: () => '/api/users', expected: [200, 403, 403, 403, 403, 403] },
    {
      name: 'open a staff account', method: 'POST', route: '/api/users', url: () => '/api/users',
      body: async () => ({ username: `mx_agent_${++opened}`, displayName: '矩阵测试坐席', role: 'call_agent' }),
      expected: [201, 403, 403, 403, 403, 403],
    },
    {
      name: 'edit an account (unknown user)', method: 'PATCH', route: '/api/users/:id', url: () => `/api/users/${missing}`,
      body: async () => ({ active: false }), expected: [404, 403, 403, 403, 403, 403],
    },
    {
      name: 'reset a password (unknown user)', method: 'POST', route: '/api/users/:id/password-reset', url: () => `/api/users/${missing}/password-reset`,
      expected: [404, 403, 403, 403, 403, 403],
    },
  ],
};
