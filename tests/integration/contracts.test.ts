// Inputs the database cannot take are refused at the door with a 400 naming
// the field, not a 500 from PostgreSQL: ids beyond int4, days that do not
// exist, text with NUL. And every list a screen reads answers through its
// response schema on real data, so a schema that drifted from the rows shows here.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let admin: string;
beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('county_manager');
  admin = await t.login('admin');
});
afterAll(() => t?.close());

const refused = async (method: string, url: string, body: unknown, field: string, code: string) => {
  const res = await t.api(manager, method, url, body);
  expect(res.statusCode, `${method} ${url}: ${res.body.slice(0, 200)}`).toBe(400);
  const json = res.json();
  expect(json.code).toBe('validation_failed');
  expect(json.details).toContainEqual(expect.objectContaining({ field, code }));
  expect(json.message).toMatch(/[\u4e00-\u9fff]/);
};

describe('request contracts', () => {
  it('an id beyond int4 in a path, a query or a body is a 400, not a database error', async () => {
    await refused('GET', '/api/retailers/2147483648', undefined, 'id', 'id_range');
    await refused('GET', '/api/ratings/retailers/99999999999', undefined, 'id', 'id_range');
    await refused('GET', '/api/orders?planId=2147483648', undefined, 'planId', 'id_range');
    await refused('POST', '/api/ratings/freezes', { retailerId: 2 ** 31, month: '2026-10', reason: '灾害冻结测试' }, 'retailerId', 'id_range');
    await refused('POST', '/api/representatives', { retailerId: 2 ** 40 }, 'retailerId', 'id_range');
  });

  it('a day that does not exist is a 400', async () => {
    await refused('GET', '/api/settlement/report?date=2026-02-30', undefined, 'date', 'date_format');
    await refused('GET', '/api/ordering/stats?weekStart=2026-13-01', undefined, 'weekStart', 'date_format');
    await refused('POST', '/api/supply-plans', { weekStart: '2026-02-30' }, 'weekStart', 'date_format');
  });

  it('text with a NUL byte or a lone surrogate is a 400', async () => {
    await refused('GET', '/api/retailers?q=%00abc', undefined, 'q', 'text_invalid_chars');
    await refused('POST', '/api/ratings/freezes', { retailerId: 1, month: '2026-10', reason: '冻结\u0000原因' }, 'reason', 'text_invalid_chars');
    await refused('POST', '/api/grids', { stationId: 1, name: '网格\ud800' }, 'name', 'text_invalid_chars');
  });
});

describe('response contracts on real data', () => {
  // Every GET without path parameters that a screen reads (the slow layout analyses and files aside).
  const lists = [
    '/api/me', '/api/config', '/api/org', '/api/stations', '/api/grids', '/api/retailers', '/api/audit',
    '/api/supply-plans', '/api/orders', '/api/order-corrections', '/api/emergency-requests', '/api/ordering/stats',
    '/api/settlement/report', '/api/settlement/failed', '/api/ratings/runs', '/api/ratings/schemes',
    '/api/representatives', '/api/representatives/candidates', '/api/grid-workers', '/api/service-modes', '/api/delivery-points', '/api/visits/config',
  ];
  for (const url of lists) {
    it(`GET ${url} answers through its schema`, async () => {
      const res = await t.api(url === '/api/audit' ? admin : manager, 'GET', url);
      expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    });
  }

  it('a new supply plan and a started rating run answer with their timestamps as ISO strings', async () => {
    const created = await t.api(manager, 'POST', '/api/supply-plans', { weekStart: '2026-11-30' });
    expect(created.statusCode, created.body.slice(0, 300)).toBe(201);
    const plan = created.json();
    expect(plan.plan).toMatchObject({ weekStart: '2026-11-30', status: 'draft', publishedAt: null });
    expect(plan.items.length).toBeGreaterThan(0);
    const run = await t.api(manager, 'POST', '/api/ratings/runs', { month: '2026-10' });
    expect(run.statusCode, run.body.slice(0, 300)).toBe(202);
    expect(run.json().startedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
    // The batch runs on; wait for its draft so the finished run answers through the schema too.
    let done = run.json();
    for (let i = 0; i < 240 && done.status === 'computing'; i++) {
      await new Promise((r) => setTimeout(r, 250));
      done = (await t.api(manager, 'GET', `/api/ratings/runs/${done.id}`)).json();
    }
    expect(done.status, done.error).toBe('draft');
    expect(done.finishedAt).toMatch(/Z$/);
    expect(done.summary.distribution.tier.length).toBeGreaterThan(0);
  });
});
