// Customer representatives through the API: ranked candidates, the cap
// (default 5%, never over 20%), invitation and the shop's own answer, review
// with a reason, voluntary exit, and scope.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from '../support/test-app.js';

let t: TestApp;
let manager: string;
let worker: string;
let retailer: string;
let ownId: number;

beforeAll(async () => {
  t = await startTestApp();
  [manager, worker, retailer] = await Promise.all([t.login('county_manager'), t.login('grid_worker'), t.login('retailer')]);
  ownId = (await t.api(retailer, 'GET', '/api/me')).json().user.retailerId;
});
afterAll(() => t?.close());

type Candidate = { retailerId: number; score: number; eligible: boolean; rank: number; status: string | null };

describe('customer representatives', () => {
  it('ranks candidates, eligible and best first', async () => {
    const res = await t.api(manager, 'GET', '/api/representatives/candidates');
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Candidate[];
    expect(items.length).toBeGreaterThan(10);
    const firstIneligible = items.findIndex((c) => !c.eligible);
    const eligible = firstIneligible < 0 ? items : items.slice(0, firstIneligible);
    expect(eligible.map((c) => c.score)).toEqual([...eligible.map((c) => c.score)].sort((a, b) => b - a));
    expect(items.map((c) => c.rank)).toEqual(items.map((_, i) => i + 1));
  });

  it('keeps the cap: 5% by default, refuses over 20%, and refuses invitations beyond it', async () => {
    const start = (await t.api(manager, 'GET', '/api/representatives')).json();
    expect(start.capPct).toBe(5);
    expect(start.cap).toBe(Math.floor((start.retailers * 5) / 100));
    const over = await t.api(manager, 'PUT', '/api/representatives/settings', { capPct: 21 });
    expect(over.statusCode).toBe(422);
    expect(over.json().message).toContain('20%');
    const one = (await t.api(manager, 'PUT', '/api/representatives/settings', { capPct: 1 })).json();
    const items = (await t.api(manager, 'GET', '/api/representatives/candidates')).json().items as Candidate[];
    const picks = items.filter((c) => c.eligible && c.retailerId !== ownId);
    for (let i = 0; i < one.cap; i++) expect((await t.api(manager, 'POST', '/api/representatives', { retailerId: picks[i].retailerId })).statusCode).toBe(201);
    const beyond = await t.api(manager, 'POST', '/api/representatives', { retailerId: picks[one.cap].retailerId });
    expect(beyond.statusCode).toBe(409);
    expect(beyond.json().code).toBe('representative_cap_reached');
    expect((await t.api(manager, 'POST', '/api/representatives', { retailerId: picks[0].retailerId })).statusCode).toBe(409);
    await t.api(manager, 'PUT', '/api/representatives/settings', { capPct: 5 });
  });

  it('the shop answers its own invitation; the branch reviews with a reason; the shop may leave', async () => {
    const invited = await t.api(manager, 'POST', '/api/representatives', { retailerId: ownId });
    expect(invited.statusCode, invited.body).toBe(201);
    const id = invited.json().id;
    expect((await t.api(worker, 'POST', `/api/representatives/${id}/respond`, { accept: true })).statusCode).toBe(403);
    const mine = (await t.api(retailer, 'GET', '/api/representatives')).json().items;
    expect(mine.map((x: { retailerId: number }) => x.retailerId)).toEqual([ownId]);
    expect((await t.api(retailer, 'POST', `/api/representatives/${id}/respond`, { accept: true })).json().status).toBe('active');
    expect((await t.api(retailer, 'POST', `/api/representatives/${id}/respond`, { accept: true })).statusCode).toBe(409);

    expect((await t.api(manager, 'POST', `/api/representatives/${id}/review`, { outcome: 'keep', reason: '' })).statusCode).toBe(400);
    expect((await t.api(manager, 'POST', `/api/representatives/${id}/review`, { outcome: 'keep', reason: '本季度经营稳定' })).statusCode).toBe(200);
    expect((await t.api(manager, 'POST', `/api/representatives/${id}/review`, { outcome: 'demote', reason: '诚信等级降为 C 类' })).statusCode).toBe(200);
    const after = (await t.api(manager, 'GET', '/api/representatives')).json().items.find((x: { id: number }) => x.id === id);
    expect(after).toMatchObject({ status: 'demoted', endReason: '诚信等级降为 C 类', lastReview: { outcome: 'demote' } });

    const again = (await t.api(manager, 'POST', '/api/representatives', { retailerId: ownId })).json().id;
    await t.api(retailer, 'POST', `/api/representatives/${again}/respond`, { accept: true });
    const exit = await t.api(retailer, 'POST', `/api/representatives/${again}/exit`, { reason: '店面装修暂停营业' });
    expect(exit.json().status).toBe('exited');
  });

  it('a grid worker sees only representatives of their own grids', async () => {
    const all = (await t.api(manager, 'GET', '/api/representatives')).json().items.length;
    const mine = (await t.api(worker, 'GET', '/api/representatives')).json().items;
    const grids = new Set(((await t.api(worker, 'GET', '/api/grids')).json() as { name: string }[]).map((g) => g.name));
    expect(mine.every((x: { gridName: string }) => grids.has(x.gridName))).toBe(true);
    expect(mine.length).toBeLessThan(all);
  });
});
