// Service desk (issue 15): cases, working them, 回访, rewards, policy, figures, the retailer's own cases.
import type { MatrixContext, MatrixModule } from './types.js';

type Ids = { open: number; closed1: number; closed2: number; valid: number; approved: number; photo: number };
let ids: Ids | null = null;

/** Cases the calls work on, made through the API once (the first call's body runs before any url is built). */
async function load({ t }: MatrixContext, own: number): Promise<Ids> {
  if (ids) return ids;
  const agent = await t.login('call_agent');
  const worker = await t.login('grid_worker');
  const manager = await t.login('county_manager');
  const make = async (text: string) => (await t.api(agent, 'POST', '/api/desk/cases', { retailerId: own, category: 'price', cause: 'price', text })).json().id as number;
  const open = await make('价格咨询');
  const closed1 = await make('标价问题');
  const closed2 = await make('价格不对');
  const valid = await make('价格不对 2');
  for (const id of [closed1, closed2, valid]) {
    const res = await t.api(worker, 'POST', `/api/desk/cases/${id}/close`, { resolution: 'resolved', text: '已处理', valid: true });
    if (res.statusCode !== 200) throw new Error(res.body);
  }
  await t.api(manager, 'POST', `/api/desk/cases/${valid}/rewards`, { kind: 'points', description: '积分 100', amount: 100 });
  const rewards = (await t.api(manager, 'GET', '/api/desk/rewards')).json().items as { id: number }[];
  await t.api(manager, 'POST', `/api/desk/rewards/${rewards[0].id}/decision`, { approve: true });
  await t.api(manager, 'POST', `/api/desk/cases/${valid}/rewards`, { kind: 'goods', description: '礼品', amount: 1 });
  // The retailer's own case with one photo (multipart: the case as JSON beside the file).
  const b = '----deskmatrix';
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64)]);
  const payload = Buffer.concat([
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="case"\r\n\r\n${JSON.stringify({ category: 'delivery', cause: 'damaged', text: '破损' })}\r\n`),
    Buffer.from(`--${b}\r\nContent-Disposition: form-data; name="photos"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`),
    png,
    Buffer.from(`\r\n--${b}--\r\n`),
  ]);
  const filed = await t.app.inject({ method: 'POST', url: '/api/my/cases', payload, headers: { cookie: await t.login('retailer'), 'content-type': `multipart/form-data; boundary=${b}` } });
  if (filed.statusCode !== 201) throw new Error(filed.body);
  ids = { open, closed1, closed2, valid, approved: rewards[0].id, photo: filed.json().id };
  return ids;
}

export const desk: MatrixModule = {
  reset: () => {
    ids = null;
  },
  calls: (ctx) => {
    const at = () => ids!;
    const c = (id: () => number, tail = '') => () => `/api/desk/cases/${id()}${tail}`;
    return [
      //                                                                                                      admin mgr  head worker agent retailer
      {
        name: 'desk case create own',
        method: 'POST',
        route: '/api/desk/cases',
        url: () => '/api/desk/cases',
        body: async () => {
          await load(ctx, ctx.own());
          return { retailerId: ctx.own(), category: 'packaging', text: '包装破损' };
        },
        expected: [201, 201, 201, 201, 201, 403],
      },
      {
        name: 'desk case create other station',
        method: 'POST',
        route: '/api/desk/cases',
        url: () => '/api/desk/cases',
        body: async () => ({ retailerId: ctx.other(), category: 'packaging', text: '包装破损' }),
        expected: [201, 201, 404, 404, 201, 403],
      },
      { name: 'desk cases', method: 'GET', route: '/api/desk/cases', url: () => '/api/desk/cases?status=all', expected: [200, 200, 200, 200, 200, 403] },
      { name: 'desk case photo', method: 'GET', route: '/api/desk/cases/:id/photos/:seq', url: () => `/api/desk/cases/${at().photo}/photos/1`, expected: [200, 200, 200, 200, 200, 403] },
      { name: 'desk case detail', method: 'GET', route: '/api/desk/cases/:id', url: c(() => at().open), expected: [200, 200, 200, 200, 200, 403] },
      { name: 'desk note', method: 'POST', route: '/api/desk/cases/:id/notes', url: c(() => at().open, '/notes'), body: async () => ({ text: '已联系' }), expected: [200, 200, 200, 200, 403, 403] },
      { name: 'desk call', method: 'POST', route: '/api/desk/cases/:id/calls', url: c(() => at().open, '/calls'), body: async () => ({ text: '回电', reached: true }), expected: [200, 200, 200, 200, 403, 403] },
      { name: 'desk reply', method: 'POST', route: '/api/desk/cases/:id/reply', url: c(() => at().open, '/reply'), body: async () => ({ text: '已核实' }), expected: [200, 200, 200, 200, 403, 403] },
      { name: 'desk forward', method: 'POST', route: '/api/desk/cases/:id/forward', url: c(() => at().open, '/forward'), body: async () => ({ ref: 'ZM-1' }), expected: [200, 200, 200, 200, 403, 403] },
      {
        name: 'desk reassign',
        method: 'POST',
        route: '/api/desk/cases/:id/reassign',
        url: c(() => at().open, '/reassign'),
        body: async () => {
          const r = await ctx.t.api(await ctx.t.login('admin'), 'GET', `/api/desk/cases/${at().open}`);
          return { handlerId: r.json().case.handlerId, reason: '原承办人' };
        },
        expected: [200, 200, 200, 403, 403, 403],
      },
      { name: 'desk close', method: 'POST', route: '/api/desk/cases/:id/close', url: c(() => at().open, '/close'), body: async () => ({ resolution: 'explained' }), expected: [200, 409, 409, 409, 403, 403] },
      { name: 'desk survey', method: 'POST', route: '/api/desk/cases/:id/survey', url: c(() => at().closed1, '/survey'), body: async () => ({ result: 'satisfied' }), expected: [200, 409, 409, 403, 409, 403] },
      { name: 'desk reward propose', method: 'POST', route: '/api/desk/cases/:id/rewards', url: c(() => at().valid, '/rewards'), body: async () => ({ kind: 'points', description: '积分' }), expected: [200, 200, 200, 403, 403, 403] },
      { name: 'desk reward decision', method: 'POST', route: '/api/desk/rewards/:id/decision', url: () => `/api/desk/rewards/${at().approved + 1}/decision`, body: async () => ({ approve: true }), expected: [200, 409, 403, 403, 403, 403] },
      { name: 'desk reward given', method: 'POST', route: '/api/desk/rewards/:id/given', url: () => `/api/desk/rewards/${at().approved}/given`, expected: [200, 409, 409, 403, 403, 403] },
      { name: 'desk cases export', method: 'GET', route: '/api/desk/cases/export', url: () => '/api/desk/cases/export?status=all&format=csv', expected: [200, 200, 200, 200, 200, 403] },
      { name: 'desk rewards', method: 'GET', route: '/api/desk/rewards', url: () => '/api/desk/rewards', expected: [200, 200, 200, 403, 403, 403] },
      { name: 'desk policy', method: 'GET', route: '/api/desk/policy', url: () => '/api/desk/policy', expected: [200, 200, 200, 200, 200, 403] },
      {
        name: 'desk policy update',
        method: 'PUT',
        route: '/api/desk/policy',
        url: () => '/api/desk/policy',
        body: async () => (await ctx.t.api(await ctx.t.login('admin'), 'GET', '/api/desk/policy')).json().rules,
        expected: [200, 200, 403, 403, 403, 403],
      },
      { name: 'desk stats export', method: 'GET', route: '/api/desk/stats/export', url: () => '/api/desk/stats/export?format=csv', expected: [200, 200, 200, 200, 403, 403] },
      { name: 'desk stats', method: 'GET', route: '/api/desk/stats', url: () => '/api/desk/stats', expected: [200, 200, 200, 200, 403, 403] },
      { name: 'my cases', method: 'GET', route: '/api/my/cases', url: () => '/api/my/cases', expected: [403, 403, 403, 403, 403, 200] },
      { name: 'my case file', method: 'POST', route: '/api/my/cases', url: () => '/api/my/cases', body: async () => ({ category: 'delivery', cause: 'late', text: '送货晚了' }), expected: [403, 403, 403, 403, 403, 201] },
      { name: 'my case photo', method: 'GET', route: '/api/my/cases/:id/photos/:seq', url: () => `/api/my/cases/${at().photo}/photos/1`, expected: [403, 403, 403, 403, 403, 200] },
      { name: 'my case survey', method: 'POST', route: '/api/my/cases/:id/survey', url: () => `/api/my/cases/${at().closed2}/survey`, body: async () => ({ result: 'basically' }), expected: [403, 403, 403, 403, 403, 200] },
    ];
  },
};
