// Care (issue 16 items 6–9): the special-group register only for the worker,
// station head and county manager (decision 1121); care tasks, disasters and
// activities for staff with a territory (and the admin reads them); a disaster
// is declared and frozen by the county manager. Missing ids are 404.
import { sql } from 'drizzle-orm';
import { query } from '../../../src/db/client.js';
import type { MatrixModule } from './types.js';

const missing = 2147483646;
const PNG = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';
const KINDS = ['wubao', 'martyr', 'dibao', 'elderly_alone'] as const;
let created = 0;

export const care: MatrixModule = {
  reset: () => {
    created = 0;
  },
  calls: (ctx) => {
    const gridOf = async (id: number) => (await query<{ g: number }>(ctx.t.database.db, sql`select grid_id as g from retailers where id = ${id}`))[0].g;
    // A shop of the retailer account's grid with no care record, so each allowed role registers a new kind.
    const freshShop = async () =>
      (await query<{ id: number }>(ctx.t.database.db, sql`select r.id from retailers r where r.grid_id = (select grid_id from retailers where id = ${ctx.own()}) and r.status = 'active'
        and not exists (select 1 from care_special_groups s where s.retailer_id = r.id) order by r.id limit 1`))[0]?.id ?? ctx.own();
    return [
      //                                                                                                                     admin mgr  head worker agent retailer
      { name: 'special-group register', method: 'GET', route: '/api/care/special-groups', url: () => '/api/care/special-groups', expected: [403, 200, 200, 200, 403, 403] },
      {
        name: 'register a special-group shop', method: 'POST', route: '/api/care/special-groups', url: () => '/api/care/special-groups',
        body: async () => ({ retailerId: await freshShop(), kind: KINDS[created++ % KINDS.length], authority: '民政局', photo: PNG, validUntil: '2027-12-31', recheckOn: '2027-12-01' }),
        expected: [403, 201, 201, 201, 403, 403],
      },
      {
        name: 'renew a proof (missing)', method: 'PUT', route: '/api/care/special-groups/:id', url: () => `/api/care/special-groups/${missing}`,
        body: async () => ({ validUntil: '2027-12-31', recheckOn: '2027-12-01' }), expected: [403, 404, 404, 404, 403, 403],
      },
      { name: 'care photo (missing)', method: 'GET', route: '/api/care/files/:id', url: () => `/api/care/files/${missing}`, expected: [404, 404, 404, 404, 403, 403] },
      { name: 'care tasks', method: 'GET', route: '/api/care/tasks', url: () => '/api/care/tasks', expected: [200, 200, 200, 200, 403, 403] },
      { name: 'care task done (missing)', method: 'POST', route: '/api/care/tasks/:id/done', url: () => `/api/care/tasks/${missing}/done`, body: async () => ({}), expected: [403, 404, 404, 404, 403, 403] },
      { name: 'disasters', method: 'GET', route: '/api/care/disasters', url: () => '/api/care/disasters', expected: [200, 200, 200, 200, 403, 403] },
      {
        name: 'disaster area preview', method: 'POST', route: '/api/care/disasters/preview', url: () => '/api/care/disasters/preview',
        body: async () => ({ area: { kind: 'grids', gridIds: [await gridOf(ctx.own())] } }), expected: [403, 200, 403, 403, 403, 403],
      },
      {
        name: 'declare a disaster', method: 'POST', route: '/api/care/disasters', url: () => '/api/care/disasters',
        body: async () => ({ name: '矩阵测试', kind: 'flood', occurredOn: '2026-11-20', area: { kind: 'grids', gridIds: [await gridOf(ctx.own())] } }), expected: [403, 201, 403, 403, 403, 403],
      },
      { name: 'disaster (missing)', method: 'GET', route: '/api/care/disasters/:id', url: () => `/api/care/disasters/${missing}`, expected: [404, 404, 404, 404, 403, 403] },
      {
        name: 'contact checklist (missing)', method: 'PUT', route: '/api/care/disasters/:id/shops/:retailerId/contact', url: () => `/api/care/disasters/${missing}/shops/${ctx.own()}/contact`,
        body: async () => ({ reached: true }), expected: [403, 404, 404, 404, 403, 403],
      },
      {
        name: 'help ledger (missing disaster)', method: 'POST', route: '/api/care/disasters/:id/help', url: () => `/api/care/disasters/${missing}/help`,
        body: async () => ({ retailerId: ctx.own(), kind: 'money', amountYuan: 100, description: '慰问', approverId: 1, givenOn: '2026-11-21' }), expected: [403, 404, 404, 404, 403, 403],
      },
      {
        name: 'freeze a disaster (missing)', method: 'POST', route: '/api/care/disasters/:id/freeze', url: () => `/api/care/disasters/${missing}/freeze`,
        body: async () => ({ months: ['2026-12'] }), expected: [403, 404, 403, 403, 403, 403],
      },
      { name: 'recovery (missing)', method: 'GET', route: '/api/care/disasters/:id/recovery', url: () => `/api/care/disasters/${missing}/recovery`, expected: [404, 404, 404, 404, 403, 403] },
      { name: 'help approvers', method: 'GET', route: '/api/care/approvers', url: () => '/api/care/approvers', expected: [403, 200, 200, 200, 403, 403] },
      { name: 'activities', method: 'GET', route: '/api/care/activities', url: () => '/api/care/activities', expected: [200, 200, 200, 200, 403, 403] },
      {
        name: 'record an activity (own shop)', method: 'POST', route: '/api/care/activities', url: () => '/api/care/activities',
        body: async () => ({ kind: 'volunteer', title: '志愿服务', heldOn: '2026-11-20', retailerIds: [ctx.own()] }), expected: [403, 201, 201, 201, 403, 403],
      },
      { name: 'care on a shop file (own)', method: 'GET', route: '/api/retailers/:id/care', url: () => `/api/retailers/${ctx.own()}/care`, expected: [200, 200, 200, 200, 403, 403] },
      { name: 'care on a shop file (other station)', method: 'GET', route: '/api/retailers/:id/care', url: () => `/api/retailers/${ctx.other()}/care`, expected: [200, 200, 404, 404, 403, 403] },
    ];
  },
};
