// Heavy computations through the HTTP app (decisions 0801, 0810): the map's
// proposals are queued as jobs whose solvers run in worker threads, so the
// server keeps answering; one that outruns its budget ends with a code a
// person can act on, at once (no retry); parameters larger than the problem
// are refused before anything is queued; one user has one of a kind at a time.
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
  it('are queued at once and keep the server answering while they run', async () => {
    const [p, d] = await Promise.all([partition(manager), delivery(admin)]);
    expect([p.statusCode, d.statusCode]).toEqual([202, 202]);
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    const [pj, dj] = [await t.queued(manager, p), await t.queued(admin, d)];
    expect(pj).toMatchObject({ state: 'completed', progress: 100 });
    expect(pj.result.grids).toHaveLength(gridCount);
    expect(pj.result.proposed.grids).toBe(gridCount);
    expect(dj.state).toBe('completed');
    expect(dj.result.points.length).toBeGreaterThan(0);
    // Someone else cannot read another's proposal job.
    expect((await t.api(admin, 'GET', `/api/jobs/${p.json().job.id}`)).statusCode).toBe(404);
  });

  it('stop at their budget with computation_budget_exceeded, without retrying, and work again after', async () => {
    setComputeBudgets({ gridPartition: 1, deliveryPoints: 1 });
    for (const res of [await partition(manager), await delivery(manager)]) {
      const job = await t.queued(manager, res);
      expect(job).toMatchObject({ state: 'failed', error: 'computation_budget_exceeded', attempts: 1 });
    }
    setComputeBudgets({});
    expect((await t.queued(manager, await partition(manager))).state).toBe('completed');
  });

  it('refuse parameters larger than the problem before queuing anything', async () => {
    const tooMany = await delivery(manager, { p: 101, maxKm: 50, remoteKm: 0.5 });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().details).toEqual([expect.objectContaining({ field: 'p' })]);
    expect((await delivery(manager, { p: 10, maxKm: 500, remoteKm: 0.5 })).statusCode).toBe(400);
    expect((await t.api(manager, 'GET', '/api/layout/dense-spots?radiusM=50000')).statusCode).toBe(400);
    // The schema allows 5,000 grids; this county has 300 retailers.
    const grids = await t.api(manager, 'POST', '/api/grid-proposals', { grids: 5000 });
    expect(grids.statusCode).toBe(400);
    expect(grids.json().details).toEqual([expect.objectContaining({ field: 'grids', code: 'grids_above_retailers' })]);
    await t.jobs.waitIdle();
  });

  it('one at a time per user and kind: asking again while one is queued or running gets that one', async () => {
    const first = await partition(manager);
    const again = await partition(manager);
    expect(again.json().job.id).toBe(first.json().job.id);
    expect((await t.queued(manager, first)).state).toBe('completed');
    // Finished: a new request is a new job.
    const next = await partition(manager);
    expect(next.json().job.id).not.toBe(first.json().job.id);
    await t.queued(manager, next);
  });

  it('do not hold up another user or another kind', async () => {
    const [a, b, c] = await Promise.all([partition(manager), partition(admin), t.api(manager, 'GET', '/api/layout/dense-spots?radiusM=300&minCount=3')]);
    expect(c.statusCode).toBe(200);
    expect(a.json().job.id).not.toBe(b.json().job.id);
    expect([(await t.queued(manager, a)).state, (await t.queued(admin, b)).state]).toEqual(['completed', 'completed']);
  });
});
