// Heavy computations through the HTTP app (decision 0810): they run in
// worker threads, so the server keeps answering while one is in flight; one
// that outruns its budget ends with a code a person can act on; parameters
// larger than the problem are refused; one user runs one of a kind at a time.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { setComputeBudgets, stopComputeWorkers } from '../../src/solver/compute.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let admin: string;
let gridCount: number;

beforeAll(async () => {
  t = await startTestApp();
  manager = await t.login('county_manager');
  admin = await t.login('admin');
  gridCount = ((await t.api(manager, 'GET', '/api/grids')).json() as unknown[]).length;
});
afterEach(() => setComputeBudgets({}));
afterAll(async () => {
  await stopComputeWorkers();
  await t?.close();
});

const partition = (cookie: string) => t.api(cookie, 'POST', '/api/grid-proposals', { grids: gridCount });
const delivery = (cookie: string, body: object = { p: 100, maxKm: 50, remoteKm: 0.5 }) => t.api(cookie, 'POST', '/api/delivery-points/proposal', body);

describe('heavy computations', () => {
  it('keep the server answering while they run', async () => {
    const order: string[] = [];
    const heavy = Promise.all([
      partition(manager).then((r) => order.push(`partition ${r.statusCode}`)),
      delivery(admin).then((r) => order.push(`delivery ${r.statusCode}`)),
    ]);
    const health = await t.app.inject({ method: 'GET', url: '/healthz' });
    order.push(`healthz ${health.statusCode}`);
    await heavy;
    // healthz answered before either computation came back.
    expect(order[0]).toBe('healthz 200');
    expect(order.slice(1).sort()).toEqual(['delivery 200', 'partition 200']);
  });

  it('stop at their budget with computation_budget_exceeded and its zh/en message, and work again after', async () => {
    setComputeBudgets({ gridPartition: 1, deliveryPoints: 1 });
    for (const res of [await partition(manager), await delivery(manager)]) {
      expect(res.statusCode, res.body).toBe(422);
      const body = res.json();
      expect(body.code).toBe('computation_budget_exceeded');
      expect(body.message).toMatch(/限定时间/);
      expect(body.messageEn).toMatch(/time limit/);
    }
    setComputeBudgets({});
    expect((await partition(manager)).statusCode).toBe(200);
  });

  it('refuse parameters larger than the problem', async () => {
    const tooMany = await delivery(manager, { p: 101, maxKm: 50, remoteKm: 0.5 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().details).toEqual([expect.objectContaining({ field: 'p' })]);
    expect((await delivery(manager, { p: 10, maxKm: 500, remoteKm: 0.5 })).statusCode).toBe(400);
    expect((await t.api(manager, 'GET', '/api/layout/dense-spots?radiusM=50000')).statusCode).toBe(400);
    // The schema allows 5,000 grids; this county has 300 retailers.
    const grids = await t.api(manager, 'POST', '/api/grid-proposals', { grids: 5000 });
    expect(grids.statusCode).toBe(400);
    expect(grids.json().details).toEqual([expect.objectContaining({ field: 'grids', code: 'grids_above_retailers' })]);
  });

  it('run one at a time per user and kind: a second one gets 409 computation_busy', async () => {
    const first = partition(manager);
    let settled = false;
    void first.then(() => (settled = true));
    const seconds: number[] = [];
    // Ask again while the first is in flight (it runs in a worker, so this loop gets its turns).
    while (!settled && seconds.length < 50) {
      const again = await partition(manager);
      seconds.push(again.statusCode);
      if (again.statusCode === 409) expect(again.json().code).toBe('computation_busy');
    }
    expect((await first).statusCode).toBe(200);
    expect(seconds).toContain(409);
    expect(seconds.every((s) => s === 409 || s === 200)).toBe(true);
    // Held by nobody now.
    expect((await partition(manager)).statusCode).toBe(200);
  });

  it('do not hold up another user or another kind', async () => {
    const [a, b, c] = await Promise.all([partition(manager), partition(admin), t.api(manager, 'GET', '/api/layout/dense-spots?radiusM=300&minCount=3')]);
    expect([a.statusCode, b.statusCode, c.statusCode]).toEqual([200, 200, 200]);
  });
});
