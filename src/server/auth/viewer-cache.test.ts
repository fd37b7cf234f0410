import { describe, expect, it } from 'vitest';
import { ViewerCache } from './viewer-cache.js';
import type { Viewer } from '../../domain/access/viewer.js';

const worker: Viewer = { userId: 4, orgId: 1, role: 'grid_worker', username: 'worker1', displayName: '网格员一', stationId: 1, retailerId: null };
const now = new Date('2026-12-01T02:00:00Z');
const later = new Date('2026-12-01T14:00:00Z');

describe('viewer cache', () => {
  it('answers a fresh session without the database and forgets it after the TTL', () => {
    let t = 0;
    const cache = new ViewerCache(5_000, 100, () => t);
    cache.set('tok', worker, later);
    t = 4_999;
    expect(cache.get('tok', now)).toEqual(worker);
    t = 5_000;
    expect(cache.get('tok', now)).toBeUndefined();
  });

  it('never answers for a session past its expiry, however fresh the entry', () => {
    const cache = new ViewerCache(5_000, 100, () => 0);
    cache.set('tok', worker, later);
    expect(cache.get('tok', later)).toBeUndefined();
  });

  it("forgets a user's other sessions after a password change, keeping the one that changed it", () => {
    const cache = new ViewerCache(5_000, 100, () => 0);
    const agent: Viewer = { ...worker, userId: 5, username: 'agent' };
    cache.set('phone', worker, later);
    cache.set('desktop', worker, later);
    cache.set('other-user', agent, later);
    cache.forgetUser(worker.userId, 'desktop');
    expect(cache.get('phone', now)).toBeUndefined();
    expect(cache.get('desktop', now)).toEqual(worker);
    expect(cache.get('other-user', now)).toEqual(agent);
  });

  it('forgets a token at logout', () => {
    const cache = new ViewerCache(5_000, 100, () => 0);
    cache.set('tok', worker, later);
    cache.forget('tok');
    expect(cache.get('tok', now)).toBeUndefined();
  });

  it('stays within its size by dropping the oldest entries', () => {
    const cache = new ViewerCache(5_000, 10, () => 0);
    for (let i = 0; i < 25; i++) cache.set(`t${i}`, worker, later);
    expect(cache.get('t0', now)).toBeUndefined();
    expect(cache.get('t24', now)).toEqual(worker);
    const kept = Array.from({ length: 25 }, (_, i) => cache.get(`t${i}`, now)).filter(Boolean).length;
    expect(kept).toBeLessThanOrEqual(10);
  });
});
